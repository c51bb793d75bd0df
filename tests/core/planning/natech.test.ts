// Natech screening near a river measures from the footprint's edge, not only the site's location:
// a tailings pond whose centre is 1 km from a river but whose dam is 100 m from it is flagged.
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { localProjection } from '../../../server/core/planning/local-projection.js';
import {
  type NatechSubject,
  natechScreening,
  siteProbePoints,
} from '../../../server/core/planning/screening.js';

const LAT = 45;
const RIVER_LON = 20;
// A straight river along the 20° E meridian; distance measured in a local projection on it.
const nearestRiver = (lon: number, lat: number, maxKm: number) => {
  const [x] = localProjection(RIVER_LON, lat).toLocal(lon, lat);
  const distanceKm = Math.abs(x) / 1000;
  return distanceKm <= maxKm ? { river: 'Test river', distanceKm } : null;
};

const proj = localProjection(RIVER_LON, LAT);
const at = (eastM: number, northM: number) => proj.toWgs84(eastM, northM);
/** A square footprint from `westM` to `eastM` east of the river, 400 m tall. */
const square = (westM: number, eastM: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[at(westM, -200), at(eastM, -200), at(eastM, 200), at(westM, 200), at(westM, -200)]],
});

const site = (footprint: Polygon | null): NatechSubject => {
  const [lon, lat] = at(1000, 0);
  return { id: 'a', name: 'Pond', country: 'SRB', lon, lat, footprint };
};

describe('natech screening near a river', () => {
  it('does not flag a point 1 km from the river at 500 m', () => {
    expect(natechScreening([site(null)], 500, () => [], nearestRiver)).toEqual([]);
  });

  it('flags the same site when its footprint reaches 100 m from the river, with that distance', () => {
    const flags = natechScreening([site(square(100, 1900))], 500, () => [], nearestRiver);
    expect(flags).toHaveLength(1);
    const reason = flags[0]?.reasons[0];
    expect(reason).toMatchObject({ code: 'near_river', river: 'Test river' });
    expect(reason && 'distanceM' in reason ? reason.distanceM : -1).toBeCloseTo(100, -1);
  });

  it('samples footprint edges every 50 m or closer', () => {
    // Perimeter 2 × (1800 + 400) m = 4400 m → at least 88 samples, plus the location.
    const points = siteProbePoints(site(square(100, 1900)));
    expect(points.length).toBeGreaterThanOrEqual(89);
    expect(points.length).toBeLessThan(100);
  });
});
