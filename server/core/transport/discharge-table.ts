// The reviewed table of mean discharges at known river points (data/discharge.json): its shape,
// validation, and the snapping of each point onto the reach of the river it names.
import { z } from 'zod';
import type { RiverNetwork } from '../trace/river-network.js';
import { snapToNetwork } from '../trace/snap.js';

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
}

/** How far a table point may lie from its river (coordinates are read from maps, ~km precision). */
export const DISCHARGE_SNAP_KM = 15;

export function anchorDischarge(net: RiverNetwork, table: DischargeTable): AnchoredDischarge {
  const anchors: DischargeAnchor[] = [];
  const unmatched: DischargePoint[] = [];
  for (const point of table.points) {
    const snap = [point.river, ...(point.names ?? [])]
      .map((name) => snapToNetwork(net, point.lon, point.lat, DISCHARGE_SNAP_KM, name))
      .filter((s) => s !== null)
      .sort((a, b) => a.distanceKm - b.distanceKm)[0];
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
  return { sources: table.sources, anchors, byReach, unmatched };
}

/**
 * Size-class default (m³/s) by Natural Earth scalerank when the table has no value for a river:
 * scalerank 1–2 are continental rivers (thousands of m³/s), 10–12 local streams (~10 m³/s).
 * Rounded from the table's own rivers: Danube (rank 2) 2,000–6,500, Naryn (rank 5) ≈ 400,
 * Morava (rank 8 in the Europe layer) ≈ 120.
 */
export function defaultDischargeM3s(scalerank: number): number {
  const byRank = [4000, 3000, 1500, 800, 400, 250, 150, 90, 60, 40, 25, 15, 10];
  return byRank[Math.max(0, Math.min(byRank.length - 1, Math.round(scalerank)))]!;
}
