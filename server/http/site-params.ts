// Route parameters shared by the register's routers: a site id in the path, and what they need.
import type { Request } from 'express';
import type { HydrologyProvider } from '../core/register/hydrology.js';
import type { Db } from '../storage/db.js';
import { HttpError } from './errors.js';

export interface SitesServices {
  db: Db;
  hydrology: HydrologyProvider;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function siteId(req: Request): string {
  const id = String(req.params.id);
  if (!UUID.test(id)) throw new HttpError(404, 'NOT_FOUND', `No site ${id}.`);
  return id;
}
