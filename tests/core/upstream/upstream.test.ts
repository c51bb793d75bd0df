// Upstream threats on the real network: the range lookup against a brute-force per-site walk, and
// against real places (Danube Delta, Syr Darya at Kyzylorda).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapToNetwork } from '../../../server/core/trace/snap.js';
import { naiveDownstreamTo } from '../../../server/core/upstream/naive-upstream.js';
import { alongMainPath, kmToOutlet, type ReachPoint } from '../../../server/core/upstream/upstream-index.js';
import { type PositionedSite, upstreamSites } from '../../../server/core/upstream/upstream-query.js';
import { upstreamReport } from '../../../server/core/upstream/upstream-report.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { sitesInTreeRange } from '../../../server/storage/analysis-read.js';
import { builtDbPath } from '../../support/database.js';

let services: Services;
beforeAll(() => {
  services = createServices({ dbPath: builtDbPath() });
});
afterAll(() => services.close());

/** Deterministic pseudo-random numbers (a test must fail the same way twice). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const pointAt = (lon: number, lat: number, river?: string): ReachPoint => {
  const s = snapToNetwork(services.network, lon, lat, 25, river)!;
  expect(s).not.toBeNull();
  return { reachId: s.reach.id, offsetKm: s.offsetKm };
};

const report = (lon: number, lat: number, limits: { maxKm?: number; maxHours?: number } = {}) => {
  const snap = snapToNetwork(services.network, lon, lat, 25)!;
  return upstreamReport(
    services.upstream,
    snap,
    { ...limits, limit: 1000 },
    sitesInTreeRange(services.db),
    'test',
  );
};

describe('upstream sites of real places (seed register)', () => {
  it('Danube at Izmail (Chilia arm of the Delta): Danube sites of many countries, no Dniester or Syr Darya', () => {
    const r = report(28.83, 45.35);
    expect(r.snap.river).toMatch(/Chil/);
    expect(r.countries).toEqual(expect.arrayContaining(['SRB', 'ROU', 'HUN', 'BGR', 'AUT', 'DEU', 'SVK']));
    expect(new Set(r.sites.map((s) => s.basin))).toEqual(new Set(['Danube']));
    const names = r.sites.map((s) => s.name);
    expect(names).toContain('NIS Pančevo oil refinery');
    expect(names).toContain('MOL Danube Refinery, Százhalombatta');
    expect(names.some((n) => /Kalush|Rîbnița|Mailuu|Almalyk/.test(n))).toBe(false);
    // Reni lies ~70 km upstream of Izmail on the Danube; Pančevo more than 1,000 km.
    const km = (name: string) => r.sites.find((s) => s.name.startsWith(name))!.riverKm;
    expect(km('Reni oil terminal')).toBeGreaterThan(40);
    expect(km('Reni oil terminal')).toBeLessThan(100);
    expect(km('NIS Pančevo')).toBeGreaterThan(1000);
    expect(km('NIS Pančevo')).toBeLessThan(1300);
  });

  it('Syr Darya at Kyzylorda: Fergana Valley sites of Kyrgyzstan, Uzbekistan and Tajikistan', () => {
    const r = report(65.5, 44.85);
    expect(r.snap.river).toBe('Syr Darya');
    expect(r.countries).toEqual(expect.arrayContaining(['KGZ', 'UZB', 'TJK']));
    expect(new Set(r.sites.map((s) => s.basin))).toEqual(new Set(['Syr Darya']));
    expect(r.sites.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Mailuu-Suu uranium tailings',
        'Almalyk MMC copper tailings',
        'Taboshar uranium tailings',
      ]),
    );
  });

  it('ranks by arrival time and by hazard, with every listed site in both rankings', () => {
    const r = report(28.83, 45.35);
    const byId = new Map(r.sites.map((s) => [s.id, s]));
    const arrivals = r.rankedByArrival.map((id) => byId.get(id)!.arrivalH);
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    const first = byId.get(r.rankedByHazard[0]!)!;
    expect(first.annexI).toBe(true);
    const annexWri = r.rankedByHazard.map((id) => byId.get(id)!).filter((s) => s.annexI && s.wri !== null);
    expect(annexWri.map((s) => s.wri)).toEqual(annexWri.map((s) => s.wri).sort((a, b) => b! - a!));
    expect(new Set(r.rankedByHazard)).toEqual(new Set(r.rankedByArrival));
  });

  it('maxKm and maxHours cut the list', () => {
    const all = report(28.83, 45.35);
    const near = report(28.83, 45.35, { maxKm: 100 });
    expect(near.total).toBeGreaterThan(0);
    expect(near.total).toBeLessThan(all.total);
    expect(near.sites.every((s) => s.riverKm <= 100)).toBe(true);
    expect(
      all.sites
        .filter((s) => s.riverKm <= 100)
        .map((s) => s.id)
        .sort(),
    ).toEqual(near.sites.map((s) => s.id).sort());
    const day = report(28.83, 45.35, { maxHours: 24 });
    expect(day.sites.every((s) => s.arrivalH <= 24)).toBe(true);
    expect(all.sites.filter((s) => s.arrivalH <= 24).length).toBe(day.total);
  });

  it('a point upstream of every site (Danube source region, Breg) has none', () => {
    const r = report(8.15, 48.0);
    expect(r.total).toBe(0);
    expect(r.sites).toEqual([]);
  });
});

describe('range lookup equals a brute-force downstream walk from every site', () => {
  it('on 2,000 random site positions and 150 random points, with km, hours and limits', () => {
    const net = services.network;
    const ix = services.upstream;
    const rnd = lcg(7);
    const sites: PositionedSite[] = Array.from({ length: 2000 }, (_, i) => {
      const r = net.reaches[Math.floor(rnd() * net.reaches.length)]!;
      return { id: `s${i}`, reachId: r.id, offsetKm: rnd() * r.lengthKm, treePre: ix.pre[r.id]! };
    });
    const byPre = [...sites].sort((a, b) => a.treePre - b.treePre);
    const inRange = (from: number, to: number) => byPre.filter((s) => s.treePre >= from && s.treePre <= to);
    // Half the points on big rivers (where deltas and braided arms are), half anywhere.
    const big = net.reaches.filter((r) => r.scalerank <= 3);
    let nonEmpty = 0;
    for (let k = 0; k < 150; k++) {
      const pool = k % 2 ? big : net.reaches;
      const r = pool[Math.floor(rnd() * pool.length)]!;
      const point = { reachId: r.id, offsetKm: rnd() * r.lengthKm };
      const fast = new Map(upstreamSites(ix, point, {}, inRange).map((h) => [h.site.id, h]));
      const slow = sites.flatMap((s) => {
        const d = naiveDownstreamTo(net, ix.velocityMs, s, point);
        return d ? [{ id: s.id, ...d }] : [];
      });
      expect([...fast.keys()].sort()).toEqual(slow.map((s) => s.id).sort());
      for (const s of slow) {
        expect(fast.get(s.id)!.riverKm).toBeCloseTo(s.riverKm, 6);
        expect(fast.get(s.id)!.arrivalH).toBeCloseTo(s.arrivalH, 6);
      }
      if (slow.length) nonEmpty += 1;
      // With limits: exactly the walked sites within both.
      const maxKm = 50 + rnd() * 500;
      const maxHours = 10 + rnd() * 200;
      const limited = upstreamSites(ix, point, { maxKm, maxHours }, inRange)
        .map((h) => h.site.id)
        .sort();
      expect(limited).toEqual(
        slow
          .filter((s) => s.riverKm <= maxKm && s.arrivalH <= maxHours)
          .map((s) => s.id)
          .sort(),
      );
    }
    expect(nonEmpty).toBeGreaterThan(30);
  });

  it('the stored positions of the seed register give the same answer as the walk', () => {
    const net = services.network;
    const ix = services.upstream;
    const stored = services.db
      .prepare(
        'SELECT site_id AS id, reach_id AS reachId, reach_offset_km AS offsetKm, tree_pre AS treePre FROM site_derived WHERE reach_id IS NOT NULL',
      )
      .all() as PositionedSite[];
    expect(stored.length).toBeGreaterThan(60);
    const inRange = sitesInTreeRange(services.db);
    for (const [lon, lat] of [
      [28.83, 45.35],
      [28.65, 45.22],
      [20.47, 44.82],
      [18.95, 47.5],
      [16.37, 48.21],
      [65.5, 44.85],
      [71.0, 40.9],
      [29.6, 46.8],
      [26.1, 44.4],
      [23.9, 44.0],
    ] as const) {
      const point = pointAt(lon, lat);
      const fast = upstreamSites(ix, point, {}, inRange)
        .map((h) => h.site.id)
        .sort();
      const slow = stored
        .filter((s) => naiveDownstreamTo(net, ix.velocityMs, s, point))
        .map((s) => s.id)
        .sort();
      expect(fast).toEqual(slow);
    }
  });
});

describe('travel velocities', () => {
  it('follow discharge: the lower Danube runs faster than small streams, lakes and reservoirs slowest', () => {
    const ix = services.upstream;
    const v = (pred: (r: (typeof services.network.reaches)[number]) => boolean) =>
      services.network.reaches
        .filter(pred)
        .map((r) => ix.velocityMs[r.id]!)
        .sort((a, b) => a - b);
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
    const danube = v((r) => r.name === 'Danube' && r.featurecla === 'River');
    const streams = v((r) => r.scalerank >= 10 && r.featurecla === 'River');
    const lakes = v((r) => r.featurecla === 'Lake Centerline');
    expect(median(danube)).toBeGreaterThan(0.8);
    expect(median(danube)).toBeLessThan(1.5);
    expect(median(streams)).toBeLessThan(median(danube));
    expect(median(lakes)).toBeLessThan(median(streams) / 3);
    expect(ix.velocityModel).toMatch(/discharge/);
    // Every reach has a usable velocity, so every arrival time is finite.
    expect([...ix.velocityMs].every((x) => x > 0 && Number.isFinite(x))).toBe(true);
  });
});

describe('the delta', () => {
  it('each arm of the Danube Delta sees everything above the split, not only its own tree', () => {
    const chilia = pointAt(28.83, 45.35);
    const sulina = pointAt(29.5, 45.16, 'Bratul Sulina');
    const inRange = sitesInTreeRange(services.db);
    const names = (p: ReachPoint) => upstreamSites(services.upstream, p, {}, inRange).map((h) => h.site.id);
    const a = names(chilia);
    const b = names(sulina);
    expect(a.length).toBeGreaterThan(30);
    // Sites above the bifurcation drain to both arms.
    expect(b.length).toBeGreaterThan(30);
    const shared = a.filter((id) => b.includes(id));
    expect(shared.length).toBeGreaterThan(30);
  });

  it('alongMainPath walks to the km asked and stops at the outlet', () => {
    const p = pointAt(16.37, 48.21);
    const q = alongMainPath(services.upstream, p, 100);
    expect(kmToOutlet(services.upstream, p) - kmToOutlet(services.upstream, q)).toBeCloseTo(100, 6);
    const end = alongMainPath(services.upstream, p, 1e6);
    expect(services.upstream.parent[end.reachId]).toBe(-1);
    expect(kmToOutlet(services.upstream, end)).toBeCloseTo(0, 6);
  });
});
