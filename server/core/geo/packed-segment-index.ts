// SegmentIndex over one flat coordinate array (CSR: vertexStart per line): no per-line arrays and no
// per-segment line/offset tables, so the index can be stored with the network and loaded as-is.
import Flatbush from 'flatbush';
import { boxAround, projectOnSegment } from './geodesy.js';
import type { SegmentHit } from './segment-index.js';

export type CoordArray = Float64Array | Float32Array;

export class PackedSegmentIndex {
  /** First segment of each line (n + 1 entries): segment k belongs to the last line with segFirst ≤ k. */
  private readonly segFirst: Uint32Array;

  constructor(
    private readonly xy: CoordArray,
    private readonly vertexStart: Uint32Array,
    readonly index: Flatbush,
  ) {
    const n = vertexStart.length - 1;
    this.segFirst = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.segFirst[i + 1] = this.segFirst[i]! + Math.max(0, vertexStart[i + 1]! - vertexStart[i]! - 1);
    }
  }

  /**
   * Builds the R-tree exactly as SegmentIndex does (same boxes, same order), so searches return the same
   * segments in the same order. Boxes are stored in the coordinates' own precision.
   */
  static build(xy: CoordArray, vertexStart: Uint32Array): PackedSegmentIndex {
    const n = vertexStart.length - 1;
    let count = 0;
    for (let i = 0; i < n; i++) count += Math.max(0, vertexStart[i + 1]! - vertexStart[i]! - 1);
    const ArrayType = xy instanceof Float32Array ? Float32Array : Float64Array;
    const index = new Flatbush(Math.max(1, count), 16, ArrayType);
    for (let li = 0; li < n; li++) {
      for (let v = vertexStart[li]!; v + 1 < vertexStart[li + 1]!; v++) {
        const ax = xy[2 * v]!;
        const ay = xy[2 * v + 1]!;
        const bx = xy[2 * v + 2]!;
        const by = xy[2 * v + 3]!;
        index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      }
    }
    if (count === 0) index.add(0, 0, 0, 0);
    index.finish();
    return new PackedSegmentIndex(xy, vertexStart, index);
  }

  get segmentCount(): number {
    return this.segFirst[this.segFirst.length - 1]!;
  }

  /** The line holding segment k (binary search over segFirst). */
  private lineOf(k: number): number {
    let lo = 0;
    let hi = this.segFirst.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segFirst[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    // Lines without segments share their segFirst with the next line: take the last one that has k.
    return lo;
  }

  private project(k: number, lon: number, lat: number) {
    const line = this.lineOf(k);
    const seg = k - this.segFirst[line]!;
    const v = this.vertexStart[line]! + seg;
    const c = this.xy;
    return {
      line,
      seg,
      p: projectOnSegment(lon, lat, c[2 * v]!, c[2 * v + 1]!, c[2 * v + 2]!, c[2 * v + 3]!),
    };
  }

  within(lon: number, lat: number, km: number, filter?: (line: number) => boolean): SegmentHit[] {
    const [minX, minY, maxX, maxY] = boxAround(lon, lat, km);
    const hits: SegmentHit[] = [];
    const count = this.segmentCount;
    for (const id of this.index.search(minX, minY, maxX, maxY)) {
      if (id >= count) continue;
      const line = this.lineOf(id);
      if (filter && !filter(line)) continue;
      const { seg, p } = this.project(id, lon, lat);
      if (p.distanceKm <= km) hits.push({ line, seg, ...p });
    }
    return hits;
  }

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

  intersectsBox(minX: number, minY: number, maxX: number, maxY: number): boolean {
    const count = this.segmentCount;
    let found = false;
    this.index.search(minX, minY, maxX, maxY, (id) => {
      if (id < count) found = true;
      return false;
    });
    return found;
  }

  anyWithin(lon: number, lat: number, km: number): boolean {
    const [minX, minY, maxX, maxY] = boxAround(lon, lat, km);
    const count = this.segmentCount;
    let found = false;
    this.index.search(minX, minY, maxX, maxY, (id) => {
      if (found || id >= count) return false;
      if (this.project(id, lon, lat).p.distanceKm <= km) found = true;
      return false;
    });
    return found;
  }
}
