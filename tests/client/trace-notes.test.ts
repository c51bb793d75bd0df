// The trace panel's notes about the start, on real answers of the server: an assumed site connection
// reads "the first N km, from the site to the X, are not in the river network and are not timed" in
// English and Russian; a site on a river says nothing.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import { ru } from '../../client/src/i18n/ru.js';
import { formatKm } from '../../client/src/lib/format.js';
import { traceNotes } from '../../client/src/lib/trace-notes.js';
import type { TraceResult } from '../../shared/api.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

const siteId = (name: string) =>
  (server.services.db.prepare('SELECT id FROM sites WHERE name = ?').pluck().get(name) as string) ?? '';
const traceOf = async (id: string) =>
  (await (await fetch(`${server.url}/api/trace?siteId=${id}`)).json()) as TraceResult;

async function render(lang: 'en' | 'ru', t: TraceResult): Promise<string[]> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { en: { translation: en }, ru: { translation: ru } } });
  return traceNotes(t).map((n) =>
    i18n.t(`trace.${n.key}`, {
      ...n.values,
      ...(typeof n.values.km === 'number' ? { km: formatKm(n.values.km, lang) } : {}),
      interpolation: { escapeValue: false },
    }),
  );
}

describe('trace notes', () => {
  it('says which first km are not in the network for a site far from the river (Fergana oil refinery)', async () => {
    // The refinery is ~50 km from the Syr Darya line of Natural Earth (named Naryn in the Fergana valley).
    const t = await traceOf(siteId('Fergana oil refinery'));
    const c = t.snap.connection!;
    expect(c.kind).toBe('assumed');
    const [enNote] = await render('en', t);
    expect(enNote).toBe(
      `The first ${formatKm(c.distanceKm, 'en')}, from the site to the ${c.via}, are not in the river network and are not timed.`,
    );
    const [ruNote] = await render('ru', t);
    expect(ruNote).toContain(`Первые ${formatKm(c.distanceKm, 'ru')}`);
    expect(ruNote).toContain(String(c.via));
  });

  it('says nothing for a site on its river (HIP Azotara Pančevo, 5 km from the Danube)', async () => {
    const t = await traceOf(siteId('HIP Azotara Pančevo'));
    expect(t.snap.connection?.kind).toBe('network');
    expect(await render('en', t)).toEqual([]);
  });
});
