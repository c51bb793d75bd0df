// River names along real traces (GET /api/trace on the real database): reviewed names where Natural
// Earth is unnamed, misnamed or carries a name past a confluence; delta arms on the outlets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TileSource } from '../../server/basemap/tile-source.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

interface River {
  name: string | null;
  nameLocal: string | null;
  nameRu: string | null;
  nameSource: string;
  fromKm: number;
  toKm: number;
}
interface Trace {
  snap: { river: string | null };
  lengthKm: number;
  rivers: River[];
  outlets: { name: string; kind: string; river: string | null; arm: string | null; main: boolean }[];
  path: {
    features: {
      properties: { river: string | null; branch: string; kmFromStart: number };
      geometry: { coordinates: number[][] };
    }[];
  };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

const trace = async (lon: number, lat: number, extra = ''): Promise<Trace> => {
  const res = await fetch(`${server.url}/api/trace?lon=${lon}&lat=${lat}${extra}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Trace;
};
const names = (t: Trace) => t.rivers.map((r) => r.name);

/** Path features and rivers[] agree: every main piece carries the rivers[] entry it lies in. */
function expectConsistent(t: Trace): void {
  for (const f of t.path.features.filter((x) => x.properties.branch === 'main')) {
    const km = f.properties.kmFromStart + 1e-6;
    const entry = t.rivers.find((r) => km >= r.fromKm && km < r.toKm) ?? t.rivers.at(-1)!;
    expect(f.properties.river).toBe(entry.name);
  }
  expect(t.snap.river).toBe(t.rivers[0]!.name);
  const main = t.outlets.find((o) => o.main);
  if (main) expect(main.river).toBe(t.rivers.at(-1)!.name);
}

describe('river names along real traces', () => {
  it('Baia Mare (Săsar → Someș): Someș, Tisza, Danube — not "Somesul Cald" through Hungary', async () => {
    // The 2000 cyanide spill went Săsar/Lăpuș → Someș → Tisza (entered at Vásárosnamény) → Danube
    // (ICPDR / UNEP-OCHA 'Cyanide spill at Baia Mare, Romania', March 2000). Natural Earth lacks the Săsar
    // and the Lăpuș; the reviewed network supplement adds both (data/network-supplement.geojson).
    const t = await trace(23.58, 47.66);
    expect(names(t).slice(0, 5)).toEqual(['Săsar', 'Lăpuș', 'Someș', 'Tisza', 'Danube']);
    const tisza = t.rivers[3]!;
    expect(tisza).toMatchObject({ nameRu: 'Тиса', nameSource: 'reviewed' });
    expect(tisza.nameLocal).toContain('Tisa');
    // The Tisza is ~595 km from Vásárosnamény to Titel at this scale (966 km in all, ICPDR).
    expect(tisza.toKm - tisza.fromKm).toBeGreaterThan(450);
    expect(names(t)).not.toContain(null);
    expect(names(t).some((n) => /Somesul|unnamed/i.test(n ?? ''))).toBe(false);
    expectConsistent(t);
  });

  it('Naryn → Syr Darya at the Kara Darya confluence near Uchkurgan/Namangan (~71.75°E)', async () => {
    // "The Syr Darya is formed by the confluence of the Naryn and the Kara Darya in the Fergana Valley",
    // at 40°54′N 71°45′E (Wikipedia 'Naryn (river)', 'Syr Darya').
    const t = await trace(76.0, 41.43);
    expect(names(t)).toEqual(['Naryn', 'Syr Darya']);
    const first = t.path.features.find(
      (f) => f.properties.branch === 'main' && f.properties.river === 'Syr Darya',
    )!;
    const [lon] = first.geometry.coordinates[0]!;
    expect(lon).toBeGreaterThan(71.6);
    expect(lon).toBeLessThan(71.8);
    expect(t.rivers[1]).toMatchObject({ nameRu: 'Сырдарья' });
    expectConsistent(t);
  });

  it('the Vardar/Axios below Skopje is the Vardar, not "Treska"', async () => {
    // The Treska flows into the Vardar at Skopje; the Vardar (Axios in Greece) reaches the Thermaic Gulf
    // of the Aegean (Wikipedia 'Vardar', 'Treska'). Veles lies on the Vardar.
    const veles = await trace(21.78, 41.72);
    expect(names(veles)).toEqual(['Vardar']);
    expect(veles.rivers[0]!.nameLocal).toContain('Αξιός');
    expect(veles.outlets.find((o) => o.main)).toMatchObject({ name: 'Aegean Sea', river: 'Vardar' });
    // Above Skopje the same Natural Earth line is the Treska.
    const kicevo = await trace(20.97, 41.45);
    expect(names(kicevo).slice(0, 2)).toEqual(['Treska', 'Vardar']);
    expectConsistent(kicevo);
  });

  it('the Timok below Zaječar is the Timok, not "Beli Timok"', async () => {
    // The Beli and Crni Timok meet at Zaječar to form the Timok, which joins the Danube at the
    // Serbia–Bulgaria–Romania tripoint (Wikipedia 'Timok').
    const t = await trace(22.36, 43.6);
    expect(names(t).slice(0, 3)).toEqual(['Beli Timok', 'Timok', 'Danube']);
    const timok = t.rivers[1]!;
    expect(timok.nameSource).toBe('reviewed');
    // Zaječar to the Danube is ≈ 50 km (Timok 202 km with the Beli Timok; Wikipedia).
    expect(timok.toKm - timok.fromKm).toBeGreaterThan(35);
    expect(timok.toKm - timok.fromKm).toBeLessThan(70);
  });

  it('outlets name the Danube Delta arms; the Tulcea arm is not called "Bratul Chillia"', async () => {
    // At Ceatal Izmail the Danube divides into the Chilia and Tulcea arms; the Tulcea arm divides into
    // the Sulina and Sfântu Gheorghe arms (ICPDR 'Danube Delta'). Galați is on the Danube above the delta.
    const t = await trace(28.05, 45.43);
    const arms = t.outlets.map((o) => `${o.name} (${o.arm})`).sort();
    expect(arms).toEqual([
      'Black Sea (Chilia arm)',
      'Black Sea (Sfântu Gheorghe arm)',
      'Black Sea (Sulina arm)',
    ]);
    const rivers = new Set(t.path.features.map((f) => f.properties.river));
    expect(rivers).toContain('Tulcea arm');
    expect([...rivers].some((n) => /Bratul/.test(n ?? ''))).toBe(false);
  });

  it('Lake Geneva reads Rhône, not the mojibake "Rhne"', async () => {
    // The Rhône flows through Lake Geneva (Wikipedia 'Rhône'); Natural Earth spells that stretch "Rhne".
    const t = await trace(7.36, 46.23); // Sion, Valais
    expect(names(t)[0]).toBe('Rhône');
    expect(names(t)).not.toContain('Rhne');
    expect(t.outlets.find((o) => o.main)?.name).toMatch(/Mediterranean|Lion/);
  });

  it('the Zeravshan ends inland, not in the Aral Sea', async () => {
    // The Zeravshan's water is used up in the Samarkand and Bukhara oases; it ends in the desert near
    // Karakul without reaching the Amu Darya (Wikipedia 'Zarafshan River'). Samarkand lies on it.
    const t = await trace(66.9, 39.65);
    expect(names(t)).toEqual(['Zeravshan']);
    expect(t.rivers[0]).toMatchObject({ nameRu: 'Зеравшан', nameSource: 'reviewed' });
    expect(t.outlets).toHaveLength(1);
    expect(t.outlets[0]).toMatchObject({ kind: 'inland_sink', name: 'Inland end of the Zeravshan' });
  });

  it('map tiles label rivers with the same names, without "tributary of" labels', () => {
    const tiles = new TileSource(server.services.db);
    // z6 tile 35/22 covers the Great Hungarian Plain (≈ 17–22°E, 45–48.9°N), where the Tisza flows.
    const rivers = tiles.getTile(6, 35, 22).rivers;
    const names = new Set((rivers?.features ?? []).map((f) => (f.tags as { name: string | null }).name));
    expect(names).toContain('Tisza');
    expect(names).toContain('Danube');
    expect([...names].some((n) => n?.startsWith('tributary of'))).toBe(false);
  });
});
