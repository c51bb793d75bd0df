// CRS conversion: proj4 + epsg-index (server/core/crs.ts) checked against independent implementations of
// the EPSG Guidance Note 7-2 formulas, themselves verified against the note's published worked examples.
import { describe, expect, it } from 'vitest';
import { isKnownCrs, lookupCrs, parseEpsgCode, toWgs84 } from '../../server/core/crs.js';
import {
  dms,
  KRASSOWSKY,
  obliqueStereographic,
  transverseMercator,
  WGS84,
  wgs84ToDatum,
} from '../fixtures/reference-projections.js';

/** Great-circle distance in metres (adequate at the sub-metre scale checked here). */
function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

describe('reference formulas reproduce the EPSG GN 7-2 worked examples', () => {
  it('Transverse Mercator: OSGB 1936 / British National Grid, 50°30′N 0°30′E', () => {
    const airy = { a: 6377563.396, invF: 299.3249646 };
    const [e, n] = transverseMercator(
      airy,
      { lat0: 49, lon0: -2, k0: 0.9996012717, fe: 400000, fn: -100000 },
      50.5,
      0.5,
    );
    expect(e).toBeCloseTo(577274.99, 1);
    expect(n).toBeCloseTo(69740.5, 1);
  });

  it('Oblique Stereographic: Amersfoort / RD New, 53°N 6°E', () => {
    const bessel = { a: 6377397.155, invF: 299.1528128 };
    const [e, n] = obliqueStereographic(
      bessel,
      { lat0: dms(52, 9, 22.178), lon0: dms(5, 23, 15.5), k0: 0.9999079, fe: 155000, fn: 463000 },
      53,
      6,
    );
    expect(e).toBeCloseTo(196105.283, 1);
    expect(n).toBeCloseTo(557057.739, 1);
  });
});

describe('toWgs84', () => {
  it('EPSG:32642 (WGS 84 / UTM 42N): a point near Tashkent lands < 1 m from its WGS84 position', () => {
    const [lon, lat] = [69.2797, 41.3111];
    const [x, y] = transverseMercator(WGS84, { lat0: 0, lon0: 69, k0: 0.9996, fe: 500000, fn: 0 }, lat, lon);
    const [gotLon, gotLat] = toWgs84('EPSG:32642', x, y);
    expect(distanceM(gotLon, gotLat, lon, lat)).toBeLessThan(1);
  });

  it('EPSG:3844 (Pulkovo 1942(58) / Stereo70): a point near Baia Mare lands < 1 m from its WGS84 position', () => {
    const [lon, lat] = [23.5804, 47.6567];
    // EPSG:15995 Pulkovo 1942(58) to WGS 84 (19), the shift PROJ applies in Romania, is a *coordinate
    // frame* rotation (method 9607): rx 0.309″, ry −0.325″, rz −0.497″. wgs84ToDatum implements the
    // position-vector formula, so the rotations go in negated (GN 7-2 §4.4.3.3). Reading them as
    // position vector, as epsg-index's +towgs84 did, put the point 38 m off.
    const [latP, lonP] = wgs84ToDatum(
      KRASSOWSKY,
      { tx: 2.329, ty: -147.042, tz: -92.08, rxSec: -0.309, rySec: 0.325, rzSec: 0.497, dsPpm: 5.69 },
      lat,
      lon,
    );
    const [x, y] = obliqueStereographic(
      KRASSOWSKY,
      { lat0: 46, lon0: 25, k0: 0.99975, fe: 500000, fn: 500000 },
      latP,
      lonP,
    );
    const [gotLon, gotLat] = toWgs84('EPSG:3844', x, y);
    expect(distanceM(gotLon, gotLat, lon, lat)).toBeLessThan(1);
  });

  it('passes WGS84 through and accepts the common spellings of a code', () => {
    expect(toWgs84('EPSG:4326', 21.5, 45.1)).toEqual([21.5, 45.1]);
    expect(parseEpsgCode('epsg:3844')).toBe(3844);
    expect(parseEpsgCode('urn:ogc:def:crs:EPSG::32642')).toBe(32642);
    expect(parseEpsgCode('CRS84')).toBe(4326);
    expect(parseEpsgCode('Stereo70')).toBeNull();
  });

  it('rejects unknown and non-horizontal codes, naming them', () => {
    expect(isKnownCrs('EPSG:3844')).toBe(true);
    expect(isKnownCrs('EPSG:99999')).toBe(false);
    const vertical = lookupCrs('EPSG:5773');
    expect(vertical.ok).toBe(false);
    if (!vertical.ok) expect(vertical.reason).toContain('EPSG:5773');
    expect(() => toWgs84('EPSG:99999', 1, 2)).toThrow(/EPSG:99999/);
  });
});
