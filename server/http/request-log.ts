// One log line per request when its response is finished: method, route pattern, status, duration in
// ms, request id (from X-Request-Id if sane, else new; echoed back) and the user or token behind it.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../log.js';
import { principalOf } from './auth.js';

const SANE_ID = /^[\w.:-]{1,100}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && SANE_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const p = principalOf(res);
      // The route's pattern (/api/sites/:id), not the URL: no ids, query strings or tokens in logs.
      // A route declared for several paths logs them joined by "|", the way the router tries them.
      const pattern: unknown = req.route?.path;
      const patterns = Array.isArray(pattern) ? pattern.map(String) : pattern ? [String(pattern)] : [];
      const route = patterns.length > 0 ? patterns.map((p) => `${req.baseUrl}${p}`).join('|') : null;
      const line = {
        reqId: id,
        method: req.method,
        route: route ?? (req.baseUrl || req.path.split('/').slice(0, 3).join('/')),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        user: p ? p.user.username : null,
        via: p ? p.via : 'anonymous',
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
