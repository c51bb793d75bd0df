// The fast path (server/http/fast-path.ts) answers repeated anonymous trace and site-list reads with
// exactly the bytes and headers the normal path sends, and stops as soon as the register changes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/boot/app.js';
import { type FastPath, HITS_PER_TURN } from '../../server/http/fast-path.js';
import { createLogger } from '../../server/log.js';
import { createServices, type Services } from '../../server/runtime/services.js';
import { openDb } from '../../server/storage/db.js';
import { fieldsOf } from '../../server/storage/site-history.js';
import { getSite, insertSites } from '../../server/storage/site-store.js';
import { aurul, kalush } from '../fixtures/site-bodies.js';
import { authHeaders, createToken } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';

const logLines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n')) if (l.trim()) logLines.push(JSON.parse(l));
    done();
  },
});

let services: Services;
let dbPath = '';
let fastUrl = '';
let plainUrl = '';
let fast: FastPath;
let auth: Record<string, string> = {};
const servers: http.Server[] = [];

async function listen(app: ReturnType<typeof createApp>): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise<void>((r) => server.once('listening', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dbPath = copyOfBuiltDb();
  auth = authHeaders(createToken(dbPath, 'editor'));
  services = createServices({ dbPath });
  const logger = createLogger({ level: 'info', destination: sink });
  // Two apps on the same services and database: one with the fast path, one without.
  const withFast = createApp(services, { logger });
  fast = withFast.locals.fastPath as FastPath;
  fastUrl = await listen(withFast);
  plainUrl = await listen(createApp(services, { logger, fastPath: false }));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  services?.close();
});

interface Raw {
  status: number;
  /** Name/value pairs as sent, in order, without Date (the clock may tick between two requests). */
  headers: string[];
  body: Buffer;
}
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { 'x-request-id': 'same-id', ...headers }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const pairs: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            if (res.rawHeaders[i]?.toLowerCase() !== 'date')
              pairs.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
          resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

/** Asks both servers twice (the fast one answers the second from kept bytes) and compares them all. */
async function expectIdentical(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  const hits = fast.answers.hits;
  const plain = await get(plainUrl, path, headers);
  const first = await get(fastUrl, path, headers);
  const second = await get(fastUrl, path, headers);
  expect(fast.answers.hits, `second ${path} served from the fast path`).toBe(hits + 1);
  for (const r of [first, second]) {
    expect(r.status).toBe(plain.status);
    expect(r.headers).toEqual(plain.headers);
    expect(r.body.equals(plain.body), `${path} body`).toBe(true);
  }
  return second;
}

const VIENNA = '/api/trace?lon=16.37&lat=48.21';
// The Danube basin box of bench/load.ts, with filters.
const BBOX = '/api/sites?bbox=20,44,30,49&kind=tmf&status=operating&sort=name&limit=100';

describe('fast path answers', () => {
  it('are byte-identical to the normal path: traces in every geometry and encoding, site lists', async () => {
    const encodings: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'gzip' },
      { 'accept-encoding': 'gzip, deflate, br' },
    ];
    for (const encoding of encodings) {
      await expectIdentical(VIENNA, encoding);
      await expectIdentical(`${VIENNA}&geometry=none`, encoding);
      await expectIdentical(`${VIENNA}&geometry=simplified&releaseKg=10000`, encoding);
      await expectIdentical(BBOX, encoding);
      await expectIdentical('/api/sites', encoding);
    }
    // The Vienna trace runs down the Danube to the Black Sea (Natural Earth; docs/guide/trace-and-release.md).
    const vienna = JSON.parse((await get(fastUrl, VIENNA)).body.toString()) as { outlet?: { name?: string } };
    expect(JSON.stringify(vienna)).toContain('Danube');
  });

  it('answer a burst larger than one turn allows, each one whole (the rest wait for the next turns)', async () => {
    const plain = await get(plainUrl, `${VIENNA}&geometry=none`);
    await get(fastUrl, `${VIENNA}&geometry=none`);
    const hits = fast.answers.hits;
    const burst = await Promise.all(
      Array.from({ length: 3 * HITS_PER_TURN }, () => get(fastUrl, `${VIENNA}&geometry=none`)),
    );
    expect(fast.answers.hits).toBe(hits + 3 * HITS_PER_TURN);
    for (const r of burst) expect(r.body.equals(plain.body)).toBe(true);
  });

  it('log one request line like the normal path', async () => {
    await get(fastUrl, `${VIENNA}&geometry=none&maxKm=300`, { 'x-request-id': 'log-miss' });
    await get(fastUrl, `${VIENNA}&geometry=none&maxKm=300`, { 'x-request-id': 'log-hit' });
    await new Promise((r) => setTimeout(r, 20));
    const line = (id: string) => {
      const l = logLines.find((x) => x.reqId === id) as Record<string, unknown>;
      const { ms, time, ...rest } = l;
      expect(typeof ms).toBe('number');
      return { ...rest, reqId: 'x' };
    };
    expect(line('log-hit')).toEqual(line('log-miss'));
  });

  it('are not used for credentials, no-cache, conditional requests or notifications', async () => {
    await get(fastUrl, BBOX);
    const hits = fast.answers.hits;
    await get(fastUrl, BBOX, auth);
    await get(fastUrl, BBOX, { 'cache-control': 'no-cache' });
    await get(fastUrl, BBOX, { 'if-none-match': 'W/"nothing"' });
    const released = `${VIENNA}&releaseKg=1000&releasedAt=2026-03-01T06:30:00Z`;
    await get(fastUrl, released);
    await get(fastUrl, released);
    expect(fast.answers.hits).toBe(hits);
  });
});

describe('kept answers follow the register', () => {
  // The list's default order: name, ASCII case-insensitive (SQLite NOCASE).
  const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1);
  const json = (r: Raw) => JSON.parse(r.body.toString()) as { total: number; items: { name: string }[] };

  it('a site created, edited or deleted, by the API or another connection, shows at once', async () => {
    const box = '/api/sites?bbox=23,47,24,48&sort=name';
    const names = (r: Raw) => json(r).items.map((s) => s.name);
    // Whatever the build seeded around Baia Mare stays listed throughout.
    const seeded = names(await expectIdentical(box));
    // The Aurul tailings pond at Baia Mare (23.53° E, 47.66° N).
    const created = await fetch(`${fastUrl}/api/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ ...aurul, name: 'Aurul pond (test)' }),
    });
    expect(created.status).toBe(201);
    const site = (await created.json()) as { id: string; version: number };
    expect(names(await expectIdentical(box))).toEqual([...seeded, 'Aurul pond (test)'].sort(byName));

    const edited = await fetch(`${fastUrl}/api/sites/${site.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ version: site.version, name: 'Aurul pond (renamed)' }),
    });
    expect(edited.status).toBe(200);
    expect(names(await expectIdentical(box))).toEqual([...seeded, 'Aurul pond (renamed)'].sort(byName));

    // The jobs worker and the CLI write through their own connections.
    const other = openDb(dbPath);
    try {
      const record = getSite(other, site.id);
      if (!record) throw new Error('site missing');
      insertSites(other, services.hydrology, [
        { ...fieldsOf(record), name: 'Written by another connection', location: { lon: 23.6, lat: 47.7 } },
      ]);
    } finally {
      other.close();
    }
    expect(json(await expectIdentical(box)).total).toBe(seeded.length + 2);

    const v = ((await (await fetch(`${fastUrl}/api/sites/${site.id}`)).json()) as { version: number })
      .version;
    const deleted = await fetch(`${fastUrl}/api/sites/${site.id}?version=${v}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(deleted.status).toBe(204);
    expect(names(await expectIdentical(box))).toEqual(
      [...seeded, 'Written by another connection'].sort(byName),
    );
  });

  it("a site's trace follows the site when it moves to another river", async () => {
    const created = await fetch(`${fastUrl}/api/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ ...aurul, name: 'Moving site' }),
    });
    const site = (await created.json()) as { id: string; version: number };
    const path = `/api/trace?siteId=${site.id}&geometry=none`;
    const before = (await expectIdentical(path)).body.toString();
    // Baia Mare drains by the Săsar and Someș to the Tisza and the Danube (Black Sea).
    expect(before).toContain('Tisza');
    const moved = await fetch(`${fastUrl}/api/sites/${site.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ version: site.version, location: kalush.location }),
    });
    expect(moved.status).toBe(200);
    const after = (await expectIdentical(path)).body.toString();
    // Kalush lies in the Dniester basin (Sivka → Dniester → Black Sea), not on the Tisza.
    expect(after).toContain('Dniester');
    expect(after).not.toContain('Tisza');
  });
});
