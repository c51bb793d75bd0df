// Discharge along a main path on a small synthetic network: table points snapped to their river,
// the gauge/estimate ratio interpolated in km, falls the table states, estimates flagged as such,
// and area × runoff growing with the catchment.
import { describe, expect, it } from 'vitest';
import { cumulativeKm } from '../../../server/core/geo/geodesy.js';
import { mainChains } from '../../../server/core/trace/main-chain.js';
import type { Reach } from '../../../server/core/trace/river-network.js';
import { RiverNetwork } from '../../../server/core/trace/river-network.js';
import { snapToNetwork } from '../../../server/core/trace/snap.js';
import { mainPath } from '../../../server/core/trace/trace.js';
import { accumulate } from '../../../server/core/transport/catchment-area.js';
import { anchorDischarge, defaultDischargeM3s } from '../../../server/core/transport/discharge-table.js';
import { dischargeAlongPath } from '../../../server/core/transport/path-discharge.js';
import { naturalFlow } from '../../../server/core/transport/runoff.js';

// Alpha flows east along the equator from lon 0 to lon 3 (nodes 0–1–2–3, outlet at 3); Beta joins
// it at node 1 from the north-west; Gamma (no table values) is a separate river 5→6 far away.
// One degree of longitude ≈ 111.2 km.
function reach(id: number, from: number, to: number, coords: number[], name: string, scalerank: number) {
  const c = new Float64Array(coords);
  const cum = cumulativeKm(c);
  return {
    id,
    from,
    to,
    coords: c,
    lengthKm: cum[cum.length - 1]!,
    name,
    nameAlt: name === 'Alpha' ? ['Alfa'] : [],
    featurecla: 'River' as const,
    scalerank,
    runs: [],
    country: null,
    basinId: 0,
  } satisfies Omit<Reach, 'cumKm'>;
}
const net = new RiverNetwork(
  [
    reach(0, 0, 1, [0, 0, 0.5, 0, 1, 0], 'Alpha', 3),
    reach(1, 1, 2, [1, 0, 1.5, 0, 2, 0], 'Alpha', 3),
    reach(2, 2, 3, [2, 0, 2.5, 0, 3, 0], 'Alpha', 3),
    reach(3, 4, 1, [0, 1, 0.5, 0.5, 1, 0], 'Beta', 7),
    reach(4, 5, 6, [10, 10, 11, 10], 'Gamma', 9),
  ],
  7,
  [
    { id: 0, node: 3, kind: 'sea', name: 'Test Sea', lon: 3, lat: 0 },
    { id: 1, node: 6, kind: 'sea', name: 'Other Sea', lon: 11, lat: 10 },
  ],
  new Map(),
  new Map(),
);
const table = anchorDischarge(net, {
  about: 'test',
  sources: { T: 'test source' },
  points: [
    { river: 'Alpha', place: 'A1', lon: 0.5, lat: 0.01, dischargeM3s: 100, source: 'T' },
    { river: 'alfa', place: 'A2', lon: 2.5, lat: 0.01, dischargeM3s: 300, source: 'T' },
    { river: 'Alpha', place: 'A3 (abstraction)', lon: 2.9, lat: 0.01, dischargeM3s: 200, source: 'T' },
    { river: 'Beta', place: 'B1', lon: 0.25, lat: 0.75, dischargeM3s: 50, source: 'T' },
    { river: 'Delta', place: 'nowhere', lon: 1, lat: 0, dischargeM3s: 10, source: 'T' },
  ],
});
const along = (lon: number, lat: number) => {
  const snap = snapToNetwork(net, lon, lat, 5)!;
  return dischargeAlongPath(net, table, mainPath(net, snap, Number.POSITIVE_INFINITY), 1);
};
const qAt = (pieces: ReturnType<typeof along>['pieces'], km: number) => pieces.find((p) => p.toKm >= km)!;

describe('anchorDischarge', () => {
  it('snaps points to the named river (case- and alias-insensitive) and lists the rest', () => {
    expect(table.anchors.map((a) => [a.point.place, a.reachId])).toEqual([
      ['A1', 0],
      ['A2', 2],
      ['A3 (abstraction)', 2],
      ['B1', 3],
    ]);
    expect(table.unmatched.map((p) => p.river)).toEqual(['Delta']);
  });
});

describe('dischargeAlongPath', () => {
  it('interpolates linearly in km between table points, also from one upstream of the start', () => {
    const { pieces, sources } = along(1.0001, 0); // start just below the Beta confluence
    const km1 = 111.19 * 1.5; // A2 at lon 2.5
    // From A1 (55.6 km upstream of the start, 100) to A2 (≈166.8 km below it, 300).
    const expected = (km: number) => 100 + (200 * (km + 55.6)) / (km1 + 55.6);
    for (const km of [10, 80, 150]) {
      const p = qAt(pieces, km);
      expect(p.isDefault).toBe(false);
      expect(p.dischargeM3s).toBeCloseTo(expected((p.fromKm + p.toKm) / 2), 0);
    }
    expect(sources.filter((s) => !s.default).map((s) => s.default === false && s.place)).toEqual([
      'A1',
      'A2',
      'A3 (abstraction)',
    ]);
  });

  it('falls where the table says so (abstraction) and holds the last value to the outlet', () => {
    const { pieces } = along(1.0001, 0);
    const a2 = qAt(pieces, 166);
    const a3 = qAt(pieces, 211);
    const end = pieces[pieces.length - 1]!;
    expect(a2.dischargeM3s).toBeGreaterThan(280);
    expect(a3.dischargeM3s).toBeLessThan(215);
    expect(end.dischargeM3s).toBe(200);
  });

  it("estimates above a river's first table point, scaled to agree with it, and says so", () => {
    const { pieces, sources } = along(0.01, 0.99); // top of Beta, B1 lies ~40 km down
    const top = qAt(pieces, 5);
    expect(top).toMatchObject({ isDefault: true, source: 'estimated' });
    // Without a runoff estimate the size-class default stands in, scaled by B1's ratio to it.
    expect(top.dischargeM3s).toBeCloseTo(50, 6);
    expect(sources.some((s) => s.default && s.river === 'Beta' && s.scale < 1)).toBe(true);
    expect(qAt(pieces, 40)).toMatchObject({ source: 'gauge', isDefault: false });
    // Between B1 and A2 (on Alpha, below the confluence) the ratio is interpolated.
    const beforeConfluence = qAt(pieces, 140); // Beta is ≈ 157 km long
    expect(beforeConfluence).toMatchObject({ source: 'interpolated', isDefault: false });
    const onAlpha = qAt(pieces, 170);
    expect(onAlpha.reach.name).toBe('Alpha');
    expect(onAlpha.dischargeM3s).toBeGreaterThan(140);
  });

  it('flags a river without any table value as size-class default throughout', () => {
    const pieces = along(10.01, 10).pieces;
    expect(pieces.every((p) => p.isDefault && p.dischargeM3s === defaultDischargeM3s(9))).toBe(true);
  });
});

describe('dischargeAlongPath with area × runoff', () => {
  // Local catchments: Alpha's three reaches 1,000 km² each, Beta 2,000 km², Gamma 500 km²; 315.576 mm/yr
  // makes 1,000 km² exactly 10 m³/s.
  const local = new Float64Array([1000, 1000, 1000, 2000, 500]);
  const areas = { localKm2: local, upstreamKm2: accumulate(mainChains(net), local) };
  const flow = naturalFlow(
    net,
    {
      about: 'test',
      sources: { T: 'test' },
      basins: [],
      regions: [],
      defaultMmYr: 315.576,
      defaultSource: 'T',
    },
    areas,
  );
  const noGauges = { ...table, anchors: [], byReach: new Map(), flow };

  it('grows with the catchment instead of holding a headwater value', () => {
    const snap = snapToNetwork(net, 0.01, 0.99, 5)!; // top of Beta
    const { pieces, sources } = dischargeAlongPath(
      net,
      noGauges,
      mainPath(net, snap, Number.POSITIVE_INFINITY),
      1,
    );
    expect(pieces[0]!.dischargeM3s).toBeLessThan(1);
    expect(qAt(pieces, 150).dischargeM3s).toBeGreaterThan(15); // Beta's 2,000 km² almost all in
    expect(pieces[pieces.length - 1]!.dischargeM3s).toBeCloseTo(50, 0); // 5,000 km² at the mouth
    expect(pieces.every((p) => p.source === 'estimated')).toBe(true);
    expect(sources[0]).toMatchObject({ default: true, runoffMmYr: 315.576, scale: 1 });
  });

  it('agrees with the gauges it meets and interpolates the ratio between them', () => {
    const withGauges = { ...table, flow };
    const snap = snapToNetwork(net, 1.0001, 0, 5)!;
    const q = dischargeAlongPath(net, withGauges, mainPath(net, snap, Number.POSITIVE_INFINITY), 1).pieces;
    const a2 = qAt(q, 111.19 * 1.5);
    expect(a2.source).toBe('gauge');
    expect(a2.dischargeM3s).toBeCloseTo(300, -1);
    expect(qAt(q, 60).source).toBe('interpolated');
  });
});
