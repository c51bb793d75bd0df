// The reviewed table of mean discharges at known river points (data/discharge.json): its shape,
// validation, and the snapping of each point onto the reach of the river it names.
import { z } from 'zod';
import type { AnchoredChainage } from '../trace/river-km.js';
import type { RiverNetwork } from '../trace/river-network.js';
import { NAMED_RIVER_SNAP_KM, snapToNamedRiver } from '../trace/snap.js';
import type { NaturalFlow } from './runoff.js';

export const DischargeTableSchema = z
  .object({
    about: z.string(),
    sources: z.record(z.string(), z.string()),
    points: z.array(
      z
        .object({
          river: z.string().min(1),
          /** Other spellings of the river as Natural Earth writes it (e.g. Tisa for the Tisza). */
          names: z.array(z.string().min(1)).optional(),
          place: z.string().min(1),
          lon: z.number().min(-180).max(180),
          lat: z.number().min(-90).max(90),
          dischargeM3s: z.number().positive(),
          source: z.string().min(1),
          /** With source WP: the Wikipedia article the value is read from. */
          article: z.string().min(1).optional(),
          estimate: z.boolean().optional(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.points.forEach((p, i) => {
      if (!(p.source in t.sources))
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'source'],
          message: `unknown source "${p.source}"`,
        });
    });
  });

export type DischargeTable = z.output<typeof DischargeTableSchema>;
export type DischargePoint = DischargeTable['points'][number];

export interface DischargeAnchor {
  point: DischargePoint;
  reachId: number;
  /** Km from the reach's upstream end. */
  offsetKm: number;
  snapKm: number;
}

export interface AnchoredDischarge {
  sources: Record<string, string>;
  anchors: DischargeAnchor[];
  byReach: Map<number, DischargeAnchor[]>;
  /** Points with no reach of their river within the snap distance (reported, not used). */
  unmatched: DischargePoint[];
  /** Area × runoff on every reach, for discharge off the gauges (absent: size-class defaults). */
  flow?: NaturalFlow | null;
  /** Official river km placed on the network: traces run in calibrated km (absent: Natural Earth km). */
  chainage?: AnchoredChainage | null;
}

/** How far a table point may lie from its river (coordinates are read from maps, ~km precision). */
export const DISCHARGE_SNAP_KM = NAMED_RIVER_SNAP_KM;

export function anchorDischarge(
  net: RiverNetwork,
  table: DischargeTable,
  flow: NaturalFlow | null = null,
  chainage: AnchoredChainage | null = null,
): AnchoredDischarge {
  const anchors: DischargeAnchor[] = [];
  const unmatched: DischargePoint[] = [];
  for (const point of table.points) {
    const snap = snapToNamedRiver(net, point.lon, point.lat, [point.river, ...(point.names ?? [])]);
    if (!snap) unmatched.push(point);
    else anchors.push({ point, reachId: snap.reach.id, offsetKm: snap.offsetKm, snapKm: snap.distanceKm });
  }
  const byReach = new Map<number, DischargeAnchor[]>();
  for (const a of anchors) {
    const list = byReach.get(a.reachId) ?? [];
    list.push(a);
    list.sort((x, y) => x.offsetKm - y.offsetKm);
    byReach.set(a.reachId, list);
  }
  return { sources: table.sources, anchors, byReach, unmatched, flow, chainage };
}

/** The same table without some of its gauges (to test the estimate at a held-back gauge). */
export function withoutAnchors(
  table: AnchoredDischarge,
  drop: ReadonlySet<DischargeAnchor>,
): AnchoredDischarge {
  const anchors = table.anchors.filter((a) => !drop.has(a));
  const byReach = new Map<number, DischargeAnchor[]>();
  for (const [id, list] of table.byReach) {
    const kept = list.filter((a) => !drop.has(a));
    if (kept.length) byReach.set(id, kept);
  }
  return { ...table, anchors, byReach };
}

/**
 * Size-class default (m³/s) by Natural Earth scalerank when there is no runoff estimate:
 * scalerank 1–2 are continental rivers (thousands of m³/s), 10–12 local streams (~10 m³/s).
 * Rounded from the table's own rivers: Danube (rank 2) 2,000–6,500, Naryn (rank 5) ≈ 400,
 * Morava (rank 8 in the Europe layer) ≈ 120.
 */
export function defaultDischargeM3s(scalerank: number): number {
  const byRank = [4000, 3000, 1500, 800, 400, 250, 150, 90, 60, 40, 25, 15, 10];
  return byRank[Math.max(0, Math.min(byRank.length - 1, Math.round(scalerank)))]!;
}
