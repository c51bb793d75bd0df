// Benchmark of the answers' fidelity on real geography (not speed): registered sites that trace;
// each reviewed river's Natural Earth length against the official one, before and after calibration
// (and the official km predicted at a held-back chainage point); discharge estimated at each gauge
// held back in turn; modelled against observed leading-edge arrival for documented accidents.
// Prints the figures, compares with the model without runoff and calibration in the same run, and
// writes bench/out/fidelity.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbPathFromEnv } from '../server/config.js';
import { mainChains } from '../server/core/trace/main-chain.js';
import { type AnchoredChainage, anchorBelow, anchorChainage, pathKm } from '../server/core/trace/river-km.js';
import type { RiverNetwork } from '../server/core/trace/river-network.js';
import { type Snap, snapToNetwork } from '../server/core/trace/snap.js';
import { mainPath } from '../server/core/trace/trace.js';
import type { TraceWithRelease } from '../server/core/transport/arrival.js';
import { type AnchoredDischarge, withoutAnchors } from '../server/core/transport/discharge-table.js';
import { dischargeAlongPath } from '../server/core/transport/path-discharge.js';
import { resolveRelease } from '../server/core/transport/release.js';
import { runTrace } from '../server/core/transport/trace-request.js';
import { createServices, type Services } from '../server/runtime/services.js';
import { readReferenceFile } from '../server/storage/reference-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : Number.NaN;
};
/** Symmetric error factor: 2 for half or double. */
const factor = (est: number, obs: number) => Math.exp(Math.abs(Math.log(est / obs)));

function sitesTraced(s: Services) {
  const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/seed/sites.json'), 'utf8')) as {
    sites: {
      id: string;
      name: string;
      location: { lon: number; lat: number };
      receivingRiver?: string | null;
    }[];
  };
  const stored = s.db.prepare(
    'SELECT reach_id AS reachId, reach_offset_km AS offsetKm FROM site_derived WHERE site_id = ?',
  );
  let byPoint = 0;
  let byConnection = 0;
  const failed: string[] = [];
  for (const site of seed.sites) {
    const req = { ...site.location, river: site.receivingRiver ?? null };
    let o = runTrace(s.network, s.land, req, s.discharge);
    if (!o.ok && req.river) o = runTrace(s.network, s.land, { ...req, river: null }, s.discharge);
    if (o.ok) byPoint++;
    else failed.push(site.name);
    const row = stored.get(site.id) as { reachId: number | null; offsetKm: number | null } | undefined;
    if (row?.reachId != null && s.network.reaches[row.reachId]) byConnection++;
  }
  return { total: seed.sites.length, byPoint, byConnection, failed };
}

function lengthRatios(net: RiverNetwork, chainage: AnchoredChainage) {
  const chains = mainChains(net);
  const out: {
    river: string;
    officialKm: number;
    naturalEarthKm: number;
    calibratedKm: number;
    before: number;
    after: number;
  }[] = [];
  chainage.rivers.forEach((river, i) => {
    const own = chainage.anchors.filter((a) => a.riverIndex === i);
    if (own.length < 2) return;
    // From the point farthest upstream to the one farthest downstream along the main chain.
    const d = (a: (typeof own)[number]) => chains.kmToEnd[a.reachId]! - a.offsetKm;
    const top = own.reduce((a, b) => (d(b) > d(a) ? b : a));
    // The lowest point on the top's own main chain (a delta arm's mouth may lie off it).
    const bottom = own.filter((a) => anchorBelow(chains, a, top)).reduce((a, b) => (d(b) < d(a) ? b : a));
    const rawKm = d(top) - d(bottom);
    if (rawKm <= 0) return;
    const steps = mainPath(
      net,
      { reach: net.reaches[top.reachId]!, offsetKm: top.offsetKm, lon: 0, lat: 0, distanceKm: 0 },
      rawKm,
    );
    const calKm = pathKm(net, chainage, steps).cal(rawKm);
    const officialKm = Math.abs(top.km - bottom.km);
    out.push({
      river: `${river.river} (km ${top.km}–${bottom.km})`,
      officialKm,
      naturalEarthKm: Math.round(rawKm),
      calibratedKm: Math.round(calKm),
      before: r2(rawKm / officialKm),
      after: r2(calKm / officialKm),
    });
  });
  return out;
}

/** Each interior chainage point held back: the official km the calibration predicts there. */
function chainageHoldOut(s: Services) {
  const table = readReferenceFile('river-chainage.json');
  const errors: { river: string; place: string; officialKm: number; predictedKm: number | null }[] = [];
  table.rivers.forEach((river, i) => {
    for (let j = 1; j + 1 < river.points.length; j++) {
      const p = river.points[j]!;
      const reduced = {
        ...table,
        rivers: table.rivers.map((r, k) =>
          k === i ? { ...r, points: r.points.filter((_, m) => m !== j) } : r,
        ),
      };
      const ch = anchorChainage(s.network, reduced);
      const snap =
        snapToNetwork(s.network, p.lon, p.lat, 15, river.river) ?? snapToNetwork(s.network, p.lon, p.lat, 5);
      if (!snap) continue;
      const steps = mainPath(s.network, snap, 1);
      errors.push({
        river: river.river,
        place: p.place,
        officialKm: p.km,
        predictedKm: pathKm(s.network, ch, steps).riverKm(0)?.km ?? null,
      });
    }
  });
  return errors;
}

function dischargeHoldOut(net: RiverNetwork, table: AnchoredDischarge) {
  const rows: {
    river: string;
    place: string;
    observedM3s: number;
    model: number;
    areaOnly: number;
    sizeClass: number;
  }[] = [];
  const at = (t: AnchoredDischarge, snap: Snap) =>
    dischargeAlongPath(net, t, mainPath(net, snap, 0.5), 0.5).pieces[0]!.dischargeM3s;
  for (const a of table.anchors) {
    const reach = net.reaches[a.reachId]!;
    const snap: Snap = { reach, offsetKm: a.offsetKm, lon: a.point.lon, lat: a.point.lat, distanceKm: 0 };
    const rest = withoutAnchors(table, new Set([a]));
    rows.push({
      river: a.point.river,
      place: a.point.place,
      observedM3s: a.point.dischargeM3s,
      model: Math.round(at(rest, snap)),
      areaOnly: Math.round(at({ ...rest, anchors: [], byReach: new Map() }, snap)),
      sizeClass: Math.round(at({ ...rest, flow: null }, snap)),
    });
  }
  const summary = (key: 'model' | 'areaOnly' | 'sizeClass') => {
    const f = rows.map((r) => factor(Math.max(1e-3, r[key]), r.observedM3s));
    const worst = rows[f.indexOf(Math.max(...f))]!;
    return {
      medianFactor: r2(median(f)),
      within2: f.filter((x) => x <= 2).length,
      worst: { factor: r2(Math.max(...f)), at: `${worst.river} at ${worst.place}` },
    };
  };
  return {
    gauges: rows.length,
    model: summary('model'),
    areaOnly: summary('areaOnly'),
    sizeClass: summary('sizeClass'),
    rows,
  };
}

interface ObservedEvents {
  events: {
    id: string;
    name: string;
    start: { lon: number; lat: number; river: string | null };
    releasedAt: string;
    observations: {
      place: string;
      lon: number;
      lat: number;
      river: string | null;
      observedAt: string;
      uncertaintyH: number;
      source: string;
      derived?: string;
    }[];
  }[];
}

function arrivals(s: Services, discharge: AnchoredDischarge) {
  const events = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'data/observed-events.json'), 'utf8'),
  ) as ObservedEvents;
  const release = resolveRelease({ releaseKg: 1000 });
  if (!release.ok || !release.release) throw new Error('release');
  const out: {
    event: string;
    place: string;
    km: number;
    observedH: number;
    modelH: number;
    ratio: number;
    derived: boolean;
  }[] = [];
  for (const e of events.events) {
    const o = runTrace(s.network, s.land, { ...e.start, snapMaxKm: 50, release: release.release }, discharge);
    if (!o.ok) throw new Error(`${e.id}: ${o.message}`);
    const t = o.result as TraceWithRelease;
    const start = snapToNetwork(s.network, e.start.lon, e.start.lat, 50, e.start.river)!;
    const steps = mainPath(s.network, start, Number.POSITIVE_INFINITY);
    const pk = pathKm(s.network, discharge.chainage ?? null, steps);
    for (const ob of e.observations) {
      const snap = snapToNetwork(s.network, ob.lon, ob.lat, 15, ob.river);
      const step = snap && steps.find((st) => st.reach.id === snap.reach.id);
      if (!snap || !step) {
        console.log(`  ${e.id}: ${ob.place} is not on the traced path`);
        continue;
      }
      const km = pk.cal(step.startKm + snap.offsetKm - step.fromReachKm);
      const i = t.profile.findIndex((p) => p.km >= km);
      const b = t.profile[Math.max(1, i)]!;
      const a = t.profile[Math.max(0, i - 1)]!;
      const modelH =
        a.leadingEdgeH.probable +
        ((b.leadingEdgeH.probable - a.leadingEdgeH.probable) * (km - a.km)) / Math.max(1e-9, b.km - a.km);
      const observedH = (Date.parse(ob.observedAt) - Date.parse(e.releasedAt)) / 3.6e6;
      out.push({
        event: e.id,
        place: ob.place,
        km: Math.round(km),
        observedH: r2(observedH),
        modelH: r2(modelH),
        ratio: r2(modelH / observedH),
        derived: !!ob.derived,
      });
    }
  }
  return out;
}

function main(): void {
  const s = createServices({ dbPath: dbPathFromEnv() });
  const full = s.discharge;
  const baseline: AnchoredDischarge = { ...full, flow: null, chainage: null };
  const chainage = full.chainage!;

  const sites = sitesTraced(s);
  console.log(
    `sites traced (point + receiving-river hint, as GET /api/trace?siteId= does today): ${sites.byPoint}/${sites.total}`,
  );
  console.log(
    `sites with a stored network connection (site_derived reach + offset): ${sites.byConnection}/${sites.total}`,
  );
  if (sites.failed.length) console.log(`  not traced by point: ${sites.failed.join('; ')}`);

  const lengths = lengthRatios(s.network, chainage);
  console.log(
    '\nlength ratio Natural Earth / official, before → after calibration (between the extreme chainage points):',
  );
  for (const l of lengths)
    console.log(
      `  ${l.river.padEnd(34)} official ${String(l.officialKm).padStart(5)} km  NE ${String(l.naturalEarthKm).padStart(5)}  ${l.before.toFixed(2)} → ${l.after.toFixed(2)}`,
    );
  const held = chainageHoldOut(s);
  const errs = held.filter((h) => h.predictedKm !== null).map((h) => Math.abs(h.predictedKm! - h.officialKm));
  console.log(
    `official km at ${held.length} held-back chainage points: median error ${r2(median(errs))} km, worst ${r2(Math.max(...errs))} km (${held.filter((h) => h.predictedKm === null).length} without a prediction)`,
  );

  const q = dischargeHoldOut(s.network, full);
  console.log(
    `\ndischarge at ${q.gauges} gauges, each held back in turn (error factor, 2 = half or double):`,
  );
  for (const [label, v] of [
    ['area × runoff scaled to the other gauges (model)', q.model],
    ['area × runoff alone', q.areaOnly],
    ['size-class default scaled to the other gauges', q.sizeClass],
  ] as const)
    console.log(
      `  ${label.padEnd(48)} median ×${v.medianFactor}, within ×2: ${v.within2}/${q.gauges}, worst ×${v.worst.factor} (${v.worst.at})`,
    );

  const now = arrivals(s, full);
  const before = arrivals(s, baseline);
  console.log('\nleading-edge arrival, model / observed (before: size-class discharge, Natural Earth km):');
  now.forEach((a, i) => {
    const b = before[i]!;
    console.log(
      `  ${a.event.padEnd(15)} ${a.place.padEnd(52)} km ${String(a.km).padStart(5)}  observed ${a.observedH.toFixed(0).padStart(4)} h  model ${a.modelH.toFixed(0).padStart(4)} h  ratio ${a.ratio.toFixed(2)} (before ${b.ratio.toFixed(2)})${a.derived ? '  [observed derived from a reported speed]' : ''}`,
    );
  });
  const within = now.filter((a) => a.ratio >= 1 / 1.5 && a.ratio <= 1.5).length;
  console.log(
    `  within ×1.5: ${within}/${now.length} (before ${before.filter((a) => a.ratio >= 1 / 1.5 && a.ratio <= 1.5).length}/${before.length})`,
  );

  const dir = path.join(ROOT, 'bench/out');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'fidelity.json'),
    `${JSON.stringify({ sites, lengths, chainageHoldOut: held, discharge: q, arrivals: now, arrivalsBefore: before }, null, 2)}\n`,
  );
  s.close();
}

main();
