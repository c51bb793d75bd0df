// Traces on the real Natural Earth network: the right seas, through the right countries, in order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolygonLocator } from '../../../server/core/geo/polygon-locator.js';
import type { RiverNetwork } from '../../../server/core/trace/river-network.js';
import type { TraceResult } from '../../../server/core/trace/trace.js';
import { runTrace, type TraceOutcome } from '../../../server/core/transport/trace-request.js';
import { createServices } from '../../../server/runtime/services.js';
import { builtDbPath } from '../../support/database.js';

let net: RiverNetwork;
let land: PolygonLocator<string>;

beforeAll(() => {
  const services = createServices({ dbPath: builtDbPath() });
  net = services.network;
  land = services.land;
  services.close();
});

const ok = (o: TraceOutcome): TraceResult => {
  if (!o.ok) throw new Error(`${o.code}: ${o.message}`);
  return o.result;
};
const labels = (t: TraceResult) => t.countries.map((c) => [c.iso3, ...c.sharedWith].join('/'));

describe('Danube from Vienna', () => {
  let t: TraceResult;
  beforeAll(() => {
    t = ok(runTrace(net, land, { lon: 16.37, lat: 48.21 }));
  });

  it('passes the countries and border stretches in order', () => {
    expect(labels(t)).toEqual([
      'AUT',
      'SVK',
      'SVK/HUN',
      'HUN',
      'HRV/SRB',
      'SRB',
      'SRB/ROU',
      'BGR/ROU',
      'ROU',
      'ROU/UKR',
    ]);
  });

  it('reaches the Black Sea through all three arms of the delta', () => {
    expect(t.outlets.map((o) => o.name)).toEqual(['Black Sea', 'Black Sea', 'Black Sea']);
    // The three mouths of the Danube Delta (ICPDR 'Danube Delta'), named as arms (data/river-names.json).
    expect(t.outlets.map((o) => o.river).sort()).toEqual(['Chilia arm', 'Sfântu Gheorghe arm', 'Sulina arm']);
    expect(t.outlets.map((o) => o.arm).sort()).toEqual(['Chilia arm', 'Sfântu Gheorghe arm', 'Sulina arm']);
    // The Chilia, the ROU/UKR border arm, is the main path.
    expect(t.outlets.find((o) => o.main)?.river).toBe('Chilia arm');
    for (const o of t.outlets) expect(o.lon).toBeGreaterThan(29.4);
  });

  it('is about as long as the Danube from Vienna (river km 1929) and counts km consistently', () => {
    expect(t.lengthKm).toBeGreaterThan(1750);
    expect(t.lengthKm).toBeLessThan(2050);
    expect(t.countries[0]!.entryKm).toBe(0);
    expect(t.countries.at(-1)!.exitKm).toBeCloseTo(t.lengthKm, 2);
    for (let i = 1; i < t.countries.length; i++)
      expect(t.countries[i]!.entryKm).toBe(t.countries[i - 1]!.exitKm);
    expect(t.crossings).toHaveLength(t.countries.length - 1);
    expect(t.rivers[0]!.name).toBe('Danube');
  });

  it('puts the Slovak/Hungarian border stretch between Bratislava and Esztergom', () => {
    const s = t.countries.find((c) => c.iso3 === 'SVK' && c.sharedWith.includes('HUN'))!;
    const start = t.crossings.find((c) => c.km === s.entryKm)!;
    const end = t.crossings.find((c) => c.km === s.exitKm)!;
    expect(start.lon).toBeGreaterThan(17.1);
    expect(start.lon).toBeLessThan(17.4);
    expect(end.lon).toBeGreaterThan(18.6);
    expect(end.lon).toBeLessThan(19.0);
  });

  it('returns one path feature per reach piece, main path first, with the delta arms as distributaries', () => {
    const main = t.path.features.filter((f) => f.properties.branch === 'main');
    const arms = t.path.features.filter((f) => f.properties.branch === 'distributary');
    expect(main[0]!.properties.kmFromStart).toBe(0);
    expect(new Set(arms.map((f) => f.properties.river))).toContain('Sulina arm');
    expect(main.some((f) => f.properties.border === 'SVK/HUN')).toBe(true);
  });
});

describe('Naryn in Kyrgyzstan', () => {
  it('reaches the Aral Sea through Uzbekistan, Tajikistan, Uzbekistan and Kazakhstan', () => {
    const t = ok(runTrace(net, land, { lon: 76.0, lat: 41.43 }));
    expect(t.snap.river).toBe('Naryn');
    expect(t.outlets.map((o) => [o.name, o.kind])).toEqual([['Aral Sea', 'terminal_lake']]);
    const order = t.countries.map((c) => c.iso3).filter((c, i, a) => c !== a[i - 1]);
    expect(order).toEqual(['KGZ', 'UZB', 'TJK', 'UZB', 'KAZ']);
    expect(t.rivers.map((r) => r.name)).toEqual(['Naryn', 'Syr Darya']);
  });
});

describe('rivers across the Elbe/Danube divide (errata)', () => {
  it('the Morava drains to the Black Sea only', () => {
    const t = ok(runTrace(net, land, { lon: 17.25, lat: 49.59 }));
    expect(new Set(t.outlets.map((o) => o.name))).toEqual(new Set(['Black Sea']));
  });
  it('the Vltava at Prague drains to the North Sea', () => {
    const t = ok(runTrace(net, land, { lon: 14.41, lat: 50.09 }));
    expect(new Set(t.outlets.map((o) => o.name))).toEqual(new Set(['North Sea']));
    expect(labels(t)).toEqual(['CZE', 'DEU']);
  });
});

describe('bad starting points', () => {
  it('a point in the Atlantic is not on land', () => {
    const o = runTrace(net, land, { lon: -30, lat: 40 });
    expect(o.ok ? null : o.code).toBe('POINT_IN_SEA');
  });
  it('a point in the Sahara has no river within the snap cap', () => {
    const o = runTrace(net, land, { lon: 5, lat: 25 });
    expect(o.ok ? null : o.code).toBe('NO_RIVER_NEARBY');
    expect(o.ok ? '' : o.message).toMatch(/25 km/);
  });
  it('a tighter snap cap refuses a point 4 km from the Danube', () => {
    const o = runTrace(net, land, { lon: 16.37, lat: 48.21, snapMaxKm: 2 });
    expect(o.ok ? null : o.code).toBe('NO_RIVER_NEARBY');
  });
});

describe('options', () => {
  it('maxKm truncates the path, the countries and the outlets', () => {
    const t = ok(runTrace(net, land, { lon: 16.37, lat: 48.21, maxKm: 100 }));
    expect(t.lengthKm).toBeCloseTo(100, 3);
    expect(t.truncated).toBe(true);
    expect(t.outlets).toEqual([]);
    expect(labels(t)).toEqual(['AUT', 'SVK', 'SVK/HUN']);
    for (const f of t.path.features) expect(f.properties.kmFromStart).toBeLessThan(100);
  });
  it('a river hint snaps to that river (any case, diacritics, alternative names)', () => {
    // Near Passau the Inn and the Danube meet; the hint decides.
    const inn = ok(runTrace(net, land, { lon: 13.45, lat: 48.57, river: 'INN' }));
    expect(inn.snap.river).toBe('Inn');
    const danube = ok(runTrace(net, land, { lon: 13.45, lat: 48.57, river: 'danube' }));
    expect(['Donau', 'Danube']).toContain(danube.snap.river);
    const unknown = runTrace(net, land, { lon: 13.45, lat: 48.57, river: 'Nonexistent' });
    expect(unknown.ok ? null : unknown.code).toBe('UNKNOWN_RIVER');
  });
});
