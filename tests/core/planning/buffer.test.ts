// Zone buffers are true metres at any latitude (checked with Vincenty on the ellipsoid, not the
// projection that made them), and footprints are buffered from their edges.
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bufferSite } from '../../../server/core/planning/buffer.js';
import { vincentyM } from './vincenty.js';

const outerRing = (g: ReturnType<typeof bufferSite>): Position[] =>
  g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;

describe('bufferSite around a point', () => {
  for (const [label, lon, lat] of [
    ['45°N (near Novi Sad)', 19.85, 45.0],
    ['60°N (near Uppsala)', 17.6, 60.0],
  ] as const) {
    it(`keeps every vertex within 1 % of 1,500 m at ${label}`, () => {
      const g = bufferSite({ lon, lat, footprint: null }, 1500);
      const ring = outerRing(g);
      expect(ring.length).toBeGreaterThan(60);
      for (const [x, y] of ring) {
        const d = vincentyM(lon, lat, x!, y!);
        expect(Math.abs(d - 1500) / 1500).toBeLessThan(0.01);
      }
      // A degree-based buffer would be squashed east-west: 1,500 m is 0.0135° of latitude but
      // 0.0190° (45°N) or 0.0268° (60°N) of longitude.
      const lons = ring.map((p) => p[0]!);
      const lats = ring.map((p) => p[1]!);
      const eastM = vincentyM(lon, lat, Math.max(...lons), lat);
      const northM = vincentyM(lon, lat, lon, Math.max(...lats));
      expect(eastM).toBeCloseTo(1500, -1);
      expect(northM).toBeCloseTo(1500, -1);
    });
  }
});

describe('bufferSite around a footprint', () => {
  // A 1 km × 1 km square at 48°N: the buffer's edge lies 200 m from the square's edge, not its centre.
  const lon = 16.4;
  const lat = 48.0;
  const dLon = 1000 / (111_320 * Math.cos((lat * Math.PI) / 180));
  const dLat = 1000 / 111_132;
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + dLon, lat],
        [lon + dLon, lat + dLat],
        [lon, lat + dLat],
        [lon, lat],
      ],
    ],
  };

  it('extends 200 m beyond each side of a square footprint', () => {
    const g = bufferSite({ lon: lon + dLon / 2, lat: lat + dLat / 2, footprint: square }, 200);
    const ring = outerRing(g);
    const midLat = lat + dLat / 2;
    const west = Math.min(...ring.map((p) => p[0]!));
    const south = Math.min(...ring.map((p) => p[1]!));
    expect(vincentyM(west, midLat, lon, midLat)).toBeGreaterThan(198);
    expect(vincentyM(west, midLat, lon, midLat)).toBeLessThan(202);
    expect(vincentyM(lon + dLon / 2, south, lon + dLon / 2, lat)).toBeGreaterThan(198);
    expect(vincentyM(lon + dLon / 2, south, lon + dLon / 2, lat)).toBeLessThan(202);
    // Rounded corners: the far corner point lies 200 m from the square's corner, not 283 m.
    const corner = ring.reduce((best, p) => (p[0]! + p[1]! < best[0]! + best[1]! ? p : best));
    expect(vincentyM(corner[0]!, corner[1]!, lon, lat)).toBeLessThan(203);
  });
});
