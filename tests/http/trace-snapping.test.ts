// GET /api/trace: catchment-aware snapping, terminal lakes, the main outlet at the end of the main path,
// and strict numbers in the query (no hex, no overflow, a hint for a decimal comma).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

interface Trace {
  lengthKm: number;
  snap: { river: string | null; connection: { kind: string; distanceKm: number; via: string | null } };
  outlets: { name: string; kind: string; km: number; main: boolean; river: string | null }[];
  countries: { iso3: string }[];
  warnings: { code: string; message: string }[];
  error?: { code: string; message: string };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

const get = async (query: string) => {
  const res = await fetch(`${server.url}/api/trace?${query}`);
  return { status: res.status, body: (await res.json()) as Trace };
};

describe('GET /api/trace snapping', () => {
  it('answers a point in Issyk-Kul with the lake as its outlet, also with a wide snap cap', async () => {
    // Issyk-Kul is endorheic (Britannica, "Issyk-Kul"); 77.3 E 42.4 N is open water, Kyrgyzstan.
    for (const cap of ['', '&snapMaxKm=200']) {
      const { status, body } = await get(`lon=77.3&lat=42.4${cap}`);
      expect(status).toBe(200);
      expect(body.outlets).toEqual([
        expect.objectContaining({ name: 'Issyk-Kul', kind: 'terminal_lake', km: 0, main: true }),
      ]);
      expect(body.countries.map((c) => c.iso3)).toEqual(['KGZ']);
      expect(body.snap.connection).toMatchObject({ kind: 'network', distanceKm: 0, via: 'Issyk-Kul' });
    }
  });

  it('says there is no river path to time for a release into Issyk-Kul', async () => {
    const { status, body } = await get('lon=77.3&lat=42.4&releaseKg=1000');
    expect(status).toBe(200);
    expect(body.warnings.map((w) => w.code)).toEqual(['NO_RIVER_PATH']);
  });

  it('traces a point in the Chrudimka valley to the North Sea (Elbe), not the Black Sea (Danube)', async () => {
    // The Chrudimka flows through Hlinsko to the Elbe at Pardubice; the Svratka, nearer in Natural
    // Earth, rises beyond the Elbe–Danube divide (Wikipedia, "Chrudimka", "Svratka").
    const { status, body } = await get('lon=15.77&lat=49.81');
    expect(status).toBe(200);
    expect(body.outlets.find((o) => o.main)?.name).toBe('North Sea');
    expect(body.countries.map((c) => c.iso3)).toEqual(['CZE', 'DEU']);
    expect(body.warnings.map((w) => w.code)).toEqual(['OWN_RIVER_MISSING']);
  });

  it('warns when the river asked for lies beyond the divide (the Naryn from Kadji-Say)', async () => {
    const { status, body } = await get('lon=77.16&lat=42.14&river=Naryn&snapMaxKm=100');
    expect(status).toBe(200);
    expect(body.snap.river).toBe('Naryn');
    expect(body.snap.connection.kind).toBe('assumed');
    expect(body.warnings.map((w) => w.code)).toEqual(['CROSSED_DIVIDE', 'OWN_RIVER_MISSING']);
  });

  it('puts the main outlet at the end of the main path (Sava at Zagreb, down the Chilia arm)', async () => {
    // The shortest route to the Chilia arm's mouth node ran down a parallel arm (km 1,682 against a
    // main path of 1,741 km); the main outlet now carries the main path's length and arm.
    const { body } = await get('lon=15.98&lat=45.80');
    const main = body.outlets.find((o) => o.main)!;
    expect(main.km).toBe(body.lengthKm);
    expect(main.name).toBe('Black Sea');
  });

  it.each([
    ['lon=0x10&lat=48.21', /lon must be a number/],
    ['lon=16.37&lat=1e400', /lat must be a number: the number is too large/],
    ['lon=Infinity&lat=48.21', /lon must be a number/],
    ['lon=%2016&lat=48.21', /lon must be a number/],
    ['lon=16.37&lat=48.21&maxKm=0x10', /maxKm must be a number/],
    ['lon=16.37&lat=48.21&releaseKg=1e3%20', /releaseKg must be a number/],
  ])('rejects a non-decimal number: %s', async (query, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('INVALID_QUERY');
    expect(body.error?.message).toMatch(message);
  });

  it('hints at the decimal point for a decimal comma', async () => {
    const { status, body } = await get('lon=16,37&lat=48,21');
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(/lon must be a number: use a decimal point, not a comma \(16\.37\)/);
  });

  it('still reads plain decimals with a sign or an exponent', async () => {
    expect((await get('lon=%2B16.37&lat=4.821e1')).status).toBe(200);
  });
});
