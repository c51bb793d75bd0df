// The HydroRIVERS fixture reads identically from its GeoPackage, zipped Shapefile and (gzipped) GeoJSON
// copies (made with ogr2ogr, see tests/fixtures/hydrorivers/README.md), with no GDAL at run time.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError, readLineFeatures } from '../../scripts/hydrorivers/formats.js';
import { HYDRORIVERS_FIELDS, readHydroRivers, readNames } from '../../scripts/hydrorivers/records.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/hydrorivers');
const FILES = [
  'fergana-kamchiya.geojson',
  'fergana-kamchiya.geojson.gz',
  'fergana-kamchiya.gpkg',
  'fergana-kamchiya.shp.zip',
];

describe('HydroRIVERS readers', () => {
  const reference = readHydroRivers(path.join(DIR, FILES[0]!));

  it.each(FILES)('%s has the 13 reaches with every HydroRIVERS attribute', (file) => {
    const features = readLineFeatures(path.join(DIR, file));
    expect(features).toHaveLength(13);
    for (const k of HYDRORIVERS_FIELDS) expect(features[0]!.props).toHaveProperty(k);
  });

  it.each(FILES.slice(1))('%s gives the same records as the GeoJSON', (file) => {
    expect(readHydroRivers(path.join(DIR, file))).toEqual(reference);
  });

  it('reads NEXT_DOWN, ENDORHEIC and DIS_AV_CMS', () => {
    // Kara Darya mean discharge at Uchtepa 136 m³/s (Wikipedia "Kara Darya"), as put in the fixture.
    const kara = reference.find((r) => r.id === 40100003)!;
    expect(kara).toMatchObject({ nextDown: 40100030, endorheic: true, dischargeM3s: 136 });
    const kamchiya = reference.find((r) => r.id === 20500002)!;
    expect(kamchiya).toMatchObject({ nextDown: 0, endorheic: false });
  });

  it('reads the names file', () => {
    expect(readNames(path.join(DIR, 'names.csv')).get(40100010)).toBe('Mailuu-Suu');
  });

  it('says which format it wants for anything else', () => {
    expect(() => readLineFeatures(path.join(DIR, 'names.csv'))).toThrow(FormatError);
    expect(() => readLineFeatures(path.join(DIR, 'names.csv'))).toThrow(/\.gpkg, a zipped Shapefile/);
  });
});
