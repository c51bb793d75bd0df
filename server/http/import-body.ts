// The body of a file import (sites, receptors, stations, plan contacts): a multipart upload (form field
// "file") or a raw body up to the limit, read as bytes or as text in its character set.
import { isUtf8 } from 'node:buffer';
import express, { type Request, type RequestHandler } from 'express';
import multer from 'multer';
import { decodeText, type TextEncodingName } from '../core/register/import/decode.js';
import { HttpError } from './errors.js';

export const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;
const LIMIT_TEXT = `${IMPORT_LIMIT_BYTES / 1024 / 1024} MB`;

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

/** Reads an import body: multipart upload (form field "file") or a raw body, both up to the limit. */
export const importBody: RequestHandler = (req, res, next) =>
  /^multipart\//i.test(String(req.headers['content-type'] ?? ''))
    ? multipartBody(req, res, next)
    : rawBody(req, res, next);

const BINARY_FORMATS: readonly string[] = ['kmz', 'gpkg', 'shp'];

/**
 * The import body: the bytes of a binary format (KMZ, GeoPackage), text in its declared or detected
 * character set (UTF-8, else the Windows code page that fits), or the JSON the app-wide parser read.
 * A body declared UTF-8 that is not is refused rather than read with replacement characters.
 */
export function importText(
  req: Request,
  format: string | undefined,
  encoding: TextEncodingName | undefined,
): { body: unknown; bytes: number } {
  const buf = req.file ? req.file.buffer : Buffer.isBuffer(req.body) ? (req.body as Buffer) : null;
  if (!buf) return { body: req.body, bytes: Number(req.get('content-length') ?? 0) };
  if (format !== undefined && BINARY_FORMATS.includes(format)) return { body: buf, bytes: buf.length };
  if (encoding === 'utf-8' && !isUtf8(buf))
    throw new HttpError(
      400,
      'INVALID_UTF8',
      'The file is not valid UTF-8 although encoding=utf-8 was given; save it as UTF-8, or give its encoding (windows-1250, windows-1251).',
    );
  return { body: decodeText(buf, encoding).text, bytes: buf.length };
}
