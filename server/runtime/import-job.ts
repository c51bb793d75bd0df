// Site imports as jobs, from the uploaded file on disk: on the jobs worker a CSV or GeoJSON file is
// streamed row by row into one transaction (memory bounded whatever its size); small files run inline
// and the other formats (KML, KMZ, zipped Shapefile, GeoPackage) are read whole, as before.
import fs from 'node:fs';
import type { HydrologyProvider } from '../core/register/hydrology.js';
import { decodeText, type TextEncodingName } from '../core/register/import/decode.js';
import type { ParseOutcome } from '../core/register/import/types.js';
import type { Db } from '../storage/db.js';
import { type FileFormat, parseImportFile } from '../storage/import-file-formats.js';
import { streamRows } from '../storage/import-file-stream.js';
import { importReceptorStream } from '../storage/receptor-import.js';
import type { ReceptorImportReport } from '../storage/receptor-store.js';
import { ImportAborted, type ImportReport, importStream } from '../storage/site-import.js';

/** Errors (and duplicates) listed in an import report; the rest are only counted. */
export const MAX_REPORTED_ERRORS = 1000;
/** Rows one import may hold (a file with more is refused with 413). */
export const MAX_IMPORT_ROWS = 100_000;

const BINARY_FORMATS: readonly FileFormat[] = ['kmz', 'gpkg', 'shp'];

/** Where an import's file is: written to a temporary file by the upload, read by the job. */
export interface ImportFile {
  path: string;
  /** The character set the caller named (text formats); guessed when absent. */
  encoding?: TextEncodingName | undefined;
}

export type ImportError = { kind: 'error'; status: number; code: string; message: string; details?: unknown };

const refused = (err: ImportAborted): ImportError => ({
  kind: 'error',
  status: err.status,
  code: err.code,
  message: err.message,
  details: err.details,
});

/** The whole file parsed in memory (small files inline; the formats that are not streamed). */
export function parseWholeFile(
  format: FileFormat,
  file: ImportFile,
  crs: string | undefined,
  layer: string | undefined,
): Extract<ParseOutcome, { ok: true }> | ImportError {
  const bytes = fs.readFileSync(file.path);
  let body: Buffer | string = bytes;
  if (!BINARY_FORMATS.includes(format)) {
    if (file.encoding === 'utf-8' && !decodeOk(bytes))
      return refused(
        new ImportAborted(
          'INVALID_UTF8',
          'The file is not valid UTF-8 although encoding=utf-8 was given; save it as UTF-8, or give its encoding (windows-1250, windows-1251).',
        ),
      );
    body = decodeText(bytes, file.encoding).text;
  }
  const p = parseImportFile(format, body, { crs, layer });
  if (!p.ok)
    return {
      kind: 'error',
      status: 400,
      code: p.code,
      message: p.message,
      details: p.code === 'UNKNOWN_CRS' ? { crs } : undefined,
    };
  if (p.rows.length + p.errors.length > MAX_IMPORT_ROWS)
    return {
      kind: 'error',
      status: 413,
      code: 'TOO_MANY_ROWS',
      message: `The file has ${p.rows.length + p.errors.length} rows; one import takes at most ${MAX_IMPORT_ROWS}. Split it.`,
      details: { maxRows: MAX_IMPORT_ROWS },
    };
  return p;
}

function decodeOk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface StreamedSiteImport {
  format: 'csv' | 'geojson';
  file: ImportFile;
  crs: string | undefined;
  dryRun: boolean;
  onDuplicate: 'error' | 'skip';
  skipInvalid: boolean;
  change: Parameters<typeof importStream>[3]['change'];
}

/** A CSV or GeoJSON site import streamed from its file, on a connection no one else uses meanwhile. */
export async function streamSiteImport(
  db: Db,
  hydrology: HydrologyProvider,
  job: StreamedSiteImport,
): Promise<{ kind: 'report'; report: ImportReport } | ImportError> {
  try {
    const { report } = await importStream(
      db,
      hydrology,
      streamRows(job.file.path, job.format, { crs: job.crs, encoding: job.file.encoding }),
      {
        dryRun: job.dryRun,
        onDuplicate: job.onDuplicate,
        skipInvalid: job.skipInvalid,
        change: job.change,
        listLimit: MAX_REPORTED_ERRORS,
        maxRows: MAX_IMPORT_ROWS,
      },
    );
    return { kind: 'report', report };
  } catch (err) {
    if (err instanceof ImportAborted) return refused(err);
    throw err;
  }
}

/** A CSV or GeoJSON receptor import streamed from its file (same connection rule as sites). */
export async function streamReceptorImport(
  db: Db,
  job: {
    format: 'csv' | 'geojson';
    file: ImportFile;
    crs: string | undefined;
    dryRun: boolean;
    defaultKind: string | undefined;
    skipInvalid: boolean;
  },
): Promise<{ kind: 'report'; report: ReceptorImportReport & { errorCount: number } } | ImportError> {
  try {
    const { report } = await importReceptorStream(
      db,
      streamRows(job.file.path, job.format, { crs: job.crs, encoding: job.file.encoding }),
      {
        dryRun: job.dryRun,
        defaultKind: job.defaultKind,
        skipInvalid: job.skipInvalid,
        listLimit: MAX_REPORTED_ERRORS,
        maxRows: MAX_IMPORT_ROWS,
      },
    );
    return { kind: 'report', report };
  } catch (err) {
    if (err instanceof ImportAborted) return refused(err);
    throw err;
  }
}
