// Discharge off the gauge table and official river km on the real network, checked against
// published gauges and official chainage (each fact with its source).
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolygonLocator } from '../../../server/core/geo/polygon-locator.js';
import { mainChains } from '../../../server/core/trace/main-chain.js';
import { pathKm } from '../../../server/core/trace/river-km.js';
import type { RiverNetwork } from '../../../server/core/trace/river-network.js';
import { mainPath } from '../../../server/core/trace/trace.js';
import type { TraceWithRelease } from '../../../server/core/transport/arrival.js';
import { type AnchoredDischarge, withoutAnchors } from '../../../server/core/transport/discharge-table.js';
import { dischargeAlongPath } from '../../../server/core/transport/path-discharge.js';
import { resolveRelease } from '../../../server/core/transport/release.js';
import { runTrace, type TraceOutcome } from '../../../server/core/transport/trace-request.js';
import { createServices } from '../../../server/runtime/services.js';
import { builtDbPath } from '../../support/database.js';

let net: RiverNetwork;
let land: PolygonLocator<string>;
let table: AnchoredDischarge;

beforeAll(() => {
  const services = createServices({ dbPath: builtDbPath() });
  net = services.network;
  land = services.land;
  table = services.discharge;
  services.close();
});

const release = () => {
  const r = resolveRelease({ releaseKg: 1000 });
  if (!r.ok || !r.release) throw new Error('release');
  return r.release;
};
const traced = (o: TraceOutcome): TraceWithRelease => {
  if (!o.ok) throw new Error(`${o.code}: ${o.message}`);
  return o.result as TraceWithRelease;
};
const withRelease = (lon: number, lat: number, river?: string) =>
  traced(runTrace(net, land, { lon, lat, river: river ?? null, release: release() }, table));

/** Discharge the model gives at a gauge when that gauge is left out of the table. */
function heldBack(place: string): { observed: number; estimated: number } {
  const a = table.anchors.find((x) => x.point.place === place);
  if (!a) throw new Error(`${place} not anchored`);
  const snap = { reach: net.reaches[a.reachId]!, offsetKm: a.offsetKm, lon: 0, lat: 0, distanceKm: 0 };
  const q = dischargeAlongPath(net, withoutAnchors(table, new Set([a])), mainPath(net, snap, 0.5), 0.5);
  return { observed: a.point.dischargeM3s, estimated: q.pieces[0]!.dischargeM3s };
}

describe('discharge off the gauges', () => {
  it('keeps the Rhine below Basel at ≥ 900 m³/s to the Dutch border', () => {
    // ICPR: mean discharge ≈ 1,050 m³/s at Basel rising to ≈ 2,200 m³/s at Lobith.
    const t = withRelease(7.62, 47.56);
    const upper = t.profile.filter((p) => p.km <= 690);
    expect(upper.length).toBeGreaterThan(100);
    expect(Math.min(...upper.map((p) => p.dischargeM3s))).toBeGreaterThanOrEqual(900);
    expect(Math.max(...upper.map((p) => p.dischargeM3s))).toBeLessThan(2700);
  });

  it('estimates the Elbe at Dresden within ×1.25 with the Dresden gauge held back', () => {
    // Deutsches Gewässerkundliches Jahrbuch: MQ Dresden ≈ 327 m³/s; the estimate comes from Děčín and Magdeburg.
    const { observed, estimated } = heldBack('Dresden');
    expect(estimated / observed).toBeGreaterThan(1 / 1.25);
    expect(estimated / observed).toBeLessThan(1.25);
  });

  it('estimates the Danube at the Iron Gates within ×1.2 with that gauge held back', () => {
    // ICPDR Danube Basin Analysis: ≈ 5,520 m³/s at Orșova.
    const { observed, estimated } = heldBack('Iron Gates (Orșova)');
    expect(Math.abs(Math.log(estimated / observed))).toBeLessThan(Math.log(1.2));
  });

  it('lets an ungauged headwater grow with its catchment and says it is estimated', () => {
    // Baia Mare: the Someș has no gauge in the table above Szeged on the Tisza; Natural Earth's Someș and
    // the upper Tisza drain ≈ 15,700 and ≈ 38,000 km² (Someș, Tisza articles), so the flow must grow.
    const t = withRelease(23.47, 47.65);
    const start = t.profile[0]!;
    const at400 = t.profile.find((p) => p.km >= 400)!;
    expect(start.dischargeSource).toBe('estimated');
    expect(start.dischargeIsDefault).toBe(true);
    expect(at400.dischargeM3s).toBeGreaterThan(2 * start.dischargeM3s);
    const estimated = t.release.discharge.filter((d) => d.default);
    expect(estimated.length).toBeGreaterThan(0);
    for (const d of estimated) if (d.default) expect(d.basis).toMatch(/catchment × \d+ mm\/yr/);
  });
});

describe('official river km', () => {
  it('reads Danube km 1,433 where the Danube leaves Hungary', () => {
    // Danube Commission kilometre reference: the Hungarian section ends at the Croatian–Serbian border, km 1,433.
    const t = traced(runTrace(net, land, { lon: 16.37, lat: 48.21 }, table));
    const leaving = t.countries.find((c) => c.iso3 === 'HRV' || c.sharedWith.includes('HRV'))!;
    expect(leaving.riverKm?.river).toBe('Danube');
    expect(leaving.riverKm!.km).toBeGreaterThan(1423);
    expect(leaving.riverKm!.km).toBeLessThan(1443);
    // Vienna (Reichsbrücke) is Danube km 1,929; the trace starts just upstream of it.
    expect(t.countries[0]!.riverKm!.km).toBeCloseTo(1929, -1);
  });

  it('stops at maxKm counted in the same calibrated km', () => {
    // 300 km below Vienna (Danube km 1,929) is Danube km ≈ 1,629, below Budapest (km 1,647, Danube Commission).
    const t = traced(runTrace(net, land, { lon: 16.37, lat: 48.21, maxKm: 300, release: release() }, table));
    expect(t.truncated).toBe(true);
    expect(t.lengthKm).toBeCloseTo(300, 3);
    expect(t.profile[t.profile.length - 1]!.km).toBeCloseTo(300, 3);
    expect(t.profile[t.profile.length - 1]!.riverKm!.km).toBeCloseTo(1629, -1);
  });

  it('calibrates the Prut to its official length; the Moldova–Romania border stretch to ≈ 711 km', () => {
    // Wikipedia "Prut": 953 km; the Prut forms the Moldova–Romania border for ≈ 711 km (border treaty).
    const chainage = table.chainage!;
    const prut = chainage.anchors.filter((a) => a.river === 'Prut');
    const top = prut.find((a) => a.fromLength)!;
    const mouth = prut.find((a) => a.km === 0)!;
    const chains = mainChains(net);
    const rawKm =
      chains.kmToEnd[top.reachId]! - top.offsetKm - (chains.kmToEnd[mouth.reachId]! - mouth.offsetKm);
    const steps = mainPath(
      net,
      { reach: net.reaches[top.reachId]!, offsetKm: 0, lon: 0, lat: 0, distanceKm: 0 },
      rawKm,
    );
    // Natural Earth's 1:10m line is about two thirds of the real river.
    expect(rawKm / 953).toBeLessThan(0.75);
    expect(pathKm(net, chainage, steps).cal(rawKm)).toBeCloseTo(953, -1);

    const t = traced(runTrace(net, land, { lon: 26.0, lat: 48.3 }, table)); // Chernivtsi
    const border = t.countries.find((c) => c.iso3 === 'MDA' && c.sharedWith.includes('ROU'))!;
    expect(border.exitKm - border.entryKm).toBeGreaterThan(711 * 0.97);
    expect(border.exitKm - border.entryKm).toBeLessThan(711 * 1.03);
    expect(border.riverKm).toEqual({ river: 'Prut', km: expect.closeTo(711, -1) });
  });
});
