// Approximate river-basin catchments derived from the network: each land cell goes to the basin of the
// nearest river (catchment-raster.ts), then each basin's cells are traced into a simplified polygon.
// They are drawn as "approximate": Natural Earth has no watersheds, and a divide between two rivers
// is placed halfway, not on the ridge.
import { rewind, simplify } from '@turf/turf';
import { contours } from 'd3-contour';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { KM_PER_DEG_LAT } from '../geo/geodesy.js';
import { type Grid, gridFor, growLabels, NO_LABEL, rasterizeLand, seedLines } from './catchment-raster.js';

export interface CatchmentReach {
  coords: ArrayLike<number>;
  basinId: number;
  scalerank: number;
}

export interface CatchmentBasin {
  id: number;
  name: string;
  lengthKm: number;
}

export interface CatchmentOptions {
  /** Cell size in degrees. */
  resDeg: number;
  /** Land farther than this many cells from any river stays unassigned. */
  maxSteps: number;
}

export const DEFAULT_CATCHMENT_OPTIONS: CatchmentOptions = { resDeg: 0.1, maxSteps: 25 };

export interface CatchmentProps {
  basinId: number;
  name: string;
  kind: 'basin' | 'delta';
  approximate: true;
  areaKm2: number;
  bbox: [number, number, number, number];
}

export interface CatchmentInput {
  reaches: readonly CatchmentReach[];
  basins: readonly CatchmentBasin[];
  land: readonly (Polygon | MultiPolygon)[];
  /** Deltas drawn as their own catchment inside their basin (reach ids from findDelta). */
  deltas?: readonly { basinId: number; name: string; reachIds: readonly number[] }[];
  options?: Partial<CatchmentOptions>;
}

export type CatchmentCollection = FeatureCollection<MultiPolygon | Point, CatchmentProps & { role: string }>;

function reachBbox(reaches: readonly CatchmentReach[]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  for (const r of reaches) {
    for (let i = 0; i + 1 < r.coords.length; i += 2) {
      const x = r.coords[i] as number;
      const y = r.coords[i + 1] as number;
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}

interface CellStats {
  minC: number;
  minR: number;
  maxC: number;
  maxR: number;
  count: number;
  areaKm2: number;
  sumC: number;
  sumR: number;
}

/** Traces the cells whose label is in `members` into a (multi)polygon in lon/lat. */
function polygonize(grid: Grid, labels: Int32Array, members: Set<number>, s: CellStats): MultiPolygon {
  // One empty cell of margin so every ring closes inside the crop.
  const c0 = Math.max(0, s.minC - 1);
  const r0 = Math.max(0, s.minR - 1);
  const w = Math.min(grid.width, s.maxC + 2) - c0;
  const h = Math.min(grid.height, s.maxR + 2) - r0;
  const values = new Array<number>(w * h).fill(0);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (members.has(labels[(r + r0) * grid.width + c + c0] as number)) values[r * w + c] = 1;
    }
  }
  const shape = contours().size([w, h]).smooth(true).contour(values, 0.5);
  const coordinates = shape.coordinates.map((poly) =>
    poly.map((ring) =>
      ring.map(([x, y]) => [
        Number((grid.west + (c0 + (x as number)) * grid.res).toFixed(4)),
        Number((grid.south + (r0 + (y as number)) * grid.res).toFixed(4)),
      ]),
    ),
  );
  return { type: 'MultiPolygon', coordinates };
}

export function buildCatchments(input: CatchmentInput): CatchmentCollection {
  const opt = { ...DEFAULT_CATCHMENT_OPTIONS, ...input.options };
  const wanted = new Map(input.basins.map((b) => [b.id, b]));
  const bbox = reachBbox(input.reaches.filter((r) => wanted.has(r.basinId)));
  const margin = (opt.maxSteps + 2) * opt.resDeg;
  const grid = gridFor(
    [
      Math.max(-180, bbox[0] - margin),
      Math.max(-85, bbox[1] - margin),
      Math.min(180, bbox[2] + margin),
      Math.min(85, bbox[3] + margin),
    ],
    opt.resDeg,
  );
  // Delta reaches get labels of their own, above every basin id.
  let nextLabel = Math.max(0, ...input.reaches.map((r) => r.basinId)) + 1;
  const deltaOf = new Map<number, number>();
  const deltas = (input.deltas ?? []).map((d) => {
    const label = nextLabel++;
    for (const id of d.reachIds) deltaOf.set(id, label);
    return { ...d, label };
  });
  const labels = seedLines(
    grid,
    input.reaches.map((r, i) => ({
      coords: r.coords,
      label: deltaOf.get(i) ?? r.basinId,
      priority: r.scalerank,
    })),
  );
  growLabels(grid, labels, rasterizeLand(grid, input.land), opt.maxSteps);

  const stats = new Map<number, CellStats>();
  const cellKm2 = (opt.resDeg * KM_PER_DEG_LAT) ** 2;
  for (let r = 0; r < grid.height; r++) {
    const cos = Math.cos(((grid.south + (r + 0.5) * grid.res) * Math.PI) / 180);
    for (let c = 0; c < grid.width; c++) {
      const l = labels[r * grid.width + c] as number;
      if (l === NO_LABEL) continue;
      let s = stats.get(l);
      if (!s) {
        s = { minC: c, minR: r, maxC: c, maxR: r, count: 0, areaKm2: 0, sumC: 0, sumR: 0 };
        stats.set(l, s);
      }
      s.minC = Math.min(s.minC, c);
      s.maxC = Math.max(s.maxC, c);
      s.minR = Math.min(s.minR, r);
      s.maxR = Math.max(s.maxR, r);
      s.count++;
      s.areaKm2 += cellKm2 * cos;
      s.sumC += c;
      s.sumR += r;
    }
  }
  const merge = (a: CellStats, b: CellStats | undefined): CellStats =>
    b
      ? {
          minC: Math.min(a.minC, b.minC),
          minR: Math.min(a.minR, b.minR),
          maxC: Math.max(a.maxC, b.maxC),
          maxR: Math.max(a.maxR, b.maxR),
          count: a.count + b.count,
          areaKm2: a.areaKm2 + b.areaKm2,
          sumC: a.sumC + b.sumC,
          sumR: a.sumR + b.sumR,
        }
      : a;

  const features: CatchmentCollection['features'] = [];
  const emit = (members: Set<number>, s: CellStats, props: Omit<CatchmentProps, 'areaKm2' | 'bbox'>) => {
    const raw = polygonize(grid, labels, members, s);
    if (raw.coordinates.length === 0) return;
    const shape = rewind(simplify(raw, { tolerance: opt.resDeg * 0.6 })) as MultiPolygon;
    const lon = (c: number) => Number((grid.west + c * grid.res).toFixed(4));
    const lat = (r: number) => Number((grid.south + r * grid.res).toFixed(4));
    const full: CatchmentProps = {
      ...props,
      areaKm2: Math.round(s.areaKm2),
      bbox: [lon(s.minC), lat(s.minR), lon(s.maxC + 1), lat(s.maxR + 1)],
    };
    features.push({ type: 'Feature', geometry: shape, properties: { ...full, role: 'area' } });
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(grid, labels, members, s) },
      properties: { ...full, role: 'label' },
    });
  };
  const deltaLabels = new Map<number, number[]>();
  for (const d of deltas) deltaLabels.set(d.basinId, [...(deltaLabels.get(d.basinId) ?? []), d.label]);
  for (const b of input.basins) {
    const own = stats.get(b.id);
    if (!own) continue;
    let s = own;
    const members = new Set([b.id]);
    for (const l of deltaLabels.get(b.id) ?? []) {
      members.add(l);
      s = merge(s, stats.get(l));
    }
    emit(members, s, { basinId: b.id, name: b.name, kind: 'basin', approximate: true });
  }
  for (const d of deltas) {
    const s = stats.get(d.label);
    if (s)
      emit(new Set([d.label]), s, { basinId: d.basinId, name: d.name, kind: 'delta', approximate: true });
  }
  return { type: 'FeatureCollection', features };
}

/** The member cell nearest the members' mean cell: inside the area even for a crescent-shaped basin. */
function labelPoint(grid: Grid, labels: Int32Array, members: Set<number>, s: CellStats): [number, number] {
  const mc = s.sumC / s.count;
  const mr = s.sumR / s.count;
  let best: [number, number] = [mc, mr];
  let bestD = Number.POSITIVE_INFINITY;
  for (let r = s.minR; r <= s.maxR; r++) {
    for (let c = s.minC; c <= s.maxC; c++) {
      if (!members.has(labels[r * grid.width + c] as number)) continue;
      const d = (c - mc) ** 2 + (r - mr) ** 2;
      if (d < bestD) {
        bestD = d;
        best = [c, r];
      }
    }
  }
  return [
    Number((grid.west + (best[0] + 0.5) * grid.res).toFixed(4)),
    Number((grid.south + (best[1] + 0.5) * grid.res).toFixed(4)),
  ];
}
