// The consultation-zone table: rule choice by sector and Annex I verdict, zone radii, the PADHI
// matrix, and a review measured in metres from a site's location or footprint.
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { localProjection } from '../../../server/core/planning/local-projection.js';
import { type ReviewSite, reviewDevelopment } from '../../../server/core/planning/review.js';
import { receptorsInZones } from '../../../server/core/planning/site-zones.js';
import { consultationZones as table } from '../../../server/core/planning/tables.js';
import { adviceFor, ZoneTableSchema, zoneAt, zonesFor } from '../../../server/core/planning/zone-table.js';

/** A point `metres` east of (lon, lat), through the same ellipsoidal frame as the core. */
const east = (lon: number, lat: number, metres: number) => localProjection(lon, lat).toWgs84(metres, 0);

describe('zonesFor', () => {
  it('gives an Annex I chemical plant KAS-18 class IV: 500 / 1,000 / 1,500 m', () => {
    const z = zonesFor(table, { kind: 'hazardous_activity', sector: 'chemical', annexIHazardous: true });
    expect(z.kasClass).toBe('IV');
    expect(z.ruleId).toBe('chemical-annex-i');
    expect(z.zones).toEqual([
      { zone: 'inner', radiusM: 500 },
      { zone: 'middle', radiusM: 1000 },
      { zone: 'outer', radiusM: 1500 },
    ]);
  });

  it('falls to class II for an Annex I pipeline and to class I below the thresholds', () => {
    expect(
      zonesFor(table, { kind: 'hazardous_activity', sector: 'pipeline', annexIHazardous: true }).kasClass,
    ).toBe('II');
    const low = zonesFor(table, { kind: 'hazardous_activity', sector: 'energy', annexIHazardous: false });
    expect(low.kasClass).toBe('I');
    expect(low.ruleId).toBe('default');
  });

  it('puts a TMF in class III whatever its Annex I verdict', () => {
    expect(
      zonesFor(table, { kind: 'tmf', sector: 'mining_metallurgy', annexIHazardous: false }).kasClass,
    ).toBe('III');
  });

  it('places 450 m from a class-II site in its outer zone, 300 m in the middle, 150 m in the inner', () => {
    const z = zonesFor(table, { kind: 'hazardous_activity', sector: 'waste', annexIHazardous: true });
    expect(z.kasClass).toBe('II');
    expect(zoneAt(z, 450)?.zone).toBe('outer');
    expect(zoneAt(z, 300)?.zone).toBe('middle');
    expect(zoneAt(z, 150)?.zone).toBe('inner');
    expect(zoneAt(z, 501)).toBeNull();
  });

  it('rejects a table whose last rule is not a catch-all', () => {
    const broken = { ...table, rules: table.rules.slice(0, -1) };
    expect(ZoneTableSchema.safeParse(broken).success).toBe(false);
  });
});

describe('adviceFor (PADHI matrix)', () => {
  it('advises against housing only in the inner zone, schools in inner and middle', () => {
    expect(adviceFor(table, 'housing', 'inner').advice).toBe('advise_against');
    expect(adviceFor(table, 'housing', 'middle').advice).toBe('do_not_advise_against');
    expect(adviceFor(table, 'school_hospital', 'middle').advice).toBe('advise_against');
    expect(adviceFor(table, 'school_hospital', 'outer').advice).toBe('do_not_advise_against');
    expect(adviceFor(table, 'workplace', 'inner').advice).toBe('do_not_advise_against');
    expect(adviceFor(table, 'large_venue', 'outer').advice).toBe('advise_against');
    expect(adviceFor(table, 'housing', 'inner').rule).toMatch(/level 2 \(housing\) in the inner zone/);
  });
});

describe('reviewDevelopment', () => {
  const lon = 19.85;
  const lat = 45.0;
  const plant: ReviewSite = {
    id: 'a',
    name: 'Class IV plant',
    kind: 'hazardous_activity',
    sector: 'chemical',
    annexIHazardous: true,
    country: 'SRB',
    lon,
    lat,
    footprint: null,
  };

  it('measures a point 700 m away into the middle zone and advises against a school there', () => {
    const [x, y] = east(lon, lat, 700);
    const r = reviewDevelopment(
      table,
      { geometry: { type: 'Point', coordinates: [x, y] }, developmentType: 'school_hospital', name: null },
      [plant],
    );
    expect(r.verdict).toBe('advise_against');
    expect(r.sites[0]?.zone).toBe('middle');
    expect(r.sites[0]?.distanceM).toBeCloseTo(700, 0);
    expect(r.verdictReason).toContain('level 3');
  });

  it('measures to a polygon edge, and from a footprint edge rather than the location', () => {
    // Polygon from 1,200 m to 2,000 m east: its nearest edge is in the outer zone.
    const [x1] = east(lon, lat, 1200);
    const [x2] = east(lon, lat, 2000);
    const poly: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [x1, lat - 0.005],
          [x2, lat - 0.005],
          [x2, lat + 0.005],
          [x1, lat + 0.005],
          [x1, lat - 0.005],
        ],
      ],
    };
    const housing = { geometry: poly, developmentType: 'housing', name: 'Estate' };
    const outer = reviewDevelopment(table, housing, [plant]);
    expect(outer.sites[0]?.zone).toBe('outer');
    expect(outer.sites[0]?.distanceM).toBeCloseTo(1200, -1);
    expect(outer.verdict).toBe('do_not_advise_against');
    // The same plant with a footprint reaching 800 m east: the estate is now 400 m from it (inner).
    const [fx] = east(lon, lat, 800);
    const withFootprint: ReviewSite = {
      ...plant,
      footprint: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat - 0.002],
            [fx, lat - 0.002],
            [fx, lat + 0.002],
            [lon, lat + 0.002],
            [lon, lat - 0.002],
          ],
        ],
      },
    };
    const inner = reviewDevelopment(table, housing, [withFootprint]);
    expect(inner.sites[0]?.zone).toBe('inner');
    expect(inner.sites[0]?.distanceM).toBeCloseTo(400, -1);
    expect(inner.verdict).toBe('advise_against');
  });

  it('answers do-not-advise-against with no sites beyond every zone', () => {
    const [x, y] = east(lon, lat, 1600);
    const r = reviewDevelopment(
      table,
      { geometry: { type: 'Point', coordinates: [x, y] }, developmentType: 'large_venue', name: null },
      [plant],
    );
    expect(r.sites).toEqual([]);
    expect(r.verdict).toBe('do_not_advise_against');
  });
});

describe('receptorsInZones', () => {
  it('assigns each receptor its innermost zone and drops those beyond the outer zone', () => {
    const site = { lon: 17.6, lat: 60.0, footprint: null };
    const zones = zonesFor(table, { kind: 'hazardous_activity', sector: 'chemical', annexIHazardous: true });
    const at = (m: number) => ({ type: 'Point' as const, coordinates: east(17.6, 60.0, m) });
    const found = receptorsInZones(site, zones, [
      { source: 'receptor', id: 'far', name: 'Far', kind: 'school', population: null, geometry: at(1600) },
      { source: 'receptor', id: 'mid', name: 'Mid', kind: 'school', population: null, geometry: at(900) },
      {
        source: 'place',
        id: '1',
        name: 'Town',
        kind: 'populated_place',
        population: 5000,
        geometry: at(100),
      },
    ]);
    expect(found.map((r) => [r.id, r.zone])).toEqual([
      ['1', 'inner'],
      ['mid', 'middle'],
    ]);
  });
});
