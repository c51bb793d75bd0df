// Part of bench/analysis: the notification timeline's extra cost over the plain release trace, on
// the same points, with the seeded stations plus 1,000 generated ones on random reaches.

import type { PlanChoice } from '../server/app/plans.js';
import { notificationsFor } from '../server/app/plans.js';
import type { TraceWithRelease } from '../server/core/transport/arrival.js';
import { runTrace } from '../server/core/transport/trace-request.js';
import type { createServices } from '../server/runtime/services.js';
import { insertStations } from '../server/storage/station-store.js';

type Services = ReturnType<typeof createServices>;

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export async function timelineCost(
  services: Services,
  points: readonly { lon: number; lat: number }[],
  stationPoints: readonly { lon: number; lat: number }[],
) {
  insertStations(
    services.db,
    services.network,
    services.meta.built_at ?? null,
    stationPoints.map((p, i) => ({
      name: `Bench station ${i}`,
      kind: 'gauge' as const,
      lon: p.lon,
      lat: p.lat,
      country: null,
      operator: null,
      riverHint: null,
      measures: [],
      publishedRiverKm: null,
      code: null,
      sources: [],
    })),
    services.discharge.chainage ?? null,
  );
  const release = {
    amount: { kind: 'mass' as const, releaseKg: 1000 },
    massKg: 1000,
    substance: null,
    decayPerDay: 0,
    dischargeFactor: 1,
    limitMgL: null,
  };
  const releasedAt = new Date('2026-03-01T06:00:00Z');
  const plan: PlanChoice = { kind: 'covering' };
  const traceMs: number[] = [];
  const extraMs: number[] = [];
  let traced = 0;
  let notifications = 0;
  for (const p of points) {
    const request = { ...p, snapMaxKm: 25, release };
    let t0 = performance.now();
    const outcome = runTrace(services.network, services.land, request, services.discharge);
    traceMs.push(performance.now() - t0);
    if (!outcome.ok) continue;
    traced += 1;
    t0 = performance.now();
    const n = await notificationsFor(services, {
      start: p,
      trace: outcome.result as TraceWithRelease,
      releasedAt,
      plan,
      canReadContacts: true,
    });
    extraMs.push(performance.now() - t0);
    if (n.ok) notifications += n.block.notifications.length;
  }
  const out = {
    points: points.length,
    traced,
    stations: stationPoints.length,
    meanNotifications: round(notifications / Math.max(1, traced), 1),
    releaseTraceP50Ms: round(pct(traceMs, 0.5)),
    releaseTraceP99Ms: round(pct(traceMs, 0.99)),
    timelineExtraP50Ms: round(pct(extraMs, 0.5)),
    timelineExtraP99Ms: round(pct(extraMs, 0.99)),
    extraShareP50: round(pct(extraMs, 0.5) / pct(traceMs, 0.5), 3),
  };
  console.log(
    `notification timeline: ${traced} release traces (1 t) with ${stationPoints.length} generated + seeded stations: trace p50 ${out.releaseTraceP50Ms} ms (p99 ${out.releaseTraceP99Ms}); timeline adds p50 ${out.timelineExtraP50Ms} ms (p99 ${out.timelineExtraP99Ms}) ≈ ${round(out.extraShareP50 * 100, 1)} % (mean ${out.meanNotifications} notifications)`,
  );
  return out;
}
