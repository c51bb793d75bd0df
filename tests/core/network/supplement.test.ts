// Network supplements: the file is checked field by field, each line joins the river it flows into
// at its downstream end within the tolerance, and a HydroRIVERS reach is split where one joins it.
import { describe, expect, it } from 'vitest';
import { buildHydroNetwork, type HydroReachRecord } from '../../../server/core/network/hydrorivers.js';
import {
  type JoinResult,
  joinSupplements,
  parseSupplement,
  type SupplementLine,
} from '../../../server/core/network/supplement.js';
import { addSupplementRecords } from '../../../server/core/network/supplement-records.js';

const feature = (properties: Record<string, unknown>, coordinates: number[][]) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const parse = (...features: unknown[]) => parseSupplement(fc(...features), 'test.geojson');
const line = (name: string, flowsInto: string, coords: number[][]): SupplementLine => {
  const p = parse(feature({ name, flowsInto, source: 'test', approximate: true }, coords));
  if (!p.ok) throw new Error(p.errors.join());
  return p.lines[0]!;
};

// The Syr Darya near Chinaz, where the Chirchik joins at 40.8993 N 68.7076 E (Wikipedia "Chirchiq (river)").
const syrDarya = { coords: [68.9, 40.75, 68.71, 40.9, 68.45, 41.1], names: ['Syr Darya', null] };

describe('parseSupplement', () => {
  it('names each missing or wrong field and what to give', () => {
    const p = parse(
      feature({ flowsInto: 'Syr Darya', source: 's', approximate: true }, [
        [0, 0],
        [1, 1],
      ]),
      feature({ name: 'X', flowsInto: 'Y', approximate: 'yes' }, [[0, 0]]),
    );
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.errors).toContain('test.geojson feature 1 (properties.name): give the river name');
    expect(p.errors).toContain(
      'test.geojson feature 2 (properties.source): cite the documented points the line was digitised from',
    );
    expect(p.errors).toContain(
      'test.geojson feature 2 (properties.approximate): say whether the line is approximate (true/false)',
    );
    expect(p.errors).toContain(
      'test.geojson feature 2 (geometry.coordinates): a line needs at least two points',
    );
  });

  it('refuses something that is not a FeatureCollection', () => {
    expect(parseSupplement({ type: 'Feature' }, 'x.json')).toEqual({
      ok: false,
      errors: ['x.json: expected a GeoJSON FeatureCollection of LineStrings.'],
    });
  });
});

describe('joinSupplements', () => {
  it('joins the downstream end to the named river, reporting the distance', () => {
    const chirchik = line('Chirchik', 'Syr Darya', [
      [69.58, 41.47],
      [68.7076, 40.8993],
    ]);
    const [r] = joinSupplements([chirchik], [syrDarya]);
    expect(r).toMatchObject({ ok: true, river: 'Syr Darya', into: { kind: 'network', index: 0 } });
    expect((r as Extract<JoinResult, { ok: true }>).distanceKm).toBeLessThan(0.5);
  });

  it('refuses an end beyond the tolerance, saying how far the river is', () => {
    const far = line('Chirchik', 'Syr Darya', [
      [69.58, 41.47],
      [68.9, 41.1],
    ]);
    const [r] = joinSupplements([far], [syrDarya]);
    expect(r!.ok).toBe(false);
    expect(r!.ok ? '' : r!.message).toMatch(/is not within 5 km of Syr Darya \(nearest 26.9 km away/);
  });

  it('refuses a receiving river that is not in the network, and ignores other rivers nearby', () => {
    const r = joinSupplements(
      [
        line('Chirchik', 'Amu Darya', [
          [69.58, 41.47],
          [68.7076, 40.8993],
        ]),
      ],
      [syrDarya],
    );
    expect(r[0]!.ok ? '' : r[0]!.message).toMatch(/no river of that name within 500 km/);
  });

  it('joins a tributary of a supplement, and refuses supplements flowing into each other', () => {
    const a = line('Lăpuș', 'Someș', [
      [23.86, 47.45],
      [23.46, 47.635],
      [23.39, 47.648],
    ]);
    const b = line('Săsar', 'Lapus', [
      [23.69, 47.7],
      [23.568, 47.657],
      [23.46, 47.636],
    ]);
    const somes = { coords: [23.3, 47.6, 23.39, 47.65, 23.2, 47.8], names: ['Someș'] };
    const [ra, rb] = joinSupplements([a, b], [somes]);
    expect(ra).toMatchObject({ ok: true, into: { kind: 'network' } });
    expect(rb).toMatchObject({ ok: true, river: 'Lapus', into: { kind: 'supplement', index: 0 } });
    const x = line('X', 'Y', [
      [0, 0],
      [0.1, 0.1],
    ]);
    const y = line('Y', 'X', [
      [0.1, 0.1],
      [0, 0.001],
    ]);
    expect(joinSupplements([x, y], []).map((r) => (r.ok ? 'ok' : r.message))).toEqual([
      'test.geojson feature 1 (X): supplements flow into each other in a circle.',
      'test.geojson feature 1 (Y): supplements flow into each other in a circle.',
    ]);
  });
});

describe('addSupplementRecords', () => {
  const reach = (id: number, nextDown: number, coords: number[]): HydroReachRecord => ({
    id,
    nextDown,
    endorheic: true,
    dischargeM3s: 700,
    ordFlow: 4,
    coords,
    name: 'Syr Darya',
  });
  it('splits the joined reach so the supplement meets NEXT_DOWN topology at the join point', () => {
    const records = [reach(1, 2, syrDarya.coords), reach(2, 0, [68.45, 41.1, 68.0, 41.25])];
    const chirchik = line('Chirchik', 'Syr Darya', [
      [69.58, 41.47],
      [68.7076, 40.8993],
    ]);
    const joined = joinSupplements(
      [chirchik],
      records.map((r) => ({ coords: r.coords, names: [r.name] })),
    );
    const out = addSupplementRecords(records, joined as Extract<JoinResult, { ok: true }>[]);
    const net = buildHydroNetwork(out);
    // Reach 1 is now two pieces (both HYRIV_ID 1); the Chirchik flows into the lower one.
    const pieces = net.edges.filter((e) => e.sourceId === 1);
    expect(pieces).toHaveLength(2);
    const supplement = net.edges.find((e) => e.name === 'Chirchik')!;
    expect(supplement.sourceId).toBeNull();
    expect(supplement.to).toBe(pieces[1]!.from);
    expect(pieces[0]!.to).toBe(pieces[1]!.from);
    expect(pieces[0]!.lengthKm + pieces[1]!.lengthKm).toBeCloseTo(
      buildHydroNetwork(records).edges[0]!.lengthKm,
      6,
    );
  });
});
