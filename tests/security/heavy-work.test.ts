// Finding 5 of the second security probe on the real server: large planning reviews, imports, exports
// and reports run on the jobs worker thread (the event loop keeps answering), with a bounded queue
// (503 + Retry-After), capped error reports, a row cap (413), a vertex cap (400) and a per-client limit
// on heavy routes (429). Same answers as inline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planningReview } from '../../server/app/planning.js';
import { DEFAULT_OFFLOAD, JOB_QUEUE } from '../../server/runtime/job-runner.js';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { ajka, aurul, kalush } from '../fixtures/site-bodies.js';
import { type AppServer, listenApp } from '../support/app-server.js';

let env: RegisterEnv;
let offloading: AppServer;
let inline: AppServer;
let limited: AppServer;
const ALWAYS = { reviewPositions: 0, importBytes: 0, exportSites: 0, reports: true };
const NEVER = { reviewPositions: 1e9, importBytes: 1e12, exportSites: 1e9, reports: false };

beforeAll(async () => {
  env = await openRegisterEnv();
  offloading = await listenApp(env.services, {
    offload: ALWAYS,
    heavyPerMinute: 10_000,
    trustProxy: 'loopback',
  });
  inline = await listenApp(env.services, { offload: NEVER, heavyPerMinute: 10_000 });
  limited = await listenApp(env.services, {
    offload: DEFAULT_OFFLOAD,
    heavyPerMinute: 3,
    trustProxy: 'loopback',
  });
  for (const body of [aurul, ajka, kalush]) {
    const res = await fetch(`${inline.api}/sites`, {
      method: 'POST',
      headers: { ...env.auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  for (const a of [offloading, inline, limited]) await a?.close();
  await env?.close();
});

/** A circle of `n` vertices (closed), radius ≈ 2 km, around Ruse, Bulgaria (43.85 N, 25.97 E) on the Danube. */
function circle(n: number) {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [25.97 + 0.025 * Math.cos(a), 43.85 + 0.018 * Math.sin(a)];
  });
  ring.push(ring[0] as number[]);
  return { type: 'Polygon' as const, coordinates: [ring] };
}

const review = (base: string, geometry: unknown) =>
  fetch(`${base}/planning/review`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ geometry, developmentType: 'housing' }),
  });

describe('the jobs queue', () => {
  it(`is bounded: of ${JOB_QUEUE + 4} exports at once, ${JOB_QUEUE + 1} run and the rest get 503 + Retry-After`, async () => {
    // The worker takes seconds to load its services, so all requests are queued before the first runs.
    const answers = await Promise.all(
      Array.from({ length: JOB_QUEUE + 4 }, () => fetch(`${offloading.api}/sites/export?format=csv`)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(JOB_QUEUE + 1);
    const busy = answers.filter((r) => r.status === 503);
    expect(busy).toHaveLength(3);
    expect(busy.every((r) => Number(r.headers.get('retry-after')) > 0)).toBe(true);
  }, 120_000);
});

describe('work on the jobs worker', () => {
  it('a 4,000-vertex review runs off the event loop: a cheap request answers first, and the result is the inline one', async () => {
    const before = env.services.jobs.stats?.done ?? 0;
    const geometry = circle(4000);
    const order: string[] = [];
    const slow = review(offloading.api, geometry).then((r) => {
      order.push('review');
      return r;
    });
    const quick = fetch(`${offloading.api}/network/stats`).then((r) => {
      order.push('stats');
      return r;
    });
    const [res, stats] = await Promise.all([slow, quick]);
    expect(stats.status).toBe(200);
    expect(res.status).toBe(200);
    expect(order).toEqual(['stats', 'review']);
    expect((env.services.jobs.stats?.done ?? 0) - before).toBe(1);
    const body = (await res.json()) as { verdict: unknown };
    const direct = await planningReview(env.services, { geometry, developmentType: 'housing', name: null });
    expect(body.verdict).toEqual(JSON.parse(JSON.stringify(direct.verdict)));
  }, 120_000);

  it('a geometry over the vertex cap is a 400 that names the cap', async () => {
    const res = await review(inline.api, circle(5001));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/5000/);
  });

  it('an export on the worker is byte for byte the inline export', async () => {
    const [a, b] = await Promise.all([
      fetch(`${offloading.api}/sites/export?format=geojson`).then((r) => r.text()),
      fetch(`${inline.api}/sites/export?format=geojson`).then((r) => r.text()),
    ]);
    expect(a).toBe(b);
    expect(a).toContain('Kalush');
  }, 120_000);

  it('an import report lists the first 1000 errors and counts them all', async () => {
    // 1,500 rows at longitude 999: out of WGS84's −180…180 range, so every row is an error.
    const csv = `name,kind,lon,lat\n${Array.from({ length: 1500 }, (_, i) => `Bad ${i},industrial,999,45`).join('\n')}\n`;
    const res = await fetch(`${offloading.api}/sites/import?format=csv&dryRun=true`, {
      method: 'POST',
      headers: { ...env.auth, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { errors: unknown[]; errorCount: number; truncated: boolean };
    expect(report.errors).toHaveLength(1000);
    expect(report.errorCount).toBeGreaterThanOrEqual(1500);
    expect(report.truncated).toBe(true);
  }, 120_000);

  it('a file over the row cap is a 413 before anything is validated', async () => {
    const csv = `name,kind,lon,lat\n${Array.from({ length: 100_001 }, (_, i) => `R${i},industrial,25,45`).join('\n')}\n`;
    const res = await fetch(`${offloading.api}/receptors/import?format=csv&dryRun=true`, {
      method: 'POST',
      headers: { ...env.auth, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_ROWS');
  }, 120_000);
});

describe('per-client limit on heavy routes', () => {
  it('the 4th heavy request in a minute from one client is a 429 with Retry-After; another client goes on', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i++)
      expect(
        (await fetch(`${limited.api}/sites/export?format=csv`, { headers: from('192.0.2.1') })).status,
      ).toBe(200);
    const fourth = await fetch(`${limited.api}/sites/export?format=csv`, { headers: from('192.0.2.1') });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    // The window is shared by all heavy routes (the review comes from 127.0.0.1, a third client).
    expect((await review(limited.api, circle(10))).status).toBe(200);
    expect(
      (await fetch(`${limited.api}/sites/export?format=csv`, { headers: from('192.0.2.2') })).status,
    ).toBe(200);
  });
});
