// The base of the URLs an answer hands out (style.json, TileJSON): the configured public URL, else
// root-relative URLs. Never the Host header: a forged one would point other visitors' caches anywhere.
import { badRequest, HttpError } from './errors.js';

/** `absolute=1|true|0|false` on style.json and TileJSON; absent means relative URLs are fine. */
export function absoluteParam(value: unknown): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw badRequest('INVALID_QUERY', `absolute must be 1 or 0 (got "${String(value).slice(0, 50)}").`);
}

/**
 * '' (root-relative) or the public URL. Clients outside the browser (QGIS, GDAL) need absolute URLs;
 * asked for them with no public URL configured, the server says how to configure one.
 */
export function urlBase(publicUrl: string | null, absolute: boolean): string {
  if (publicUrl) return publicUrl;
  if (absolute)
    throw new HttpError(
      409,
      'NO_PUBLIC_URL',
      'This server has no public URL configured, so it cannot give absolute URLs (it never builds them from the Host header). Set HAZATLAS_PUBLIC_URL to the address clients use (e.g. https://hazatlas.example.org) and restart the server.',
    );
  return '';
}
