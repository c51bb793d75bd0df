// Every route an Express app declares, read from its router stack (so tests cover new routes as they
// are added), and a way to fill route parameters for a request.
import type { Express } from 'express';

export interface RouteInfo {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

/** Routes under /api, e.g. { method: 'POST', path: '/api/sites/:id/restore' }. */
export function listApiRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        // A route may be declared for several paths at once (router.get([a, b], …)).
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods))
          if (method !== '_all')
            for (const p of paths) out.push({ method: method.toUpperCase(), path: prefix + p });
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath.replace(/\/$/, '') : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out.filter((r) => r.path.startsWith('/api/'));
}

/** Replaces `:name` parameters with values (by name, else `fallback`). */
export function fillPath(path: string, values: Record<string, string>, fallback = '1'): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? fallback);
}
