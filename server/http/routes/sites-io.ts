// Bulk import and export of sites over HTTP: body limits, format dispatch, report status codes.
import { isUtf8 } from 'node:buffer';
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { ImportFormat } from '../../core/register/import/parse.js';
import { SiteExportQuery } from '../../core/register/site-filter.js';
import type { Services } from '../../services.js';
import { siteCount } from '../../storage/planning-read.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { answerJob, type HeavyOptions } from '../heavy.js';
import { parseQuery } from './sites.js';

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

/** The import body as text (refused unless UTF-8) or as the JSON the app-wide parser already read. */
export function importText(req: Request): { body: unknown; bytes: number } {
  const buf = req.file ? req.file.buffer : Buffer.isBuffer(req.body) ? (req.body as Buffer) : null;
  if (!buf) return { body: req.body, bytes: Number(req.get('content-length') ?? 0) };
  if (!isUtf8(buf))
    throw new HttpError(
      400,
      'INVALID_UTF8',
      'The file is not valid UTF-8; save it as UTF-8 and send it again.',
    );
  return { body: buf.toString('utf8'), bytes: buf.length };
}

export function importHandlers(services: Services, heavy: HeavyOptions): RequestHandler[] {
  const run = async (req: Request, res: Response) => {
    const q = parseQuery(ImportQuery, req);
    // application/json bodies were already parsed by the app-wide JSON parser.
    const { body, bytes } = importText(req);
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
    await answerJob(
      services,
      res,
      {
        kind: 'siteImport',
        format,
        body,
        crs: q.crs,
        dryRun: q.dryRun,
        onDuplicate: q.onDuplicate,
        actor: actorOf(res),
      },
      bytes > heavy.offload.importBytes,
    );
  };
  return [heavy.limit, importBody, run];
}

export function exportHandler(services: Services, heavy: HeavyOptions): RequestHandler[] {
  const run = async (req: Request, res: Response) => {
    const q = parseQuery(SiteExportQuery, req);
    const offload = siteCount(services.db) > heavy.offload.exportSites;
    await answerJob(services, res, { kind: 'export', query: q }, offload);
  };
  return [heavy.limit, run];
}
