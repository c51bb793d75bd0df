// Heavy routes over HTTP: a per-client rate limit (429 + Retry-After), and answering a job that ran
// inline or on the jobs worker (503 + Retry-After when its queue is full, 413 when a job outgrew the
// worker's memory).
import type { RequestHandler, Response } from 'express';
import type { OffloadPolicy } from '../runtime/job-runner.js';
import type { Job, JobResult } from '../runtime/jobs.js';
import type { Services } from '../runtime/services.js';
import { PoolBusyError } from '../workers/pool.js';
import { clientAddress } from './audit.js';
import { HttpError } from './errors.js';
import { SlidingWindow } from './login-limiter.js';

/** What the heavy routes share: when to offload, and the per-client limit (one window for all of them). */
export interface HeavyOptions {
  offload: OffloadPolicy;
  limit: RequestHandler;
}

/** Heavy requests (imports, exports, reviews, reports) one client may make per minute. */
export const HEAVY_PER_MINUTE = 60;

export function heavyLimit(perMinute = HEAVY_PER_MINUTE): RequestHandler {
  const window = new SlidingWindow({ max: perMinute, windowMs: 60_000 });
  return (req, res, next) => {
    const client = clientAddress(req);
    const now = Date.now();
    const waitMs = window.waitMs(client, now);
    if (waitMs > 0) {
      const s = Math.ceil(waitMs / 1000);
      res.set('Retry-After', String(s));
      next(
        new HttpError(
          429,
          'TOO_MANY_REQUESTS',
          `At most ${perMinute} imports, exports, reviews and reports a minute per client; try again in ${s} s.`,
          { retryAfterS: s },
        ),
      );
      return;
    }
    window.take(client, now);
    next();
  };
}

function send(res: Response, r: JobResult): void {
  if (r.kind === 'error') throw new HttpError(r.status, r.code, r.message, r.details);
  if (r.kind === 'json') {
    res.status(r.status).json(r.value);
    return;
  }
  // attachment() sets a type from the file name's extension (none for .gpkg): set ours after it.
  if (r.filename) res.attachment(r.filename);
  res.type(r.contentType);
  res.send(
    typeof r.body === 'string' ? r.body : Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength),
  );
}

/** Runs a job (on the worker when `offload`) and answers with its result; returns it for auditing. */
export async function answerJob(
  services: Services,
  res: Response,
  job: Job,
  offload: boolean,
): Promise<JobResult> {
  let result: JobResult;
  try {
    result = await services.jobs.run(job, offload);
  } catch (err) {
    if (err instanceof PoolBusyError) {
      res.set('Retry-After', '5');
      throw new HttpError(
        503,
        'BUSY',
        'The server is busy with other heavy requests; try again in a few seconds.',
        {
          retryAfterS: 5,
        },
      );
    }
    if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new HttpError(
        413,
        'TOO_COMPLEX',
        'This request needs more memory than the server allows for one job; split the file (or simplify the geometry).',
      );
    throw err;
  }
  send(res, result);
  return result;
}
