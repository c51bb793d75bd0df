// Upstream catchment area of every reach, for estimating discharge where no gauge is near: each
// land cell of a 0.1° raster drains to its nearest reach (a discrete Voronoi over land, as the
// basin catchments are drawn), and the areas accumulate down the main chains. Natural Earth has no
// watersheds, so divides sit halfway between rivers; gauges rescale the estimate where they exist.
import type { MultiPolygon, Polygon } from 'geojson';
import { KM_PER_DEG_LAT } from '../geo/geodesy.js';
import { gridFor, growLabels, NO_LABEL, rasterizeLand, seedLines } from '../network/catchment-raster.js';
import { type MainChains, mainChains } from '../trace/main-chain.js';
import type { RiverNetwork } from '../trace/river-network.js';

export interface ReachAreas {
  /** Land draining directly to each reach (km²). */
  localKm2: Float64Array;
  /** Area drained at each reach's downstream end (km²): its own plus everything whose main chain joins it. */
  upstreamKm2: Float64Array;
}

export interface AreaOptions {
  resDeg: number;
  /** Land farther than this many cells from any river stays unassigned (deserts, ice). */
  maxSteps: number;
}

export const DEFAULT_AREA_OPTIONS: AreaOptions = { resDeg: 0.1, maxSteps: 25 };

export function reachAreas(
  net: RiverNetwork,
  land: readonly (Polygon | MultiPolygon)[],
  options: AreaOptions = DEFAULT_AREA_OPTIONS,
): ReachAreas {
  const n = net.reaches.length;
  const bbox: [number, number, number, number] = [180, 90, -180, -90];
  for (const r of net.reaches) {
    for (let i = 0; i + 1 < r.coords.length; i += 2) {
      bbox[0] = Math.min(bbox[0], r.coords[i]!);
      bbox[1] = Math.min(bbox[1], r.coords[i + 1]!);
      bbox[2] = Math.max(bbox[2], r.coords[i]!);
      bbox[3] = Math.max(bbox[3], r.coords[i + 1]!);
    }
  }
  const pad = options.resDeg * options.maxSteps;
  const grid = gridFor(
    [
      Math.max(-180, bbox[0] - pad),
      Math.max(-90, bbox[1] - pad),
      Math.min(180, bbox[2] + pad),
      Math.min(90, bbox[3] + pad),
    ],
    options.resDeg,
  );
  const landMask = rasterizeLand(grid, land);
  const labels = seedLines(
    grid,
    net.reaches.map((r) => ({ coords: r.coords, label: r.id, priority: r.scalerank })),
  );
  growLabels(grid, labels, landMask, options.maxSteps);
  const localKm2 = new Float64Array(n);
  const kmPerDegLon = (lat: number) => KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  for (let row = 0; row < grid.height; row++) {
    const lat = grid.south + (row + 0.5) * grid.res;
    const cellKm2 = grid.res * KM_PER_DEG_LAT * grid.res * kmPerDegLon(lat);
    for (let c = 0; c < grid.width; c++) {
      const i = row * grid.width + c;
      const label = labels[i]!;
      // River cells over water (lakes, estuaries) count too: they are part of the catchment.
      if (label !== NO_LABEL) localKm2[label] = localKm2[label]! + cellKm2;
    }
  }
  return { localKm2, upstreamKm2: accumulate(mainChains(net), localKm2) };
}

/** Sums local areas down the main chains (upstream before downstream: by decreasing km to the end). */
export function accumulate(chains: MainChains, local: Float64Array): Float64Array {
  const n = local.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => chains.kmToEnd[b]! - chains.kmToEnd[a]!,
  );
  const total = Float64Array.from(local);
  for (const r of order) {
    const next = chains.next[r]!;
    if (next !== -1 && chains.kmToEnd[next]! < chains.kmToEnd[r]!) total[next] = total[next]! + total[r]!;
  }
  return total;
}

/** Area drained at a point `offsetKm` along a reach (its local area grows linearly along it). */
export function areaAtKm2(areas: ReachAreas, reachId: number, offsetKm: number, lengthKm: number): number {
  const local = areas.localKm2[reachId]!;
  const top = areas.upstreamKm2[reachId]! - local;
  return top + local * Math.min(1, Math.max(0, offsetKm / Math.max(1e-9, lengthKm)));
}
