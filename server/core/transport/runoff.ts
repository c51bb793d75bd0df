// The reviewed regional runoff table (data/runoff.json) and the natural discharge it implies on
// every reach: catchment area × mean annual runoff, accumulated down the main chains.
import { z } from 'zod';
import { mainChains } from '../trace/main-chain.js';
import type { RiverNetwork } from '../trace/river-network.js';
import { snapToNetwork } from '../trace/snap.js';
import { accumulate, type ReachAreas } from './catchment-area.js';

export const RunoffTableSchema = z
  .object({
    about: z.string(),
    sources: z.record(z.string(), z.string()),
    basins: z.array(
      z
        .object({
          river: z.string().min(1),
          lon: z.number().min(-180).max(180),
          lat: z.number().min(-90).max(90),
          runoffMmYr: z.number().positive().max(5000),
          derivation: z.string().min(1),
          source: z.string().min(1),
          article: z.string().min(1).optional(),
        })
        .strict(),
    ),
    regions: z.array(
      z
        .object({
          region: z.string().min(1),
          bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
          runoffMmYr: z.number().positive().max(5000),
          source: z.string().min(1),
          basis: z.string().min(1).optional(),
        })
        .strict(),
    ),
    defaultMmYr: z.number().positive(),
    defaultSource: z.string().min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    const check = (source: string, path: (string | number)[]) => {
      if (!(source in t.sources))
        ctx.addIssue({ code: 'custom', path, message: `unknown source "${source}"` });
    };
    for (const [i, b] of t.basins.entries()) check(b.source, ['basins', i, 'source']);
    for (const [i, r] of t.regions.entries()) check(r.source, ['regions', i, 'source']);
    check(t.defaultSource, ['defaultSource']);
  });

export type RunoffTable = z.output<typeof RunoffTableSchema>;

export interface RunoffRegion {
  /** "Danube basin", "East European plain", … */
  label: string;
  runoffMmYr: number;
  /** The source's full reference. */
  reference: string;
}

/** Natural (unregulated, ungauged) mean discharge implied by area × runoff, per reach. */
export interface NaturalFlow {
  areas: ReachAreas;
  /** Index into `regions` for each reach. */
  regionOf: Int32Array;
  regions: RunoffRegion[];
  localM3s: Float64Array;
  /** At each reach's downstream end. */
  upstreamM3s: Float64Array;
}

/** mm/yr over km² → m³/s: 1 km² × 1 mm = 1,000 m³ per year of 31,557,600 s. */
export const MM_KM2_PER_YEAR_TO_M3S = 1000 / 31_557_600;

/** How far a basin record's point may lie from its river. */
const RUNOFF_SNAP_KM = 25;

export function naturalFlow(net: RiverNetwork, table: RunoffTable, areas: ReachAreas): NaturalFlow {
  const ref = (s: string, article?: string) =>
    `${table.sources[s] ?? s}${article ? ` — article "${article}"` : ''}`;
  const regions: RunoffRegion[] = [];
  const byBasin = new Map<number, number>();
  for (const b of table.basins) {
    const snap =
      snapToNetwork(net, b.lon, b.lat, RUNOFF_SNAP_KM, b.river) ?? snapToNetwork(net, b.lon, b.lat, 5);
    if (!snap || byBasin.has(snap.reach.basinId)) continue;
    byBasin.set(snap.reach.basinId, regions.length);
    regions.push({
      label: `${b.river} basin`,
      runoffMmYr: b.runoffMmYr,
      reference: ref(b.source, b.article),
    });
  }
  const boxStart = regions.length;
  for (const r of table.regions)
    regions.push({ label: r.region, runoffMmYr: r.runoffMmYr, reference: ref(r.source) });
  const fallback = regions.length;
  regions.push({
    label: 'world land mean',
    runoffMmYr: table.defaultMmYr,
    reference: ref(table.defaultSource),
  });

  const n = net.reaches.length;
  const regionOf = new Int32Array(n);
  const localM3s = new Float64Array(n);
  for (const r of net.reaches) {
    let region = byBasin.get(r.basinId);
    if (region === undefined) {
      const mid = Math.floor(r.coords.length / 4) * 2;
      const lon = r.coords[mid]!;
      const lat = r.coords[mid + 1]!;
      const k = table.regions.findIndex(
        (g) => lon >= g.bbox[0] && lat >= g.bbox[1] && lon <= g.bbox[2] && lat <= g.bbox[3],
      );
      region = k >= 0 ? boxStart + k : fallback;
    }
    regionOf[r.id] = region;
    localM3s[r.id] = areas.localKm2[r.id]! * regions[region]!.runoffMmYr * MM_KM2_PER_YEAR_TO_M3S;
  }
  return { areas, regionOf, regions, localM3s, upstreamM3s: accumulate(mainChains(net), localM3s) };
}

/** Natural discharge `offsetKm` along a reach (the local inflow grows linearly along it). */
export function naturalFlowAt(
  flow: NaturalFlow,
  reachId: number,
  offsetKm: number,
  lengthKm: number,
): number {
  const local = flow.localM3s[reachId]!;
  const top = flow.upstreamM3s[reachId]! - local;
  return top + local * Math.min(1, Math.max(0, offsetKm / Math.max(1e-9, lengthKm)));
}
