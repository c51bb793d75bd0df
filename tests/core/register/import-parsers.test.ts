// Pure import parsers: rows, line numbers, coordinates (incl. CRS conversion) and whole-file errors.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/core/register/import/csv.js';
import { parseGeoJson } from '../../../server/core/register/import/geojson.js';
import { parseKml } from '../../../server/core/register/import/kml.js';
import type { ParseOutcome } from '../../../server/core/register/import/types.js';

function ok(r: ParseOutcome) {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r;
}

describe('parseCsv', () => {
  it('reads lon/lat rows with their CSV line numbers and substance columns', () => {
    const csv = [
      'name,kind,lon,lat,substance_name,substance_quantity_t,substance_wgk',
      'Aurul,tmf,23.55,47.65,Sodium cyanide|Copper sulphate,100|20,3|2',
      '',
      'Kalush,industrial,24.37,49.03,,,',
    ].join('\n');
    const r = ok(parseCsv(csv));
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(r.rows[0]).toMatchObject({ lon: 23.55, lat: 47.65, props: { name: 'Aurul', kind: 'tmf' } });
    expect(r.rows[0]?.props.substances).toEqual([
      { name: 'Sodium cyanide', estimate: 'false', quantityTonnes: '100', wgk: '3' },
      { name: 'Copper sulphate', estimate: 'false', quantityTonnes: '20', wgk: '2' },
    ]);
    expect(r.rows[1]?.props.substances).toEqual([]);
  });

  it('reads substances from a JSON column', () => {
    const csv = 'name,kind,lon,lat,substances\nA,tmf,20,45,"[{""name"":""Arsenic"",""quantityTonnes"":2}]"\n';
    expect(ok(parseCsv(csv)).rows[0]?.props.substances).toEqual([{ name: 'Arsenic', quantityTonnes: 2 }]);
  });

  it('lists every bad row with its line and field', () => {
    const csv = 'name,kind,lon,lat,substances\nA,tmf,200,45,\nB,tmf,20,,\nC,tmf,20,45,[oops\nD,tmf,21,46,\n';
    const r = ok(parseCsv(csv));
    expect(r.rows.map((row) => row.line)).toEqual([5]);
    expect(r.errors).toEqual([
      { line: 2, field: 'lon', message: expect.stringContaining('outside') },
      { line: 3, field: 'lat', message: 'must be a number' },
      { line: 4, field: 'substances', message: 'must be a JSON array' },
    ]);
  });

  it('converts x/y columns from the given CRS', () => {
    // 500000/500000 is the Stereo70 false origin: 46°N 25°E on Pulkovo 1942(58), ~100 m off in WGS84.
    const r = ok(parseCsv('name,kind,x,y\nOrigin,tmf,500000,500000\n', { crs: 'EPSG:3844' }));
    expect(r.rows[0]?.lon).toBeCloseTo(25, 2);
    expect(r.rows[0]?.lat).toBeCloseTo(46, 2);
  });

  it('rejects unknown CRSs and files without coordinates as a whole', () => {
    expect(parseCsv('name,x,y\nA,1,2\n', { crs: 'EPSG:99999' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_CRS',
      message: expect.stringContaining('EPSG:99999'),
    });
    expect(parseCsv('name,kind\nA,tmf\n')).toMatchObject({ ok: false, code: 'BAD_FILE' });
    expect(parseCsv('name,lon,lat\nA,1,2\n', { crs: 'EPSG:3844' })).toMatchObject({
      ok: false,
      code: 'BAD_FILE',
    });
  });
});

describe('parseGeoJson', () => {
  const fc = (features: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ type: 'FeatureCollection', features, ...extra });
  const pt = (lon: number, lat: number, props: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: props,
  });

  it('numbers features from 1 and reports bad geometries', () => {
    const r = ok(
      parseGeoJson(
        fc([
          pt(23, 47, { name: 'A', substances: [{ name: 'Cyanide' }] }),
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
            properties: {},
          },
          { type: 'Feature', geometry: null, properties: {} },
          pt(23, 95, { name: 'D' }),
        ]),
      ),
    );
    expect(r.rows.map((row) => [row.line, row.props.name])).toEqual([[1, 'A']]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'geometry'],
      [3, 'geometry'],
      [4, 'geometry.coordinates[1]'],
    ]);
  });

  it('uses a polygon as footprint placed at its centroid', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [20, 45],
          [20.02, 45],
          [20.02, 45.02],
          [20, 45.02],
          [20, 45],
        ],
      ],
    };
    const r = ok(parseGeoJson(fc([{ type: 'Feature', geometry: square, properties: { name: 'Pond' } }])));
    expect(r.rows[0]?.lon).toBeCloseTo(20.01, 6);
    expect(r.rows[0]?.footprint?.type).toBe('Polygon');
  });

  it('honours the legacy crs member and the crs option', () => {
    const legacy = fc([pt(500000, 4576000, { name: 'U' })], {
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32642' } },
    });
    expect(ok(parseGeoJson(legacy)).rows[0]?.lon).toBeCloseTo(69, 6);
    expect(ok(parseGeoJson(fc([pt(500000, 4576000, {})]), { crs: 'EPSG:32642' })).rows[0]?.lon).toBeCloseTo(
      69,
      6,
    );
  });

  it('rejects non-JSON and non-GeoJSON bodies', () => {
    expect(parseGeoJson('{nope')).toMatchObject({ ok: false, code: 'BAD_FILE' });
    expect(parseGeoJson('[1,2]')).toMatchObject({ ok: false, code: 'BAD_FILE' });
  });
});

describe('parseKml', () => {
  const kml = (placemarks: string) =>
    `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks}</Document></kml>`;

  it('reads placemarks with ExtendedData, numbering them from 1', () => {
    const r = ok(
      parseKml(
        kml(`<Placemark><name>Aurul</name><ExtendedData><Data name="kind"><value>tmf</value></Data>
          <Data name="substances"><value>[{"name":"Sodium cyanide","quantityTonnes":100}]</value></Data></ExtendedData>
          <Point><coordinates>23.55,47.65,0</coordinates></Point></Placemark>
          <Placemark><name>No point</name></Placemark>`),
      ),
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      line: 1,
      lon: 23.55,
      lat: 47.65,
      props: { name: 'Aurul', kind: 'tmf' },
    });
    expect(r.rows[0]?.props.substances).toEqual([{ name: 'Sodium cyanide', quantityTonnes: 100 }]);
    expect(r.errors).toEqual([{ line: 2, field: 'geometry', message: 'is missing' }]);
  });

  it('rejects malformed XML and a projected crs', () => {
    expect(parseKml('<kml><Placemark>')).toMatchObject({ ok: false, code: 'BAD_FILE' });
    expect(parseKml(kml(''), { crs: 'EPSG:3844' })).toMatchObject({ ok: false, code: 'BAD_FILE' });
  });
});
