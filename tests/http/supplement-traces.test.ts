// Traces from registered sites follow the reviewed network supplement (data/network-supplement.geojson)
// down the tributaries Natural Earth lacks, then on into its rivers; the discharge table's Chirchik
// point, unused without the Chirchik, now anchors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

interface Trace {
  rivers: { name: string | null }[];
  outlets: { name: string; main: boolean }[];
  release: { discharge: { river: string | null; default: boolean }[] };
}

async function fromSite(namePrefix: string): Promise<Trace> {
  const id = server.services.db
    .prepare('SELECT id FROM sites WHERE name LIKE ?')
    .pluck()
    .get(`${namePrefix}%`) as string;
  expect(id).toBeTruthy();
  const res = await fetch(`${server.url}/api/trace?siteId=${id}&releaseKg=1000`);
  expect(res.status).toBe(200);
  return (await res.json()) as Trace;
}
const riverNames = (t: Trace) => t.rivers.map((r) => r.name);
const mainOutlet = (t: Trace) => t.outlets.find((o) => o.main)?.name;

describe('traces from registered sites on supplement rivers', () => {
  it('Mailuu-Suu tailings: Mailuu-Suu → Kara Darya → the Syr Darya system → Aral Sea', async () => {
    // The Mailuu-Suu drains to the Kara Darya, which joins the Naryn to form the Syr Darya (Wikipedia).
    const t = await fromSite('Mailuu-Suu uranium tailings');
    expect(riverNames(t).slice(0, 2)).toEqual(['Mailuu-Suu', 'Kara Darya']);
    expect(mainOutlet(t)).toBe('Aral Sea');
  });

  it('Aurul pond at Bozânta: Lăpuș → Someș (the 2000 cyanide spill route) → Black Sea', async () => {
    // UNEP/OCHA 2000: the spill went Lăpuș → Someș → Tisza → Danube.
    const t = await fromSite('Aurul tailings pond');
    expect(riverNames(t)[0]).toBe('Lăpuș');
    expect(riverNames(t)[1]).toMatch(/Some/);
    expect(riverNames(t).some((n) => /^Tis[az]/.test(n ?? ''))).toBe(true);
    expect(mainOutlet(t)).toBe('Black Sea');
  });

  it('Valea Șesei (Roșia Poieni): Arieș → Mureș, not the Crișul Alb', async () => {
    // Roșia Poieni drains by Valea Șesei to the Arieș, a tributary of the Mureș (Wikipedia "Arieș").
    const t = await fromSite('Valea Șesei');
    expect(riverNames(t).slice(0, 2)).toEqual(['Arieș', 'Mureș']); // the reviewed name (data/river-names.json)
  });

  it('Maxam-Chirchiq: Chirchik → Syr Darya, with the Chirchik discharge point used', async () => {
    const t = await fromSite('Maxam-Chirchiq');
    expect(riverNames(t).slice(0, 2)).toEqual(['Chirchik', 'Syr Darya']);
    // data/discharge.json: Chirchik at Chinaz 220 m³/s (CAWater).
    expect(t.release.discharge.some((d) => !d.default && d.river === 'Chirchik')).toBe(true);
  });

  it('Almalyk and Tajik Azot: Akhangaran → Syr Darya; Vakhsh → Amu Darya system → Aral Sea', async () => {
    expect(riverNames(await fromSite('Almalyk MMC')).slice(0, 2)).toEqual(['Akhangaran', 'Syr Darya']);
    const vakhsh = await fromSite('Tajik Azot');
    expect(riverNames(vakhsh)[0]).toBe('Vakhsh');
    expect(riverNames(vakhsh)).toContain('Amu Darya');
    expect(mainOutlet(vakhsh)).toBe('Aral Sea');
  });
});

describe('GET /api/network/stats', () => {
  it('reports the source and every reviewed supplement join', async () => {
    const stats = (await (await fetch(`${server.url}/api/network/stats`)).json()) as {
      networkSource: string;
      supplements: string[];
    };
    expect(stats.networkSource).toBe('naturalearth');
    expect(stats.supplements).toHaveLength(10);
    expect(stats.supplements.every((s) => s.startsWith('✓ '))).toBe(true);
  });
});
