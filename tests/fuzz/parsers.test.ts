// Fuzz: the CSV, GeoJSON and KML import parsers and the row validator on thousands of generated bad and
// odd files. They must never throw; whatever they accept must be a valid site.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../server/core/register/import/parse.js';
import type { ImportFormat } from '../../server/core/register/import/types.js';
import { SiteInput } from '../../server/core/register/site-schema.js';
import { validateImportRow } from '../../server/core/register/site-validate.js';
import { csvFile, geojsonFile, kmlFile, oddString } from './arbitraries.js';

const SEED = 6_2026;

/** Parse and validate; throws only if a parser or the validator threw (a crash in the server). */
function parseAndValidate(format: ImportFormat, text: string, crs?: string): void {
  const parsed = parseImport(format, text, crs === undefined ? {} : { crs });
  if (!parsed.ok) {
    expect(['BAD_FILE', 'UNKNOWN_CRS']).toContain(parsed.code);
    expect(parsed.message.length).toBeGreaterThan(0);
    return;
  }
  for (const row of parsed.rows) {
    const checked = validateImportRow(row);
    if (!checked.ok) {
      expect(checked.issues.length).toBeGreaterThan(0);
      continue;
    }
    const { lon, lat } = checked.fields.location;
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    // Whatever passes must pass the site schema again, as the store will read it back.
    const again = SiteInput.safeParse(JSON.parse(JSON.stringify(checked.fields)));
    expect(again.success).toBe(true);
  }
}

const crsOption = fc.option(
  fc.oneof(fc.constantFrom('EPSG:4326', 'EPSG:3844', 'EPSG:32642', 'CRS84'), oddString),
  {
    nil: undefined,
    freq: 4,
  },
);

describe('import parsers never throw on bad files', () => {
  it('CSV (2,000 files)', () => {
    fc.assert(
      fc.property(csvFile, crsOption, (text, crs) => parseAndValidate('csv', text, crs)),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('GeoJSON (2,000 files)', () => {
    fc.assert(
      fc.property(geojsonFile, crsOption, (text, crs) => parseAndValidate('geojson', text, crs)),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('KML (1,500 files)', () => {
    fc.assert(
      fc.property(kmlFile, (text) => parseAndValidate('kml', text)),
      { numRuns: 1500, seed: SEED },
    );
  });
});
