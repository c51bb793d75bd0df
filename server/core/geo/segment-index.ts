// Packed R-tree (flatbush) over the segments of many polylines: nearest-segment and radius queries.
import Flatbush from 'flatbush';
import { boxAround, projectOnSegment } from './geodesy.js';

export interface SegmentHit {
  line: number;
  /** Index of the segment's first vertex within its line. */
  seg: number;
  t: number;
  lon: number;
  lat: number;
  distanceKm: number;
}

export class SegmentIndex {
  private readonly index: Flatbush;
  private readonly segLine: Uint32Array;
  private readonly segStart: Uint32Array;

  /** `lines` are interleaved lon,lat arrays. */
  constructor(readonly lines: readonly ArrayLike<number>[]) {
    let count = 0;
    for (const l of lines) count += Math.max(0, l.length / 2 - 1);
    this.segLine = new Uint32Array(count);
    this.segStart = new Uint32Array(count);
    this.index = new Flatbush(Math.max(1, count));
    let k = 0;
    for (let li = 0; li < lines.length; li++) {
      const c = lines[li]!;
      for (let i = 0; i + 3 < c.length; i += 2) {
        const ax = c[i]!;
        const ay = c[i + 1]!;
        const bx = c[i + 2]!;
        const by = c[i + 3]!;
        this.index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
        this.segLine[k] = li;
        this.segStart[k] = i / 2;
        k++;
      }
    }
    if (count === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  get segmentCount(): number {
    return this.segLine.length;
  }

  /** Every segment within `km` of the point, with its exact distance. */
  within(lon: number, lat: number, km: number, filter?: (line: number) => boolean): SegmentHit[] {
    const [minX, minY, maxX, maxY] = boxAround(lon, lat, km);
    const hits: SegmentHit[] = [];
    for (const id of this.index.search(minX, minY, maxX, maxY)) {
      if (id >= this.segLine.length) continue;
      const line = this.segLine[id]!;
      if (filter && !filter(line)) continue;
      const seg = this.segStart[id]!;
      const c = this.lines[line]!;
      const p = projectOnSegment(lon, lat, c[2 * seg]!, c[2 * seg + 1]!, c[2 * seg + 2]!, c[2 * seg + 3]!);
      if (p.distanceKm <= km) hits.push({ line, seg, ...p });
    }
    return hits;
  }

  /**
   * Nearest segment within `maxKm`. Searches growing radii so a dense area costs little;
   * `better(a, b)` may override pure distance (e.g. prefer rivers over lake centerlines at a tie).
   */
  nearest(
    lon: number,
    lat: number,
    maxKm: number,
    filter?: (line: number) => boolean,
    better: (a: SegmentHit, b: SegmentHit) => boolean = (a, b) => a.distanceKm < b.distanceKm,
  ): SegmentHit | null {
    for (let r = Math.min(maxKm, 1); ; r = Math.min(maxKm, r * 4)) {
      let best: SegmentHit | null = null;
      for (const h of this.within(lon, lat, r, filter)) if (!best || better(h, best)) best = h;
      if (best || r >= maxKm) return best;
    }
  }

  /** Does any segment's bounding box intersect the box? (A cheap pre-filter.) */
  intersectsBox(minX: number, minY: number, maxX: number, maxY: number): boolean {
    let found = false;
    this.index.search(minX, minY, maxX, maxY, (id) => {
      if (id < this.segLine.length) found = true;
      return false;
    });
    return found;
  }

  /** Exact-distance check without building hit objects: is any segment within `km`? */
  anyWithin(lon: number, lat: number, km: number): boolean {
    const [minX, minY, maxX, maxY] = boxAround(lon, lat, km);
    let found = false;
    this.index.search(minX, minY, maxX, maxY, (id) => {
      if (found || id >= this.segLine.length) return false;
      const c = this.lines[this.segLine[id]!]!;
      const s = this.segStart[id]!;
      if (
        projectOnSegment(lon, lat, c[2 * s]!, c[2 * s + 1]!, c[2 * s + 2]!, c[2 * s + 3]!).distanceKm <= km
      ) {
        found = true;
      }
      return false;
    });
    return found;
  }
}
