// Smoothing raw country runs into the sequence a user reads.
import { describe, expect, it } from 'vitest';
import type { CountryRun } from '../../../server/core/network/country-runs.js';
import { countryChanges, countryStretches } from '../../../server/core/trace/country-sequence.js';

const run = (
  fromKm: number,
  toKm: number,
  country: string | null,
  border: [string, string] | null = null,
): CountryRun => ({
  fromKm,
  toKm,
  country,
  border,
});
const seq = (runs: CountryRun[]) => countryStretches(runs).map((s) => s.countries.join('/'));

describe('countryStretches', () => {
  it('keeps a long border stretch with the country the river comes from first', () => {
    expect(seq([run(0, 10, 'SVK'), run(10, 50, 'HUN', ['HUN', 'SVK']), run(50, 80, 'HUN')])).toEqual([
      'SVK',
      'SVK/HUN',
      'HUN',
    ]);
  });

  it('turns a border contact shorter than 4 km into a plain crossing', () => {
    expect(
      seq([
        run(0, 10, 'AUT'),
        run(10, 11, 'AUT', ['AUT', 'SVK']),
        run(11, 12.5, 'SVK', ['AUT', 'SVK']),
        run(12.5, 30, 'SVK'),
      ]),
    ).toEqual(['AUT', 'SVK']);
  });

  it('does not alternate along a border stretch where the polygons flicker', () => {
    const flicker = Array.from({ length: 20 }, (_, i) =>
      run(10 + i * 5, 15 + i * 5, i % 2 ? 'HRV' : 'SRB', ['HRV', 'SRB']),
    );
    expect(seq([run(0, 10, 'HUN'), ...flicker, run(110, 200, 'SRB')])).toEqual(['HUN', 'SRB/HRV', 'SRB']);
  });

  it('closes a short gap where a meander leaves the border buffer', () => {
    expect(
      seq([run(0, 20, 'ROU', ['BGR', 'ROU']), run(20, 20.6, 'BGR'), run(20.6, 60, 'ROU', ['BGR', 'ROU'])]),
    ).toEqual(['ROU/BGR']);
  });

  it('absorbs sub-kilometre slivers and off-polygon runs', () => {
    expect(seq([run(0, 30, 'HUN'), run(30, 30.4, 'SRB'), run(30.4, 60, 'HUN'), run(60, 61, null)])).toEqual([
      'HUN',
    ]);
  });

  it('reports crossings, and the start and end of border stretches', () => {
    const s = countryStretches([
      run(0, 10, 'SVK'),
      run(10, 50, 'HUN', ['HUN', 'SVK']),
      run(50, 80, 'HUN'),
      run(80, 90, 'SRB'),
    ]);
    expect(countryChanges(s)).toEqual([
      { km: 10, from: 'SVK', to: 'HUN', kind: 'stretch_start' },
      { km: 50, from: 'SVK', to: 'HUN', kind: 'stretch_end' },
      { km: 80, from: 'HUN', to: 'SRB', kind: 'crossing' },
    ]);
  });
});
