// A seeded register site as a full record, derived on the real network (for report core tests).
import { deriveSite } from '../../../server/core/register/derive.js';
import type { SiteRecord } from '../../../server/core/register/site-record.js';
import type { Services } from '../../../server/runtime/services.js';
import { readSeed } from '../../../server/storage/site-seed.js';

export function seedSite(
  services: Services,
  name: string,
  now = new Date('2026-01-15T00:00:00Z'),
): SiteRecord {
  const fields = readSeed().find((s) => s.name === name);
  if (!fields) throw new Error(`no seed site named ${name}`);
  const { id, ...rest } = fields;
  return {
    ...rest,
    id: id ?? name,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
    derived: deriveSite(rest, services.hydrology, now),
  };
}
