// Security middleware: helmet headers with a Content-Security-Policy the MapLibre client works under,
// and strict query strings for routes that take none (or only a few) parameters.
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { badRequest } from './errors.js';

/** The optional OpenStreetMap raster layer the client can switch on (client/src/map/MapView.tsx). */
export const OSM_TILE_ORIGIN = 'https://tile.openstreetmap.org';

/**
 * MapLibre runs its parser in a Web Worker created from a blob: URL and draws icons from data:/blob:
 * images, so those are the only relaxations from 'self'. Styles stay 'self': MapLibre and React set styles
 * through the CSSOM, which style-src does not restrict (tests/e2e/csp.test.ts checks the map draws).
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'child-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:', OSM_TILE_ORIGIN],
  'connect-src': ["'self'", OSM_TILE_ORIGIN],
  'style-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])),
    },
    // The app loads nothing cross-origin that would need CORP headers, but OSM tiles do not send them.
    crossOriginEmbedderPolicy: false,
  });
}

const cspText = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join(';');

/** The app's CSP with each inline <style> block of `html` allowed by its SHA-256 hash. */
export function cspAllowingStyles(html: string): string {
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  return cspText({ ...CSP_DIRECTIVES, 'style-src': [...CSP_DIRECTIVES['style-src'], ...hashes] });
}

/** Wraps res.send so an HTML answer's CSP allows its own <style> blocks (reports print styled). */
export function styleHashesOnHtml(res: Response): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (typeof body === 'string' && /^text\/html/.test(String(res.get('Content-Type') ?? '')))
      res.set('Content-Security-Policy', cspAllowingStyles(body));
    return send(body);
  };
}

/** Rejects any query parameter not in `allowed`, so a misspelt or unexpected one is a 400, not ignored. */
export function strictQuery(...allowed: string[]): RequestHandler {
  const known = new Set(allowed);
  return (req, _res, next) => {
    const unknown = Object.keys(req.query as Record<string, unknown>).filter((k) => !known.has(k));
    if (unknown.length === 0) {
      next();
      return;
    }
    const details = unknown
      .slice(0, 20)
      .map((k) => ({ path: k.slice(0, 100), message: 'is not a known parameter' }));
    const accepted = allowed.length
      ? `Accepted: ${allowed.join(', ')}.`
      : 'This route takes no query parameters.';
    next(
      badRequest(
        'INVALID_QUERY',
        `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${details.map((d) => d.path).join(', ')}. ${accepted}`,
        details,
      ),
    );
  };
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL over 16 KB, malformed
 * request lines) get the same JSON error shape as everything else instead of an empty answer.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      error: tooLarge
        ? { code: 'HEADERS_TOO_LARGE', message: 'The URL or headers are too long (at most 16 KB).' }
        : { code: 'BAD_REQUEST', message: 'The request could not be read.' },
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
