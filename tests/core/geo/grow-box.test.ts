// The search box around a site's footprint, grown by a zone radius, for the zones API and the zones of a
// site report (one implementation, server/core/geo/geodesy.ts growBox). A degree of longitude is shortest
// on the poleward edge: a box grown from its SW and NE corners only (as the report once did) leaves the
// west edge short there when the footprint is taller than the radius.
import { describe, expect, it } from 'vitest';
import { boxAround, growBox, KM_PER_DEG_LAT, kmPerDegLon } from '../../../server/core/geo/geodesy.js';
import { localProjection } from '../../../server/core/planning/local-projection.js';

// Stebnyk potash tailings, Lviv oblast (register seed data/seed/sites.json: 49.30° N, 23.58° E; source
// OSCE/ENVSEC Stebnyk assessment), with a drawn 1 km × 3 km footprint like the ones editors draw.
const STEBNYK = { lon: 23.58, lat: 49.3 };
// Tailings facilities are class III: zones of 300 / 600 / 900 m (data/consultation-zones.json, rule "tmf").
const OUTER_KM = 0.9;

const inside = ([w, s, e, n]: number[], lon: number, lat: number) =>
  lon >= w! && lon <= e! && lat >= s! && lat <= n!;

describe('growBox', () => {
  const p = localProjection(STEBNYK.lon, STEBNYK.lat);
  const corners = [p.toWgs84(-500, -1500), p.toWgs84(500, 1500)];
  const w = Math.min(corners[0]![0], corners[1]![0]);
  const e = Math.max(corners[0]![0], corners[1]![0]);
  const s = Math.min(corners[0]![1], corners[1]![1]);
  const n = Math.max(corners[0]![1], corners[1]![1]);
  // The point 900 m due west of the footprint's north-west corner lies on the outer zone's edge.
  const west = { lon: w - OUTER_KM / kmPerDegLon(n), lat: n };
  // …and the point 900 m due north of it, on the north edge.
  const north = { lon: w, lat: n + OUTER_KM / KM_PER_DEG_LAT };

  it('reaches every point within the radius of a tall footprint, on its north-west corner too', () => {
    const box = growBox([w, s, e, n], OUTER_KM);
    expect(inside(box, west.lon, west.lat)).toBe(true);
    expect(inside(box, north.lon, north.lat)).toBe(true);
  });

  it('tells the two corner rules apart: SW and NE only leave the north-west corner short', () => {
    const a = boxAround(w, s, OUTER_KM);
    const b = boxAround(e, n, OUTER_KM);
    const swNeOnly = [a[0], a[1], b[2], b[3]];
    expect(inside(swNeOnly, west.lon, west.lat)).toBe(false);
  });

  it('stays a box of the same site when the footprint is a point', () => {
    expect(growBox([STEBNYK.lon, STEBNYK.lat, STEBNYK.lon, STEBNYK.lat], OUTER_KM)).toEqual(
      boxAround(STEBNYK.lon, STEBNYK.lat, OUTER_KM),
    );
  });
});
