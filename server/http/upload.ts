// Import uploads go to a temporary file, not into memory: a raw body is written as it arrives (413 as
// soon as it passes the limit), a multipart form's one file by multer's disk storage. The job reads the
// file; the route removes it when the job is done (or the upload middleware, when no route took it).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import { HttpError } from './errors.js';
import { IMPORT_LIMIT_BYTES } from './import-body.js';

const LIMIT_TEXT = `${IMPORT_LIMIT_BYTES / 1024 / 1024} MB`;

export interface Upload {
  path: string;
  bytes: number;
  /** The file's name in a multipart form (its extension may say the format). */
  originalName: string | undefined;
}

const tooLarge = () =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `The import file is larger than the ${LIMIT_TEXT} limit.`, {
    limitBytes: IMPORT_LIMIT_BYTES,
  });

let dir: string | null = null;
/** This process's upload directory (private to its user), made on first use. */
function uploadDir(): string {
  if (dir === null) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-uploads-'));
    // Nothing of it outlives the process (a killed process leaves it to the system's temp cleaner).
    process.once('exit', () => fs.rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return dir;
}

const remove = (file: string) => fs.rm(file, { force: true }, () => undefined);

const multipart = multer({
  storage: multer.diskStorage({
    destination: (_req, _file, cb) => cb(null, uploadDir()),
    filename: (_req, _file, cb) => cb(null, randomUUID()),
  }),
  // One file plus, at most, a few small text fields: nothing else in a form can grow the request.
  limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
}).single('file');

/** Writes the request body to a temporary file; the limit is checked on every chunk. */
const rawToFile: RequestHandler = (req, res, next) => {
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > IMPORT_LIMIT_BYTES) {
    res.set('Connection', 'close');
    next(tooLarge());
    return;
  }
  const file = path.join(uploadDir(), randomUUID());
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let bytes = 0;
  let settled = false;
  const fail = (err: unknown) => {
    if (settled) return;
    settled = true;
    out.destroy();
    remove(file);
    next(err);
  };
  req.on('data', (chunk: Buffer) => {
    if (settled) return;
    bytes += chunk.length;
    if (bytes > IMPORT_LIMIT_BYTES) {
      // The rest of the body is read and dropped; the connection closes after the answer.
      res.set('Connection', 'close');
      fail(tooLarge());
      return;
    }
    if (!out.write(chunk)) {
      req.pause();
      out.once('drain', () => req.resume());
    }
  });
  req.on('end', () => {
    if (settled) return;
    out.end(() => {
      if (settled) return;
      settled = true;
      res.locals.upload = { path: file, bytes, originalName: undefined } satisfies Upload;
      next();
    });
  });
  req.on('error', fail);
  out.on('error', fail);
  // A client that goes away mid-upload leaves no file behind.
  req.on('close', () => {
    if (!req.complete) fail(new HttpError(400, 'VALIDATION', 'The upload was interrupted.'));
  });
};

/**
 * Reads an import's file (multipart form field "file", or the raw body) into a temporary file:
 * `uploadOf(res)` in the route. Removed when the answer is sent unless the route claims it.
 */
export const importUpload: RequestHandler = (req, res, next) => {
  res.on('close', () => {
    const u = res.locals.upload as Upload | undefined;
    if (u && !res.locals.uploadClaimed) remove(u.path);
  });
  if (!/^multipart\//i.test(String(req.headers['content-type'] ?? ''))) {
    rawToFile(req, res, next);
    return;
  }
  multipart(req, res, (err?: unknown) => {
    const e = err as { code?: string } | undefined;
    if (e?.code === 'LIMIT_FILE_SIZE') {
      res.set('Connection', 'close');
      next(tooLarge());
      return;
    }
    if (err) {
      next(err);
      return;
    }
    if (req.file)
      res.locals.upload = {
        path: req.file.path,
        bytes: req.file.size,
        originalName: req.file.originalname,
      } satisfies Upload;
    next();
  });
};

/**
 * The uploaded file, claimed by the route: it must call `release()` once its job is done (a job on the
 * worker may still be reading it after the client went away). Null when the form held no file.
 */
export function claimUpload(res: Response): (Upload & { release: () => void }) | null {
  const u = res.locals.upload as Upload | undefined;
  if (!u) return null;
  res.locals.uploadClaimed = true;
  return { ...u, release: () => remove(u.path) };
}

/** This process's upload directory, once one upload made it (for tests: it is empty between requests). */
export function uploadDirectory(): string | null {
  return dir;
}

/** The uploaded import file, claimed by the route, or 400 when there is none or it is empty. */
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
