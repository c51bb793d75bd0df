// A fast path through Express for the hot anonymous reads, GET /api/trace and GET /api/sites: the
// complete answer the normal path sent for a URL (status 200, headers in order, body bytes as sent
// for that content encoding) is kept and replayed for the next identical request, without routing,
// middleware, validation, tracing or serialisation. Answers that read the register are kept only
// while its change counter (migration 015) stands still; point traces depend on the loaded network
// alone, which is fixed for the life of the app. Anything else (credentials, conditional requests,
// Cache-Control: no-cache, a server shutting down) takes the normal path.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../log.js';
import type { Db } from '../storage/db.js';
import { registerGeneration } from '../storage/register-changes.js';
import { cookieValue, SESSION_COOKIE } from './auth.js';
import { acceptedEncoding } from './compress.js';

/** Most answers kept, and their total size (a full-geometry trace is ~50 KB, ~10 KB compressed). */
export const FAST_PATH_ENTRIES = 500;
export const FAST_PATH_BYTES = 32 * 1024 * 1024;
/** Larger answers are not kept (a site list of 1,000 items is ~400 KB). */
const MAX_BODY_BYTES = 1024 * 1024;

const SANE_ID = /^[\w.:-]{1,100}$/;

/** What a kept answer depends on besides the URL: nothing more, or the register as of a generation. */
type Dependency = { kind: 'network' } | { kind: 'register'; generation: number };

interface Kept {
  /** The headers the normal path set, names as it spelt them, in its order (X-Request-Id replaced). */
  headers: [name: string, value: number | string | string[]][];
  body: Buffer;
  depends: Dependency;
  route: string;
}

/** The hot routes, what their answers depend on, and which queries are never kept. */
function hotRoute(pathname: string, query: URLSearchParams): { route: string; register: boolean } | null {
  if (pathname === '/api/trace') {
    // Notifications depend on the caller and the plans; a GeoPackage carries its own timestamps.
    if (query.has('releasedAt') || query.has('plan') || query.has('format')) return null;
    return { route: '/api/trace', register: query.has('siteId') };
  }
  if (pathname === '/api/sites') {
    // The recycle bin is for editors, and its purge writes no register row.
    if (query.has('includeDeleted')) return null;
    return { route: '/api/sites', register: true };
  }
  return null;
}

/**
 * At most HITS_PER_TURN replays per event-loop turn, the rest on the next turns (setImmediate), so that
 * under load the loop still turns over and accepts new connections (see fair-queue.ts: Node 20 accepts
 * one per turn). A replay costs a tenth of a normal request, hence four times fair-queue's 16.
 */
export const HITS_PER_TURN = 64;
class Turns {
  private used = 0;
  private scheduled = false;
  private readonly waiting: (() => void)[] = [];

  run(task: () => void): void {
    if (this.used < HITS_PER_TURN && this.waiting.length === 0) {
      this.used++;
      this.schedule();
      task();
      return;
    }
    this.waiting.push(task);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.used = 0;
      while (this.used < HITS_PER_TURN && this.waiting.length > 0) {
        this.used++;
        (this.waiting.shift() as () => void)();
      }
      if (this.waiting.length > 0 || this.used > 0) this.schedule();
    });
  }
}

/** A map in least-recently-used order, bounded in entries and in body bytes. */
class KeptAnswers {
  private readonly map = new Map<string, Kept>();
  private bytes = 0;
  hits = 0;

  get(key: string): Kept | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, v: Kept): void {
    this.delete(key);
    this.map.set(key, v);
    this.bytes += v.body.length;
    while (this.map.size > FAST_PATH_ENTRIES || this.bytes > FAST_PATH_BYTES)
      this.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    this.map.delete(key);
    this.bytes -= v.body.length;
  }

  get size(): number {
    return this.map.size;
  }
}

export interface FastPathOptions {
  db: Db;
  anonymousRead: boolean;
  closing: () => boolean;
  logger: Logger;
}

/** Whether the request may be answered from (and its answer kept for) the fast path. */
function eligible(req: IncomingMessage, o: FastPathOptions): boolean {
  const h = req.headers;
  return (
    req.method === 'GET' &&
    o.anonymousRead &&
    !o.closing() &&
    h.authorization === undefined &&
    h['if-none-match'] === undefined &&
    h['if-modified-since'] === undefined &&
    !(h['cache-control'] !== undefined && /no-cache/i.test(h['cache-control'])) &&
    (h.cookie === undefined || cookieValue(req as never, SESSION_COOKIE) === undefined)
  );
}

export interface FastPath {
  /** Answers a request from a kept answer before Express sees it, else hands it to `normal` (Express). */
  serve(req: IncomingMessage, res: ServerResponse, normal: () => void): void;
  /** The first middleware: keeps the answers of hot reads that were not served. */
  keep: RequestHandler;
  readonly answers: { readonly size: number; readonly hits: number };
}

const isHot = (url: string) => url.startsWith('/api/trace?') || url.startsWith('/api/sites');
const keyOf = (req: IncomingMessage, url: string) => `${acceptedEncoding(req as never) ?? ''} ${url}`;

export function fastPath(o: FastPathOptions): FastPath {
  const kept = new KeptAnswers();
  const turns = new Turns();
  /** The kept answer for this request if it may be replayed now, else null. */
  const lookup = (req: IncomingMessage): Kept | null => {
    const url = req.url ?? '';
    if (!isHot(url) || !eligible(req, o)) return null;
    const key = keyOf(req, url);
    const hit = kept.get(key);
    if (!hit) return null;
    if (hit.depends.kind === 'register' && hit.depends.generation !== registerGeneration(o.db)) {
      kept.delete(key);
      return null;
    }
    return hit;
  };
  const attempt = (req: IncomingMessage, res: ServerResponse, normal: () => void): void => {
    let hit: Kept | null = null;
    try {
      hit = lookup(req);
    } catch {
      // Before Express there is no error handler: anything odd (the database closing) goes the normal way.
    }
    if (!hit) {
      normal();
      return;
    }
    kept.hits++;
    replay(req, res, hit, o.logger);
  };
  const serve = (req: IncomingMessage, res: ServerResponse, normal: () => void): void => {
    if (!isHot(req.url ?? '')) {
      normal();
      return;
    }
    // Looked up when its turn comes: a write in between makes the kept answer stale.
    turns.run(() => attempt(req, res, normal));
  };
  const keep: RequestHandler = (req, res, next) => {
    const url = req.url;
    if (!isHot(url) || !eligible(req, o)) {
      next();
      return;
    }
    const q = url.indexOf('?');
    const hot = hotRoute(q < 0 ? url : url.slice(0, q), new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
    if (hot) {
      // Read before the answer is computed: a write meanwhile makes the kept answer stale at once.
      const depends: Dependency = hot.register
        ? { kind: 'register', generation: registerGeneration(o.db) }
        : { kind: 'network' };
      const key = keyOf(req, url);
      keepWhenSent(res, (answer) => kept.set(key, { ...answer, depends, route: hot.route }));
    }
    next();
  };
  return { serve, keep, answers: kept };
}

/** Node ≥ 18 has it; @types/node does not declare it. */
type RawNames = ServerResponse & { getRawHeaderNames(): string[] };

/** Collects what the normal path writes; a 200 answer of a sane size is handed to `keep`. */
function keepWhenSent(res: ServerResponse, keep: (a: Omit<Kept, 'depends' | 'route'>) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const b = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
    chunks.push(b);
    size += b.length;
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    if (res.statusCode === 200 && size <= MAX_BODY_BYTES) {
      const headers: Kept['headers'] = [];
      for (const name of (res as RawNames).getRawHeaderNames()) {
        const value = res.getHeader(name);
        if (value !== undefined) headers.push([name, value]);
      }
      keep({ headers, body: Buffer.concat(chunks, size) });
    }
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
}

/** Sends a kept answer with this request's id, and logs it as the request log would. */
function replay(req: IncomingMessage, res: ServerResponse, kept: Kept, logger: Logger): void {
  const started = process.hrtime.bigint();
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
  // Set one by one (not writeHead), so Node adds Content-Length, Date and Connection as it did.
  for (const [name, value] of kept.headers)
    res.setHeader(name, name.length === 12 && name.toLowerCase() === 'x-request-id' ? id : value);
  res.end(kept.body);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  logger.info(
    {
      reqId: id,
      method: 'GET',
      route: kept.route,
      status: 200,
      ms: Math.round(ms * 10) / 10,
      user: null,
      via: 'anonymous',
    },
    'request',
  );
}
