// Russian in the API (issue 13 #9): country names (Natural Earth name_ru, else CLDR for the ISO code),
// Russian search, "tributary of X" as "приток реки X", delta arms and the model's assumptions in Russian.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import places from '../../data/place-names-ru.json' with { type: 'json' };
import waters from '../../data/water-names-ru.json' with { type: 'json' };
import { waterNameRu } from '../../shared/water-names.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(async () => {
  await server?.close();
});

const get = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

describe('Russian names in the API', () => {
  it('names every country in Russian (CLDR for Natural Earth 4.x, whose layer has no name_ru)', async () => {
    const names = await get<{ iso3: string; name: string; nameRu: string | null }[]>('/api/countries/names');
    const ru = new Map(names.map((c) => [c.iso3, c.nameRu]));
    // CLDR Russian region names (unicode.org, ru.xml): RS Сербия, TJ Таджикистан, MD Молдова.
    expect(ru.get('SRB')).toBe('Сербия');
    expect(ru.get('TJK')).toBe('Таджикистан');
    expect(ru.get('MDA')).toBe('Молдова');
    // France has ISO_A2 -99 in Natural Earth 4.x; its WB_A2 (FR) names it.
    expect(ru.get('FRA')).toBe('Франция');
    expect(names.length).toBeGreaterThan(200);
    const withSites = await get<{ iso3: string; nameRu: string | null }[]>('/api/countries');
    expect(withSites.find((c) => c.iso3 === 'UZB')?.nameRu).toBe('Узбекистан');
  });

  it('finds a country by its Russian name', async () => {
    const r = await get<{ items: { kind: string; iso3?: string; nameRu?: string | null }[] }>(
      `/api/search?q=${encodeURIComponent('Таджикистан')}`,
    );
    expect(r.items[0]).toMatchObject({ kind: 'country', iso3: 'TJK', nameRu: 'Таджикистан' });
  });

  it('calls an unnamed tributary "приток реки Тиса", and gives the Delta arm and the assumptions in Russian', async () => {
    // 19.407 E 45.591 N: the middle of the longest unnamed reach that the build names "tributary of
    // Tisza" (Bačka, Serbia); data/river-names.json gives the Tisza's Russian name, Тиса.
    const t = await get<{
      rivers: { name: string; nameRu?: string | null }[];
      outlets: { main: boolean; arm: string | null; armRu?: string | null }[];
      release: { assumptions: string[]; assumptionsRu: string[] };
    }>('/api/trace?lon=19.4072&lat=45.5906&releaseKg=1000');
    expect(t.rivers[0]).toMatchObject({ name: 'tributary of Tisza', nameRu: 'приток реки Тиса' });
    const main = t.outlets.find((o) => o.main);
    // The main path leaves the Delta by the Chilia arm (Килийское гирло, data/river-names.json).
    expect(main?.arm).toBe('Chilia arm');
    expect(main?.armRu).toBe('Килийское гирло');
    expect(t.release.assumptionsRu).toHaveLength(t.release.assumptions.length);
    expect(t.release.assumptionsRu[0]).toMatch(/^Мгновенный выброс/);
  });
});

describe('data/water-names-ru.json', () => {
  it('gives every record a Russian name and a source, and names only water bodies the build has', () => {
    const db = new Database(builtDbPath(), { readonly: true });
    try {
      const known = new Set(
        (
          db
            .prepare(
              `SELECT name FROM net_outlets UNION SELECT name FROM geo_marine WHERE name IS NOT NULL
               UNION SELECT name FROM geo_lakes WHERE name IS NOT NULL`,
            )
            .all() as { name: string }[]
        ).map((r) => r.name.toLowerCase()),
      );
      for (const w of waters.waters) {
        expect(w.nameRu, w.name).toMatch(/^[А-ЯЁа-яё][А-ЯЁа-яё\s-]+$/);
        expect(w.source, w.name).toMatch(/^https:\/\/ru\.wikipedia\.org\/wiki\//);
        expect(known.has(w.name.toLowerCase()), `${w.name} is not an outlet, sea or lake of the build`).toBe(
          true,
        );
      }
    } finally {
      db.close();
    }
    // Natural Earth spells seas in capitals: matched case-insensitively.
    expect(waterNameRu('BLACK SEA')).toBe('Чёрное море');
  });
});

describe('data/place-names-ru.json', () => {
  it('names real Natural Earth places, each sourced, and the build stores the names', () => {
    const db = new Database(builtDbPath(), { readonly: true });
    try {
      const row = db.prepare('SELECT name_ru FROM geo_places WHERE name = ? AND adm0_a3 = ?');
      for (const p of places.places) {
        expect(p.source, p.name).toMatch(/^https:\/\/ru\.wikipedia\.org\/wiki\//);
        const r = row.get(p.name, p.adm0) as { name_ru: string | null } | undefined;
        expect(r, `${p.name} (${p.adm0}) is not a Natural Earth populated place`).toBeDefined();
        expect(r?.name_ru).toBe(p.nameRu);
      }
    } finally {
      db.close();
    }
  });

  it('finds Belgrade by its Russian name', async () => {
    const r = await get<{ items: { kind: string; name: string; nameRu?: string | null }[] }>(
      `/api/search?q=${encodeURIComponent('Белград')}`,
    );
    expect(r.items.find((h) => h.kind === 'place')).toMatchObject({ name: 'Belgrade', nameRu: 'Белград' });
  });
});
