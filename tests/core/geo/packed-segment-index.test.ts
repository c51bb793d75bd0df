// The packed segment index (one flat coordinate array, stored with the network) against SegmentIndex:
// the same segments in the same order, including lines without segments.
import { describe, expect, it } from 'vitest';
import { PackedSegmentIndex } from '../../../server/core/geo/packed-segment-index.js';
import { SegmentIndex } from '../../../server/core/geo/segment-index.js';

/** Danube vertices near Vienna, Bratislava and Budapest (rounded town coordinates), plus degenerate lines. */
const LINES: number[][] = [
  [16.2, 48.25, 16.37, 48.21, 16.6, 48.15],
  [17.1, 48.14], // one vertex: no segment
  [],
  [17.1, 48.14, 17.5, 47.9, 18.1, 47.78, 18.9, 47.8, 19.05, 47.5],
  [16.37, 48.21, 16.45, 48.3],
];

function packed(lines: number[][], f32 = false) {
  const vertexStart = new Uint32Array(lines.length + 1);
  lines.forEach((l, i) => {
    vertexStart[i + 1] = vertexStart[i]! + l.length / 2;
  });
  const xy = f32 ? Float32Array.from(lines.flat()) : Float64Array.from(lines.flat());
  return PackedSegmentIndex.build(xy, vertexStart);
}

describe('PackedSegmentIndex', () => {
  const a = new SegmentIndex(LINES);
  const b = packed(LINES);

  it('counts segments and finds the same hits, in the same order', () => {
    expect(b.segmentCount).toBe(a.segmentCount);
    expect(b.segmentCount).toBe(2 + 4 + 1);
    for (const [lon, lat, km] of [
      [16.37, 48.21, 5], // Vienna: two lines meet there
      [17.1, 48.14, 30], // Bratislava
      [19.05, 47.5, 200],
      [0, 0, 10],
    ] as const) {
      expect(b.within(lon, lat, km)).toEqual(a.within(lon, lat, km));
      expect(b.nearest(lon, lat, km)).toEqual(a.nearest(lon, lat, km));
      expect(b.anyWithin(lon, lat, km)).toBe(a.anyWithin(lon, lat, km));
    }
    // Budapest's segment belongs to line 3, its last (fourth) segment.
    expect(b.nearest(19.05, 47.52, 10)).toMatchObject({ line: 3, seg: 3 });
    expect(b.intersectsBox(18, 47, 19, 48)).toBe(true);
    expect(b.intersectsBox(0, 0, 1, 1)).toBe(false);
  });

  it('a line filter skips lines the way SegmentIndex does', () => {
    const only4 = (line: number) => line === 4;
    expect(b.nearest(16.37, 48.21, 5, only4)).toEqual(a.nearest(16.37, 48.21, 5, only4));
    expect(b.nearest(16.37, 48.21, 5, only4)!.line).toBe(4);
  });

  it('Float32 coordinates give the same segment within a metre', () => {
    const c = packed(LINES, true);
    const hit = c.nearest(17.3, 48.0, 50)!;
    const ref = a.nearest(17.3, 48.0, 50)!;
    expect([hit.line, hit.seg]).toEqual([ref.line, ref.seg]);
    expect(Math.abs(hit.distanceKm - ref.distanceKm)).toBeLessThan(0.001);
  });
});
