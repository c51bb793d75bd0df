// The jobs worker's life: `npm start` starts it at start-up (not on the first heavy request), a worker
// that dies is restarted and reported, and a SIGTERM lets the job it is running finish before it stops.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../server/runtime/job-runner.js';
import type { PoolEvent } from '../../server/workers/pool.js';
import { authHeaders, createToken } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { listening, type ServerProcess, spawnServer } from '../support/server-process.js';

const dbPath = copyOfBuiltDb();
const children: ServerProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts the jobs worker before any heavy request, and SIGTERM lets a running import finish', async () => {
    const s = spawnServer(dbPath, { HAZATLAS_LOG_LEVEL: 'info' });
    children.push(s);
    const url = await listening(s);
    // No request has been made yet: the worker was started by start-up itself.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (/Jobs worker started/.test(s.output())) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
    });
    const token = createToken(dbPath, 'editor');
    // A dry run of 20,000 rows (> the 256 KB inline threshold) on the worker; SIGTERM while it runs.
    // Ruse, Bulgaria, 43.85 N 25.97 E on the Danube: valid rows spread around it.
    const csv = `name,kind,lon,lat\n${Array.from(
      { length: 20_000 },
      (_, i) =>
        `Plant ${i},industrial,${(25.5 + (i % 100) * 0.01).toFixed(2)},${(43.6 + Math.floor(i / 100) * 0.002).toFixed(3)}`,
    ).join('\n')}\n`;
    const answer = fetch(`${url}/api/sites/import?format=csv&dryRun=true`, {
      method: 'POST',
      headers: { ...authHeaders(token), 'content-type': 'text/csv' },
      body: csv,
    });
    await new Promise((r) => setTimeout(r, 300));
    s.proc.kill('SIGTERM');
    const res = await answer;
    expect(res.status).toBe(200);
    const report = (await res.json()) as { accepted: number; rejected: number };
    expect(report.accepted + report.rejected).toBe(20_000);
    expect(await s.exited).toBe(0);
  }, 180_000);
});

describe('a jobs worker that dies', () => {
  it('is reported and restarted (here: its heap is too small to load the services, so it dies each time)', async () => {
    const events: PoolEvent[] = [];
    // The inline runner is never used here: every job goes to the worker.
    const runner = new JobRunner(dbPath, () => Promise.reject(new Error('only offloaded jobs here')), 16);
    await new Promise<void>((resolve) => {
      runner.start((e) => {
        events.push(e);
        if (events.filter((x) => x.kind === 'died').length >= 2) resolve();
      });
    });
    await runner.close();
    const kinds = events.map((e) => e.kind);
    // started → died → restarting → started → died: each death is followed by a new thread.
    expect(kinds.slice(0, 5)).toEqual(['started', 'died', 'restarting', 'started', 'died']);
    const died = events.find((e) => e.kind === 'died');
    expect(died && died.kind === 'died' && died.reason).toMatch(/memory|exit/i);
    const backoff = events
      .filter((e) => e.kind === 'restarting')
      .map((e) => e.kind === 'restarting' && e.delayMs);
    // The back-off doubles while the worker keeps dying.
    expect(backoff[1]).toBe((backoff[0] as number) * 2);
    expect(runner.threadIds).toEqual([]);
  }, 60_000);
});
