// Every registered site traces: GET /api/trace?siteId= for the whole seeded register (data/seed/sites.json)
// starts at the site's stored connection to the network and reaches the outlet of its basin.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

interface SeedSite {
  id: string;
  name: string;
  expectedBasin: string;
  receivingRiver?: string;
}

const seed = JSON.parse(readFileSync(new URL('../../data/seed/sites.json', import.meta.url), 'utf8')) as {
  sites: SeedSite[];
};

/**
 * Where each basin's water ends: the Danube and the Dniester in the Black Sea, the Syr Darya and the
 * Amu Darya in the Aral Sea (both terminal, UNECE Second Assessment of Transboundary Rivers, 2011,
 * ch. 3 "Aral Sea basin"), and Issyk-Kul is itself endorheic (Kyrgyzstan; no outflow since the Chu
 * stopped reaching it).
 */
const OUTLET: Record<string, { name: string; kind: string }> = {
  Danube: { name: 'Black Sea', kind: 'sea' },
  Dniester: { name: 'Black Sea', kind: 'sea' },
  'Syr Darya': { name: 'Aral Sea', kind: 'terminal_lake' },
  'Amu Darya': { name: 'Aral Sea', kind: 'terminal_lake' },
  'Issyk-Kul': { name: 'Issyk-Kul', kind: 'terminal_lake' },
};

/**
 * The Zeravshan (with the Fan Darya) belongs to the Amu Darya basin by geography but has not reached the
 * Amu Darya for a century: it is used up for irrigation and ends in the desert near Karakul (UNECE,
 * Second Assessment of Transboundary Rivers, Lakes and Groundwaters, 2011, "Zeravshan River").
 */
const ZERAVSHAN_SYSTEM = new Set(['Zeravshan', 'Fan Darya']);
const ZERAVSHAN_END = { name: 'Inland end of the Zeravshan', kind: 'inland_sink' };
const outletOf = (site: SeedSite) =>
  site.receivingRiver && ZERAVSHAN_SYSTEM.has(site.receivingRiver)
    ? ZERAVSHAN_END
    : OUTLET[site.expectedBasin];

interface Trace {
  lengthKm: number;
  snap: {
    distanceKm: number;
    river: string | null;
    connection: { kind: string; distanceKm: number; via: string | null };
  };
  outlets: { name: string; kind: string; km: number; main: boolean }[];
  countries: { iso3: string }[];
  warnings: { code: string; message: string }[];
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

const trace = async (query: string) => {
  const res = await fetch(`${server.url}/api/trace?${query}`);
  return { status: res.status, body: (await res.json()) as Trace & { error?: { code: string } } };
};

describe('GET /api/trace?siteId= over the whole register', () => {
  it(`traces all ${seed.sites.length} seeded sites to the outlet of their basin`, async () => {
    const failures: string[] = [];
    for (const site of seed.sites) {
      const { status, body } = await trace(`siteId=${site.id}`);
      const want = outletOf(site);
      const main = body.outlets?.find((o) => o.main);
      if (status !== 200 || !want || !main) {
        failures.push(`${site.name}: ${status} ${body.error?.code ?? 'no main outlet'}`);
        continue;
      }
      if (main.name !== want.name || main.kind !== want.kind)
        failures.push(`${site.name}: reaches ${main.name} (${main.kind}), expected ${want.name}`);
      // The main outlet lies at the end of the main path (the Sava bug: 1,682 vs 1,741 km).
      if (main.km !== body.lengthKm)
        failures.push(`${site.name}: outlet km ${main.km} ≠ path ${body.lengthKm}`);
      const c = body.snap.connection;
      if (c.distanceKm !== body.snap.distanceKm || c.kind !== (c.distanceKm > 25 ? 'assumed' : 'network'))
        failures.push(`${site.name}: connection ${JSON.stringify(c)}`);
    }
    expect(failures).toEqual([]);
  });

  it('starts a far site at its stored connection and says the first km are assumed (Fergana oil refinery)', async () => {
    // The refinery (Fergana, Uzbekistan, 71.72 E 40.43 N) lies ~50 km from the Syr Darya line that
    // Natural Earth draws through the Fergana valley (named Naryn there): beyond the 25 km point-trace cap.
    const id = seed.sites.find((s) => s.name === 'Fergana oil refinery')!.id;
    const { status, body } = await trace(`siteId=${id}`);
    expect(status).toBe(200);
    expect(body.snap.connection.kind).toBe('assumed');
    expect(body.snap.connection.distanceKm).toBeGreaterThan(25);
    expect(body.snap.connection.via).toBe(body.snap.river);
    expect(body.warnings.map((w) => w.code)).toContain('CONNECTION_ASSUMED');
    // The Syr Darya leaves the Fergana valley through Tajikistan (Khujand) and reaches Kazakhstan
    // (Shardara) before the Aral Sea (UNECE Second Assessment, 2011, Syr Darya basin).
    const iso = body.countries.map((c) => c.iso3);
    expect(iso).toEqual(expect.arrayContaining(['UZB', 'TJK', 'KAZ']));
    expect(iso.indexOf('TJK')).toBeLessThan(iso.lastIndexOf('KAZ'));
  });

  it('traces Kadji-Say into Issyk-Kul, an endorheic lake, and never into the Naryn beyond the range', async () => {
    // Kadji-Say (77.16 E, 42.14 N) lies on the south shore of Issyk-Kul; the Terskey Ala-Too separates
    // it from the Naryn basin (Syr Darya). Issyk-Kul has no outflow (Encyclopaedia Britannica, "Issyk-Kul").
    const id = seed.sites.find((s) => s.name.startsWith('Kadji-Say'))!.id;
    const { status, body } = await trace(`siteId=${id}`);
    expect(status).toBe(200);
    expect(body.outlets).toEqual([
      expect.objectContaining({ name: 'Issyk-Kul', kind: 'terminal_lake', main: true }),
    ]);
    expect(body.countries.map((c) => c.iso3)).toEqual(['KGZ']);
    expect(body.snap.connection).toMatchObject({ kind: 'network', via: 'Issyk-Kul' });
    expect(body.lengthKm).toBe(0);
  });

  it("joins sites on rivers Natural Earth lacks at those rivers' mouths (data/tributary-mouths.json)", async () => {
    // TALCO (Tursunzoda, Tajikistan) discharges to the Karatag, which forms the Surkhandarya with the
    // Tupalangdarya; the Surkhandarya enters the Amu Darya at Termez, on the Uzbek–Afghan border (Great
    // Soviet Encyclopedia, «Сурхандарья»). The Zarafshon, nearer in Natural Earth, lies beyond the
    // Hissar range and never reaches the Amu Darya (CAWater-Info, "Rivers: the Amu Darya basin").
    const talco = await trace(`siteId=${seed.sites.find((s) => s.name.startsWith('TALCO'))!.id}`);
    expect(talco.body.snap.river).toBe('Amu Darya');
    expect(talco.body.countries.map((c) => c.iso3)).toEqual(expect.arrayContaining(['UZB', 'TKM']));
    // Yangiabad lies in the Akhangaran valley (Uzbekistan), which joins the Syr Darya below Tajikistan's
    // stretch (mouth 40.79 N 68.84 E; Wikipedia (ru), «Ахангаран (река)»): Uzbekistan, then Kazakhstan.
    const yangiabad = await trace(`siteId=${seed.sites.find((s) => s.name.startsWith('Yangiabad'))!.id}`);
    expect(yangiabad.body.countries.map((c) => c.iso3)).toEqual(['UZB', 'KAZ']);
    // The reviewed network supplement now draws the Akhangaran itself, so the site joins its own river.
    expect(yangiabad.body.snap.connection).toMatchObject({ kind: 'network', via: 'Akhangaran' });
  });

  it('gives the site report the same trace (Maxam-Chirchiq: the Chirchik enters the Syr Darya near Chinaz)', async () => {
    // Chirchik mouth 40.90 N 68.71 E, Uzbekistan (Wikipedia (ru), «Чирчик (река)»); the Syr Darya then
    // enters Kazakhstan at the Shardara reservoir.
    const id = seed.sites.find((s) => s.name === 'Maxam-Chirchiq')!.id;
    const res = await fetch(`${server.url}/api/sites/${id}/report?format=json`);
    const report = (await res.json()) as { trace: { status: string; countries: { iso3: string }[] } };
    expect(res.status).toBe(200);
    expect(report.trace.status).toBe('ok');
    expect(report.trace.countries.map((c) => c.iso3)).toEqual(['UZB', 'KAZ']);
    expect((await trace(`siteId=${id}`)).body.countries.map((c) => c.iso3)).toEqual(['UZB', 'KAZ']);
  });

  it('still takes an explicit river with a site (a fresh snap of its location)', async () => {
    const id = seed.sites.find((s) => s.name === 'Fergana oil refinery')!.id;
    const { status, body } = await trace(`siteId=${id}&river=Syr%20Darya&snapMaxKm=200`);
    expect(status).toBe(200);
    expect(body.snap.river).toBe('Syr Darya');
  });
});
