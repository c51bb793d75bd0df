// Reading an import file for the CLI: its format from --format or the file extension, its text, and
// the parse shared with the HTTP import routes.
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../core/register/import/decode.js';
import { type ImportFormat, parseImport } from '../core/register/import/parse.js';
import { CliError } from './cli-error.js';

export function readImportFile(
  file: string,
  allowed: readonly ImportFormat[],
  options: { format?: string | undefined; crs?: string | undefined },
) {
  const ext = path.extname(file).toLowerCase().slice(1);
  const format = options.format ?? (ext === 'json' ? 'geojson' : ext);
  if (!(allowed as readonly string[]).includes(format)) {
    throw new CliError(`Cannot tell the format of ${file}; give --format ${allowed.join('|')}.`);
  }
  let text: string | Uint8Array;
  try {
    const bytes = fs.readFileSync(file);
    text = format === 'kmz' ? bytes : decodeText(bytes).text;
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = parseImport(format as ImportFormat, text, { crs: options.crs });
  if (!parsed.ok) throw new CliError(parsed.message);
  return parsed;
}
