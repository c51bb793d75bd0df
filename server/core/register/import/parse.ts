// Dispatches an import body to the parser for its format.
import { parseCsv } from './csv.js';
import { parseGeoJson } from './geojson.js';
import { parseKml } from './kml.js';
import type { ImportFormat, ParseOptions, ParseOutcome } from './types.js';

export type { ImportFormat };

/** `body` is text, or (GeoJSON only) an already-parsed JSON value. */
export function parseImport(format: ImportFormat, body: unknown, options: ParseOptions = {}): ParseOutcome {
  if (format === 'geojson') return parseGeoJson(body, options);
  if (typeof body !== 'string') {
    return {
      ok: false,
      code: 'BAD_FILE',
      message: `A ${format.toUpperCase()} import must be sent as text, not JSON.`,
    };
  }
  return format === 'csv' ? parseCsv(body, options) : parseKml(body, options);
}
