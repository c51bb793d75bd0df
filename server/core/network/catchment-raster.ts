// A coarse lon/lat raster for approximate catchments: land mask by scanline fill, river cells seeded
// with their basin, then a multi-source flood over land (a discrete network Voronoi, clipped to land).
import type { MultiPolygon, Polygon } from 'geojson';

export interface Grid {
  west: number;
  south: number;
  /** Cell size in degrees (both axes). */
  res: number;
  width: number;
  height: number;
}

export const NO_LABEL = -1;

export function gridFor(bbox: readonly [number, number, number, number], res: number): Grid {
  const west = Math.floor(bbox[0] / res) * res;
  const south = Math.floor(bbox[1] / res) * res;
  return {
    west,
    south,
    res,
    width: Math.max(1, Math.ceil((bbox[2] - west) / res)),
    height: Math.max(1, Math.ceil((bbox[3] - south) / res)),
  };
}

/** 1 where the cell centre lies inside any polygon (even-odd over all rings: countries don't overlap). */
export function rasterizeLand(grid: Grid, polygons: readonly (Polygon | MultiPolygon)[]): Uint8Array {
  const { west, south, res, width, height } = grid;
  const rows: number[][] = Array.from({ length: height }, () => []);
  for (const g of polygons) {
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of parts) {
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [x1, y1] = ring[j] as [number, number];
          const [x2, y2] = ring[i] as [number, number];
          if (y1 === y2) continue;
          const lo = Math.min(y1, y2);
          const hi = Math.max(y1, y2);
          // Rows whose centre yc satisfies lo <= yc < hi.
          const r0 = Math.max(0, Math.ceil((lo - south) / res - 0.5));
          const r1 = Math.min(height - 1, Math.ceil((hi - south) / res - 0.5) - 1);
          for (let r = r0; r <= r1; r++) {
            const yc = south + (r + 0.5) * res;
            (rows[r] as number[]).push(x1 + ((yc - y1) * (x2 - x1)) / (y2 - y1));
          }
        }
      }
    }
  }
  const land = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) {
    const xs = (rows[r] as number[]).sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil(((xs[k] as number) - west) / res - 0.5));
      const c1 = Math.min(width - 1, Math.ceil(((xs[k + 1] as number) - west) / res - 0.5) - 1);
      for (let c = c0; c <= c1; c++) land[r * width + c] = 1;
    }
  }
  return land;
}

export interface SeedLine {
  /** Interleaved lon,lat. */
  coords: ArrayLike<number>;
  label: number;
  /** Lower wins a shared cell (Natural Earth scalerank: the bigger river keeps it). */
  priority: number;
}

/** Labels every cell a line passes through; returns the label raster (NO_LABEL elsewhere). */
export function seedLines(grid: Grid, lines: readonly SeedLine[]): Int32Array {
  const { west, south, res, width, height } = grid;
  const labels = new Int32Array(width * height).fill(NO_LABEL);
  const prio = new Float64Array(width * height).fill(Number.POSITIVE_INFINITY);
  const mark = (lon: number, lat: number, line: SeedLine) => {
    const c = Math.floor((lon - west) / res);
    const r = Math.floor((lat - south) / res);
    if (c < 0 || r < 0 || c >= width || r >= height) return;
    const i = r * width + c;
    if (line.priority < (prio[i] as number)) {
      prio[i] = line.priority;
      labels[i] = line.label;
    }
  };
  for (const line of lines) {
    const p = line.coords;
    for (let k = 0; k + 3 < p.length; k += 2) {
      const ax = p[k] as number;
      const ay = p[k + 1] as number;
      const bx = p[k + 2] as number;
      const by = p[k + 3] as number;
      // Half-cell steps so no cell the segment crosses is skipped.
      const steps = Math.max(1, Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay)) / (res / 2)));
      for (let s = 0; s <= steps; s++) mark(ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps, line);
    }
  }
  return labels;
}

/**
 * Grows the seeded labels over land, breadth first with 8 neighbours, at most `maxSteps` cells from a
 * river: each land cell takes the label of the river cell it is fewest steps from (first come at ties).
 */
export function growLabels(grid: Grid, labels: Int32Array, land: Uint8Array, maxSteps: number): void {
  const { width, height } = grid;
  const n = width * height;
  const queue = new Int32Array(n);
  const steps = new Uint16Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (labels[i] !== NO_LABEL) queue[tail++] = i;
  while (head < tail) {
    const i = queue[head++] as number;
    const s = (steps[i] as number) + 1;
    if (s > maxSteps) continue;
    const r = Math.floor(i / width);
    const c = i - r * width;
    const label = labels[i] as number;
    for (let dr = -1; dr <= 1; dr++) {
      const rr = r + dr;
      if (rr < 0 || rr >= height) continue;
      for (let dc = -1; dc <= 1; dc++) {
        const cc = c + dc;
        if ((dr === 0 && dc === 0) || cc < 0 || cc >= width) continue;
        const j = rr * width + cc;
        if (labels[j] !== NO_LABEL || land[j] !== 1) continue;
        labels[j] = label;
        steps[j] = s;
        queue[tail++] = j;
      }
    }
  }
}
