// Bulk import and export of sites over HTTP: body limits, format dispatch, report status codes.
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { SITE_CSV_TEMPLATE } from '../../core/register/import/csv-template.js';
import { type ImportFormat, parseImport } from '../../core/register/import/parse.js';
import { type ExportFormat, SiteExportQuery } from '../../core/register/site-filter.js';
import type { Db } from '../../storage/db.js';
import { EXPORT_MEDIA_TYPES, exportSites } from '../../storage/site-export.js';
import { importRows } from '../../storage/site-import.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { parseQuery, type SitesServices } from './sites.js';

export const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;
const LIMIT_TEXT = `${IMPORT_LIMIT_BYTES / 1024 / 1024} MB`;

const ImportQuery = z
  .object({
    format: z.enum(['geojson', 'csv', 'kml']).optional(),
    crs: z.string().trim().min(1).optional(),
    dryRun: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .default(false),
    onDuplicate: z.enum(['error', 'skip']).default('error'),
    // Extension: store the valid rows and report the rest, instead of refusing the whole file.
    skipInvalid: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .default(false),
  })
  .strict();

const tooLarge = () =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `The import file is larger than the ${LIMIT_TEXT} limit.`, {
    limitBytes: IMPORT_LIMIT_BYTES,
  });

/** Runs a body parser and turns its size errors into our 413. */
function limited(parser: RequestHandler): RequestHandler {
  return (req, res, next) =>
    parser(req, res, (err?: unknown) => {
      const e = err as { type?: string; code?: string } | undefined;
      if (e && (e.type === 'entity.too.large' || e.code === 'LIMIT_FILE_SIZE')) next(tooLarge());
      else next(err);
    });
}

const rawBody = limited(
  express.raw({
    type: (req) => !/^multipart\//i.test(String(req.headers['content-type'] ?? '')),
    limit: IMPORT_LIMIT_BYTES,
  }),
);
const multipartBody = limited(
  multer({
    storage: multer.memoryStorage(),
    // One file plus, at most, a few small text fields: nothing else in a form can grow the request.
    limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
  }).single('file'),
);

function formatFromName(name: string | undefined): ImportFormat | undefined {
  const ext = name?.toLowerCase().match(/\.(geojson|json|csv|kml)$/)?.[1];
  if (ext === 'json') return 'geojson';
  return ext as ImportFormat | undefined;
}

/** Reads an import body: multipart upload (form field "file") or a raw body, both up to the limit. */
export const importBody: RequestHandler = (req, res, next) =>
  /^multipart\//i.test(String(req.headers['content-type'] ?? ''))
    ? multipartBody(req, res, next)
    : rawBody(req, res, next);

export function importHandlers(services: SitesServices): RequestHandler[] {
  const run = (req: Request, res: Response) => {
    const q = parseQuery(ImportQuery, req);
    // application/json bodies were already parsed by the app-wide JSON parser.
    const body: unknown = req.file
      ? req.file.buffer.toString('utf8')
      : Buffer.isBuffer(req.body)
        ? req.body.toString('utf8')
        : req.body;
    const format = q.format ?? formatFromName(req.file?.originalname);
    if (!format) {
      throw new HttpError(400, 'VALIDATION', 'Say which format the file is in: ?format=geojson|csv|kml.', [
        { path: 'format', message: 'required' },
      ]);
    }
    if (
      body === undefined ||
      body === '' ||
      (typeof body === 'object' && body !== null && Object.keys(body).length === 0)
    ) {
      throw new HttpError(400, 'VALIDATION', 'The import body is empty.', [
        { path: 'body', message: 'required' },
      ]);
    }
    const parsed = parseImport(format, body, { crs: q.crs });
    if (!parsed.ok) {
      throw new HttpError(
        400,
        parsed.code,
        parsed.message,
        parsed.code === 'UNKNOWN_CRS' ? { crs: q.crs } : undefined,
      );
    }
    const report = importRows(services.db, services.hydrology, parsed.rows, parsed.errors, {
      dryRun: q.dryRun,
      onDuplicate: q.onDuplicate,
      skipInvalid: q.skipInvalid,
      change: { actor: actorOf(res) },
    });
    res.status(report.errors.length > 0 && !report.dryRun && !q.skipInvalid ? 422 : 200).json(report);
  };
  return [importBody, run];
}

/** GET /api/sites/import/template.csv: the columns the CSV import reads, with one example row. */
export const templateHandler: RequestHandler = (_req, res) => {
  res
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', 'attachment; filename="hazatlas-sites-template.csv"')
    .send(SITE_CSV_TEMPLATE);
};

export function exportHandler(db: Db): RequestHandler {
  return (req, res) => {
    const q = parseQuery(SiteExportQuery, req);
    const format: ExportFormat = q.format;
    const text = exportSites(db, q);
    res
      .type(EXPORT_MEDIA_TYPES[format])
      .set('Content-Disposition', `attachment; filename="hazatlas-sites.${format}"`)
      .send(text);
  };
}
