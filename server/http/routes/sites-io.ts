// Bulk import and export of sites over HTTP: uploads to a temporary file, format dispatch, report status codes.
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { TEXT_ENCODINGS } from '../../core/register/import/decode.js';
import { importTemplateCsv } from '../../core/register/import/template.js';
import { SiteExportQuery } from '../../core/register/site-filter.js';
import type { Services } from '../../services.js';
import type { FileFormat } from '../../storage/import-file-formats.js';
import { siteCount } from '../../storage/planning-read.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { answerJob, type HeavyOptions } from '../heavy.js';
import { claimUpload, IMPORT_LIMIT_BYTES, importUpload, type Upload } from '../upload.js';
import { parseQuery } from './sites.js';

export { IMPORT_LIMIT_BYTES };

const LIMIT_TEXT = `${IMPORT_LIMIT_BYTES / 1024 / 1024} MB`;

export const ImportQuery = z
  .object({
    format: z.enum(['geojson', 'csv', 'kml', 'kmz', 'gpkg', 'shp']).optional(),
    /** GeoPackage only: which layer (default the first). */
    layer: z.string().trim().min(1).max(200).optional(),
    crs: z.string().trim().min(1).optional(),
    /** The file's character set; guessed (UTF-8, else cp1251 or cp1250) when absent. */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
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

function formatFromName(name: string | undefined): FileFormat | undefined {
  const ext = name?.toLowerCase().match(/\.(geojson|json|csv|kml|kmz|gpkg|zip)$/)?.[1];
  if (ext === 'json') return 'geojson';
  if (ext === 'zip') return 'shp';
  return ext as FileFormat | undefined;
}

/** Reads an import body: multipart upload (form field "file") or a raw body, both up to the limit. */
export const importBody: RequestHandler = (req, res, next) =>
  /^multipart\//i.test(String(req.headers['content-type'] ?? ''))
    ? multipartBody(req, res, next)
    : rawBody(req, res, next);

/** The uploaded import file, or 400 when there is none or it is empty. */
export function uploadedFile(res: Response): Upload & { release: () => void } {
  const upload = claimUpload(res);
  if (!upload || upload.bytes === 0) {
    upload?.release();
    throw new HttpError(400, 'VALIDATION', 'The import body is empty.', [
      { path: 'body', message: 'required' },
    ]);
  }
  return upload;
}

export function importHandlers(services: Services, heavy: HeavyOptions): RequestHandler[] {
  const run = async (req: Request, res: Response) => {
    const q = parseQuery(ImportQuery, req);
    const upload = uploadedFile(res);
    try {
      const format = q.format ?? formatFromName(upload.originalName);
      if (!format) {
        throw new HttpError(
          400,
          'VALIDATION',
          'Say which format the file is in: ?format=geojson|csv|kml|kmz|gpkg|shp (zipped Shapefile).',
          [{ path: 'format', message: 'required' }],
        );
      }
      await answerJob(
        services,
        res,
        {
          kind: 'siteImport',
          format,
          file: { path: upload.path, encoding: q.encoding },
          crs: q.crs,
          layer: q.layer,
          dryRun: q.dryRun,
          onDuplicate: q.onDuplicate,
          skipInvalid: q.skipInvalid,
          actor: actorOf(res),
        },
        upload.bytes > heavy.offload.importBytes,
      );
    } finally {
      upload.release();
    }
  };
  return [heavy.limit, importUpload, run];
}

export const TemplateQuery = z
  .object({ dialect: z.enum(['standard', 'excel']).default('standard') })
  .strict();

/** GET /api/sites/import-template: a CSV with every column the importer reads and one example row. */
export function templateHandler(): RequestHandler {
  return (req, res) => {
    const q = parseQuery(TemplateQuery, req);
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="hazatlas-sites-template.csv"')
      .send(importTemplateCsv(q.dialect));
  };
}

export function exportHandler(services: Services, heavy: HeavyOptions): RequestHandler[] {
  const run = async (req: Request, res: Response) => {
    const q = parseQuery(SiteExportQuery, req);
    const offload = siteCount(services.db) > heavy.offload.exportSites;
    await answerJob(services, res, { kind: 'export', query: q }, offload);
  };
  return [heavy.limit, run];
}
