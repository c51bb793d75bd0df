// Dispatches an import body to the parser for its format.
import { parseCsv } from './csv.js';
import { decodeText } from './decode.js';
import { parseGeoJson } from './geojson.js';
import { parseKml } from './kml.js';
import { readZippedShapefile, ShapefileError } from './shapefile.js';
import type { ImportFormat, ParseOptions, ParseOutcome } from './types.js';
import { readZip, ZipError } from './zip.js';

export type { ImportFormat };

/** `body` is text, (GeoJSON only) an already-parsed JSON value, or (KMZ) the archive's bytes. */
export function parseImport(format: ImportFormat, body: unknown, options: ParseOptions = {}): ParseOutcome {
  if (format === 'geojson') return parseGeoJson(body, options);
  if (format === 'kmz') return parseKmz(body, options);
  if (format === 'shp') return parseShapefile(body, options);
  if (typeof body !== 'string') {
    return {
      ok: false,
      code: 'BAD_FILE',
      message: `A ${format.toUpperCase()} import must be sent as text, not JSON.`,
    };
  }
  return format === 'csv' ? parseCsv(body, options) : parseKml(body, options);
}

/** KMZ: a ZIP holding one KML (Google Earth names it doc.kml) and its icons. */
function parseKmz(body: unknown, options: ParseOptions): ParseOutcome {
  if (!(body instanceof Uint8Array)) {
    return { ok: false, code: 'BAD_FILE', message: 'A KMZ import must be sent as the file itself (binary).' };
  }
  let kml: Uint8Array | undefined;
  try {
    const entries = readZip(body).filter((e) => e.name.toLowerCase().endsWith('.kml'));
    kml = (entries.find((e) => e.name.toLowerCase() === 'doc.kml') ?? entries[0])?.data;
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    return { ok: false, code: 'BAD_FILE', message: `KMZ cannot be read: ${err.message}.` };
  }
  if (!kml) return { ok: false, code: 'BAD_FILE', message: 'The KMZ holds no .kml file.' };
  return parseKml(decodeText(kml).text, options);
}

/** A zipped Shapefile: its .prj gives the CRS unless `crs` is given. */
function parseShapefile(body: unknown, options: ParseOptions): ParseOutcome {
  if (!(body instanceof Uint8Array)) {
    return {
      ok: false,
      code: 'BAD_FILE',
      message: 'A Shapefile import must be the ZIP file itself (binary).',
    };
  }
  try {
    const { collection, crs } = readZippedShapefile(body);
    const chosen = options.crs ?? crs;
    if (!chosen) {
      return {
        ok: false,
        code: 'BAD_FILE',
        message:
          "The Shapefile's .prj names a CRS HazAtlas does not recognise; say which it is with crs=EPSG:nnnn.",
      };
    }
    return parseGeoJson(collection, { crs: chosen });
  } catch (err) {
    if (!(err instanceof ZipError) && !(err instanceof ShapefileError)) throw err;
    return { ok: false, code: 'BAD_FILE', message: `Shapefile ZIP cannot be read: ${err.message}.` };
  }
}
