// A registered site's start (server/core/trace/site-start.ts) on the real network: its stored reach and
// offset, its terminal lake, or, with nothing stored, a join made now the way the register makes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../../server/core/geo/geodesy.js';
import { locateSite } from '../../../server/core/trace/site-start.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { getSite } from '../../../server/storage/site-store.js';
import { builtDbPath } from '../../support/database.js';

let s: Services;
beforeAll(() => {
  s = createServices({ dbPath: builtDbPath() });
});
afterAll(() => s.close());

const site = (name: string) => {
  const id = s.db.prepare('SELECT id FROM sites WHERE name = ?').pluck().get(name) as string;
  const r = getSite(s.db, id)!;
  return {
    ...r.location,
    receivingRiver: r.receivingRiver,
    reachId: r.derived?.position?.reachId ?? null,
    offsetKm: r.derived?.position?.offsetKm ?? null,
    outletName: r.derived?.outletName ?? null,
    outletKind: r.derived?.outletKind ?? null,
    basinId: r.derived?.basinId ?? null,
  };
};

describe('locateSite', () => {
  it('starts at the stored reach and offset, however far (Fergana refinery, ~50 km from the Syr Darya line)', () => {
    const k = site('Fergana oil refinery');
    const located = locateSite(s.network, s.drainage, k);
    expect(located?.kind).toBe('reach');
    if (located?.kind !== 'reach') return;
    expect(located.snap.reach.id).toBe(k.reachId);
    expect(located.snap.offsetKm).toBeCloseTo(k.offsetKm!, 9);
    expect(located.snap.distanceKm).toBeCloseTo(
      haversineKm(k.lon, k.lat, located.snap.lon, located.snap.lat),
      9,
    );
    expect(located.snap.distanceKm).toBeGreaterThan(25);
    expect(located.warnings.map((w) => w.code)).toContain('CONNECTION_ASSUMED');
  });

  it('starts at the stored terminal lake (Kadji-Say, Issyk-Kul)', () => {
    const located = locateSite(s.network, s.drainage, site('Kadji-Say uranium tailings'));
    expect(located?.kind === 'lake' && located.lake.name).toBe('Issyk-Kul');
  });

  it('joins a site with nothing stored now, on its named river where the network has it', () => {
    // Chkalovsk (Buston, Tajikistan) lies by the Syr Darya below Khujand (UNECE, Second Assessment 2011).
    const c = { ...site('Chkalovsk (Buston) uranium tailings'), reachId: null, offsetKm: null };
    const located = locateSite(s.network, s.drainage, c);
    expect(located?.kind === 'reach' && located.snap.reach.name).toBe('Syr Darya');
  });
});
