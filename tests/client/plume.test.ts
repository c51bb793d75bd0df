// The client's plume position from a release profile, its map geometry, and the release query.
import { describe, expect, it } from 'vitest';
import { kmAtHours, mainLine, plumeAt, plumeGeoJson, sliceLine } from '../../client/src/lib/plume.js';
import { type ProfilePoint, type ReleaseTrace, releaseQuery } from '../../client/src/lib/release.js';

// A straight 100 km path along the equator (0.9° ≈ 100 km) at 1 km/h (peak) with the leading edge
// at 0.9 of the peak time, concentration falling as 1/km.
const profile: ProfilePoint[] = Array.from({ length: 11 }, (_, i) => {
  const km = i * 10;
  return {
    km,
    dischargeM3s: 100,
    dischargeIsDefault: false,
    velocityMs: 0.28,
    lake: false,
    leadingEdgeH: { probable: 0.9 * km, bound: 0.6 * km },
    peakH: { probable: km, bound: (2 / 3) * km },
    peakMgL: { probable: 10 / Math.max(km, 1), bound: 25 / Math.max(km, 1) },
  };
});
const trace = {
  snap: { lon: 0, lat: 0, distanceKm: 0, river: 'Test' },
  lengthKm: 100,
  outlets: [],
  countries: [],
  crossings: [],
  rivers: [],
  path: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { kmFromStart: 50, river: 'Test', country: 'BBB', border: null, branch: 'main' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [0.45, 0],
            [0.9, 0],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { kmFromStart: 0, river: 'Test', country: 'AAA', border: null, branch: 'main' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [0.45, 0],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { kmFromStart: 20, river: 'Arm', country: 'AAA', border: null, branch: 'distributary' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [0.2, 0],
            [0.2, 1],
          ],
        },
      },
    ],
  },
  profile,
  release: {
    massKg: 1,
    substance: null,
    decayPerDay: 0,
    dischargeFactor: 1,
    limitMgL: null,
    assumptions: [],
    discharge: [],
  },
} as unknown as ReleaseTrace;

describe('kmAtHours', () => {
  it('inverts a monotone time profile linearly and is null off the path', () => {
    expect(kmAtHours(profile, (p) => p.peakH.probable, 35)).toBeCloseTo(35, 9);
    expect(kmAtHours(profile, (p) => p.leadingEdgeH.probable, 45)).toBeCloseTo(50, 9);
    expect(kmAtHours(profile, (p) => p.peakH.probable, 150)).toBeNull();
  });
});

describe('plumeAt', () => {
  it('spans from the trailing to the leading edge around the peak', () => {
    const s = plumeAt(trace, 45, 'probable')!;
    expect(s.peakKm).toBeCloseTo(45, 9);
    expect(s.leadKm).toBeCloseTo(50, 9); // lead time 0.9·km = 45 h
    expect(s.tailKm).toBeCloseTo(45 / 1.1, 9); // tail time 1.1·km = 45 h
    expect(s.peakMgL).toBeCloseTo(10 / 45, 2);
    expect(plumeAt(trace, 30, 'bound')!.peakKm).toBeCloseTo(45, 9);
  });

  it('has nothing before the release and after the tail has left the path', () => {
    expect(plumeAt(trace, 0, 'probable')).toBeNull();
    expect(plumeAt(trace, 111, 'probable')).toBeNull();
    // The front reached the end, the peak has not: the stretch is clamped to the path.
    const late = plumeAt(trace, 95, 'probable')!;
    expect(late.leadKm).toBe(100);
    expect(late.peakKm).toBeCloseTo(95, 9);
  });
});

describe('mainLine / plumeGeoJson', () => {
  it('joins the main-path features in km order (distributaries left out) and slices by km', () => {
    const line = mainLine(trace);
    expect(line.coords[0]).toEqual([0, 0]);
    expect(line.km[line.km.length - 1]).toBeCloseTo(50 + 50.04, 1);
    expect(line.coords.some(([, lat]) => lat > 0)).toBe(false);
    const piece = sliceLine(line, 25, 75);
    expect(piece[0]![0]).toBeCloseTo(0.2248, 3);
    expect(piece[piece.length - 1]![0]).toBeCloseTo(0.6745, 3);
  });

  it('draws the plume stretch and its peak', () => {
    const g = plumeGeoJson(mainLine(trace), plumeAt(trace, 45, 'probable'));
    expect(g.features.map((f) => f.properties.role)).toEqual(['plume', 'peak']);
    const peak = g.features[1]!.geometry.coordinates as number[];
    expect(peak[0]).toBeCloseTo(0.4047, 3); // km 45 ≈ 0.4047°
    expect(plumeGeoJson(mainLine(trace), null).features).toEqual([]);
  });
});

describe('releaseQuery', () => {
  it('puts only the given release parameters in the query', () => {
    expect(releaseQuery({ releaseKg: 5000, substance: 'cyanide', limitMgL: 0.1 }).toString()).toBe(
      'releaseKg=5000&substance=cyanide&limitMgL=0.1',
    );
  });
});
