// Import bodies in binary container formats read with SQLite (GeoPackage), turned into what the pure
// parsers take: a GeoJSON collection in the file's own CRS (converted to WGS84 by the parser).
import { type ImportFormat, parseImport } from '../core/register/import/parse.js';
import type { ParseOutcome } from '../core/register/import/types.js';
import { GpkgError, readGpkg } from './gpkg.js';

export type FileFormat = ImportFormat | 'gpkg';

/** Parses an import body; `gpkg` bodies are the file's bytes, and the file's CRS applies unless `crs` is given. */
export function parseImportFile(
  format: FileFormat,
  body: unknown,
  options: { crs?: string | undefined; layer?: string | undefined },
): ParseOutcome {
  if (format !== 'gpkg') return parseImport(format, body, { crs: options.crs });
  if (!Buffer.isBuffer(body)) {
    return {
      ok: false,
      code: 'BAD_FILE',
      message: 'A GeoPackage import must be sent as the file itself (binary).',
    };
  }
  try {
    const { collection, crs } = readGpkg(body, options.layer);
    return parseImport('geojson', collection, { crs: options.crs ?? crs });
  } catch (err) {
    if (err instanceof GpkgError)
      return { ok: false, code: 'BAD_FILE', message: `GeoPackage: ${err.message}.` };
    throw err;
  }
}
