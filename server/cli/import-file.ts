// Reading an import file for the CLI: its format from --format or the file extension, its text, and
// the parse shared with the HTTP import routes.
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../core/register/import/decode.js';
import { type FileFormat, parseImportFile } from '../storage/import-file-formats.js';
import { CliError } from './cli-error.js';

export function readImportFile(
  file: string,
  allowed: readonly FileFormat[],
  options: { format?: string | undefined; crs?: string | undefined },
) {
  const ext = path.extname(file).toLowerCase().slice(1);
  const format = options.format ?? (ext === 'json' ? 'geojson' : ext === 'zip' ? 'shp' : ext);
  if (!(allowed as readonly string[]).includes(format)) {
    throw new CliError(`Cannot tell the format of ${file}; give --format ${allowed.join('|')}.`);
  }
  let text: string | Uint8Array;
  try {
    const bytes = fs.readFileSync(file);
    text = ['kmz', 'gpkg', 'shp'].includes(format) ? bytes : decodeText(bytes).text;
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = parseImportFile(format as FileFormat, text, { crs: options.crs });
  if (!parsed.ok) throw new CliError(parsed.message);
  return parsed;
}
