// One error shape for every route: 4xx answers say what to fix, 5xx never leak internals.
import type { ErrorRequestHandler } from 'express';
import { type Logger, log } from '../log.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new HttpError(400, code, message, details);

/** Codes and messages for errors raised by body parsers and multer, which carry no HttpError. */
function middlewareError(err: unknown): HttpError | null {
  const e = (err ?? {}) as {
    status?: unknown;
    type?: unknown;
    name?: unknown;
    code?: unknown;
    field?: unknown;
  };
  if (e.name === 'MulterError') {
    const tooLarge = e.code === 'LIMIT_FILE_SIZE' || e.code === 'LIMIT_FIELD_VALUE';
    return new HttpError(
      tooLarge ? 413 : 400,
      tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_UPLOAD',
      e.code === 'LIMIT_UNEXPECTED_FILE'
        ? `Send one file in the form field "file" (got "${String(e.field ?? '').slice(0, 100)}").`
        : `The upload was refused (${String(e.code)}): send one file in the form field "file".`,
    );
  }
  const status = typeof e.status === 'number' ? e.status : 500;
  if (status < 400 || status >= 500) return null;
  switch (e.type) {
    case 'entity.too.large':
      return new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large.');
    case 'entity.parse.failed':
      return new HttpError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'UNSUPPORTED_ENCODING', 'Send the body as UTF-8, uncompressed or gzip.');
    default:
      return new HttpError(status, 'BAD_REQUEST', 'The request could not be read.');
  }
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  // A failure after the answer started can only end the connection; Express does that.
  if (res.headersSent) {
    next(err);
    return;
  }
  // Another connection (the jobs worker importing) held the write lock past busy_timeout: try again.
  if ((err as { code?: unknown } | null)?.code === 'SQLITE_BUSY') {
    res
      .status(503)
      .set('Retry-After', '5')
      .json({
        error: { code: 'BUSY', message: 'The database is busy with an import; try again in a few seconds.' },
      });
    return;
  }
  const known = err instanceof HttpError ? err : middlewareError(err);
  if (known) {
    res
      .status(known.status)
      .json({ error: { code: known.code, message: known.message, details: known.details } });
    return;
  }
  // Logged here with its stack; the client only learns that it failed.
  const logger = (req.app.locals.logger as Logger | undefined) ?? log;
  logger.error({ err, reqId: res.locals.requestId }, 'unexpected error');
  res.status(500).json({ error: { code: 'INTERNAL', message: 'Internal server error.' } });
};
