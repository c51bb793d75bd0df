// Mean discharge along a trace's main path: the natural flow (upstream catchment area × regional
// runoff) scaled to agree with the gauges on the path's main chain, each piece saying whether it
// sits at a gauge, between two gauges, or on the estimate alone.

import { mainChains, placeOnPath } from '../trace/main-chain.js';
import type { Reach, RiverNetwork } from '../trace/river-network.js';
import type { MainStep } from '../trace/trace.js';
import type { DischargePiece, DischargeSource, DischargeSourceUsed } from './discharge-piece.js';
import { type AnchoredDischarge, type DischargeAnchor, defaultDischargeM3s } from './discharge-table.js';
import { hasNetworkDischarge, networkDischargeAlongPath } from './network-discharge.js';
import { naturalFlowAt } from './runoff.js';

export type { DischargePiece, DischargeSource, DischargeSourceUsed } from './discharge-piece.js';

/** A piece this close to a gauge (km) counts as gauged. */
export const GAUGE_REACH_KM = 10;

interface Control {
  km: number;
  /** Gauge discharge over the natural estimate there. */
  scale: number;
  anchor: DischargeAnchor;
}

/**
 * Discharge on pieces of at most stepKm along the main path. Off the gauges the natural flow
 * grows with the catchment; between two gauges of the main chain the gauge/estimate ratio is
 * interpolated linearly in km (so the flow falls where the table says so, e.g. the regulated lower
 * Syr Darya); above the first and below the last the nearest gauge's ratio holds.
 */
export function dischargeAlongPath(
  net: RiverNetwork,
  table: AnchoredDischarge,
  steps: readonly MainStep[],
  stepKm: number,
): { pieces: DischargePiece[]; sources: DischargeSourceUsed[] } {
  // A network that carries its own discharge (HydroRIVERS DIS_AV_CMS) needs no table or estimate.
  if (hasNetworkDischarge(steps)) return networkDischargeAlongPath(steps, stepKm);
  const first = steps[0];
  if (!first) return { pieces: [], sources: [] };
  const chains = mainChains(net);
  const flow = table.flow ?? null;
  // Without the runoff estimate: the size-class default, never falling along the path.
  let runningDefault = 0;
  const natural = (reach: Reach, offsetKm: number) => {
    if (flow) return Math.max(1e-3, naturalFlowAt(flow, reach.id, offsetKm, reach.lengthKm));
    runningDefault = Math.max(runningDefault, defaultDischargeM3s(reach.scalerank));
    return runningDefault;
  };
  const placed = placeOnPath(chains, table.anchors, first.reach.id, first.fromReachKm);
  // Above the start keep the gauge draining most of the start's catchment (usually the nearest on the main stem).
  const naturalAtAnchor = (a: DischargeAnchor) => {
    const r = net.reaches[a.reachId]!;
    return flow
      ? Math.max(1e-3, naturalFlowAt(flow, r.id, a.offsetKm, r.lengthKm))
      : defaultDischargeM3s(r.scalerank);
  };
  const above = placed
    .filter((p) => p.km < 0)
    .sort((a, b) => naturalAtAnchor(b.point) - naturalAtAnchor(a.point) || b.km - a.km)[0];
  const controls: Control[] = [...(above ? [above] : []), ...placed.filter((p) => p.km >= 0)].map((p) => ({
    km: p.km,
    scale: p.point.point.dischargeM3s / naturalAtAnchor(p.point),
    anchor: p.point,
  }));
  if (!flow) runningDefault = 0;

  const pieces: DischargePiece[] = [];
  for (const s of steps) {
    const lengthKm = s.toReachKm - s.fromReachKm;
    const n = Math.max(1, Math.ceil(lengthKm / stepKm - 1e-9));
    for (let i = 0; i < n; i++) {
      const fromKm = s.startKm + (lengthKm * i) / n;
      const toKm = s.startKm + (lengthKm * (i + 1)) / n;
      const mid = (fromKm + toKm) / 2;
      const q0 = natural(s.reach, s.fromReachKm + mid - s.startKm);
      const { scale, source } = scaleAt(controls, mid);
      const q = q0 * scale;
      pieces.push({
        fromKm,
        toKm,
        dischargeM3s: q,
        source,
        isDefault: source === 'estimated',
        reach: s.reach,
      });
    }
  }
  const lastKm = pieces[pieces.length - 1]?.toKm ?? 0;
  const used = controls.filter((c) => c.km <= lastKm + GAUGE_REACH_KM);
  return { pieces, sources: describeSources(table, used, pieces, controls) };
}

function scaleAt(controls: readonly Control[], km: number): { scale: number; source: DischargeSource } {
  if (controls.length === 0) return { scale: 1, source: 'estimated' };
  const near = controls.some((c) => Math.abs(c.km - km) <= GAUGE_REACH_KM);
  const j = controls.findLastIndex((c) => c.km <= km);
  const a = controls[j];
  const b = controls[j + 1];
  if (!a) return { scale: controls[0]!.scale, source: near ? 'gauge' : 'estimated' };
  if (!b) return { scale: a.scale, source: near ? 'gauge' : 'estimated' };
  const t = (km - a.km) / Math.max(1e-9, b.km - a.km);
  return { scale: a.scale + (b.scale - a.scale) * t, source: near ? 'gauge' : 'interpolated' };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function describeSources(
  table: AnchoredDischarge,
  used: readonly Control[],
  pieces: readonly DischargePiece[],
  controls: readonly Control[],
): DischargeSourceUsed[] {
  const out: DischargeSourceUsed[] = used.map((c) => ({
    default: false as const,
    river: c.anchor.point.river,
    place: c.anchor.point.place,
    km: r1(c.km),
    dischargeM3s: c.anchor.point.dischargeM3s,
    source: c.anchor.point.source,
    reference: table.sources[c.anchor.point.source] ?? c.anchor.point.source,
    estimate: c.anchor.point.estimate ?? false,
  }));
  const flow = table.flow ?? null;
  let open: Extract<DischargeSourceUsed, { default: true }> | null = null;
  let openRegion = -1;
  for (const p of pieces) {
    if (p.source !== 'estimated') {
      open = null;
      continue;
    }
    const region = flow ? flow.regionOf[p.reach.id]! : -1;
    if (open && open.river === p.reach.name && region === openRegion) {
      open.toKm = r1(p.toKm);
      open.dischargeM3s = r1(Math.max(open.dischargeM3s, p.dischargeM3s));
      if (flow) open.areaKm2 = Math.round(flow.areas.upstreamKm2[p.reach.id]!);
      continue;
    }
    const { scale } = scaleAt(controls, (p.fromKm + p.toKm) / 2);
    const nearest = controls.length
      ? controls.reduce((best, c) => (Math.abs(c.km - p.fromKm) < Math.abs(best.km - p.fromKm) ? c : best))
      : null;
    const scaled = nearest
      ? `, × ${scale.toFixed(2)} to agree with the gauge at ${nearest.anchor.point.place} (${nearest.anchor.point.river})`
      : ', no gauge on this chain';
    const reg = flow ? flow.regions[region]! : null;
    open = {
      default: true,
      river: p.reach.name,
      fromKm: r1(p.fromKm),
      toKm: r1(p.toKm),
      scalerank: p.reach.scalerank,
      dischargeM3s: r1(p.dischargeM3s),
      basis: reg
        ? `estimated: upstream catchment × ${reg.runoffMmYr} mm/yr mean runoff (${reg.label}; ${reg.reference})${scaled}`
        : `size-class default for Natural Earth scalerank ${p.reach.scalerank}${scaled}`,
      areaKm2: flow ? Math.round(flow.areas.upstreamKm2[p.reach.id]!) : null,
      runoffMmYr: reg ? reg.runoffMmYr : null,
      scale: Math.round(scale * 1000) / 1000,
    };
    openRegion = region;
    out.push(open);
  }
  return out;
}
