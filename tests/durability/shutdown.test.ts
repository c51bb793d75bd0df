// Graceful shutdown of `npm start` (server/boot/main.ts) on SIGTERM: a request in flight completes, new
// connections are refused, the database is closed (WAL folded back, server lock released) and the exit code is 0.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverLockHeld } from '../../server/storage/server-lock.js';
import { authHeaders, createToken } from '../support/auth.js';
import { copyOfBuiltDb, ROOT } from '../support/database.js';

const dbPath = copyOfBuiltDb();
let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
});

/** Starts the server as `npm start` does and resolves with its URL once it listens. */
function startServerProcess(): Promise<{
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/boot/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HAZATLAS_DB: dbPath, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)\//);
      if (m?.[1]) resolve({ url: m[1], output: () => out, exited });
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

describe('SIGTERM', () => {
  it('finishes the request in flight, closes the database and exits 0', async () => {
    const server = await startServerProcess();
    expect(serverLockHeld(dbPath)).toBe(true);
    // A WAL-mode connection keeps a -wal file while open; only a clean close of the last one removes it.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(true);
    expect((await fetch(`${server.url}/api/basins`)).status).toBe(200);

    // A request whose body is still arriving when the signal comes is surely in flight: the server
    // cannot answer before the rest of the body, sent only after SIGTERM.
    const body = JSON.stringify({
      geometry: { type: 'Point', coordinates: [28.0, 45.2] },
      developmentType: 'housing',
    });
    const half = Math.floor(body.length / 2);
    const req = http.request(`${server.url}/api/planning/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, half));
    await new Promise((r) => setTimeout(r, 150));
    child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    req.end(body.slice(half));
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toHaveProperty('verdict');

    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: finishing requests[\s\S]*Database closed\./);
    expect(serverLockHeld(dbPath)).toBe(false);
    // The last connection closed cleanly: SQLite folded the WAL into the file and deleted it.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    await expect(fetch(`${server.url}/api/basins`)).rejects.toThrow();
  }, 60_000);

  it('answers every request already sent when SIGTERM comes, even those queued behind an import', async () => {
    const token = createToken(dbPath, 'editor');
    const server = await startServerProcess();
    // An inline-sized dry-run import (under the worker threshold) keeps the event loop busy while
    // 40 more connections queue up behind it, each with a request already sent.
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `Queued ${i},industrial,${(20 + (i % 100) / 100).toFixed(2)},45.1`,
    );
    const csv = `name,kind,lon,lat\n${rows.join('\n')}\n`;
    // Each resolves `sent` once its request is fully written, and `answered` with the status.
    const send = (p: string, method = 'GET', body?: string) => {
      let markSent: () => void = () => undefined;
      const sent = new Promise<void>((r) => {
        markSent = r;
      });
      const answered = new Promise<number>((resolve, reject) => {
        const req = http.request(`${server.url}${p}`, {
          method,
          agent: false,
          headers: body ? { ...authHeaders(token), 'content-type': 'text/csv' } : {},
        });
        req.on('finish', markSent);
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
      return { sent, answered };
    };
    const all = [send('/api/sites/import?format=csv&dryRun=true', 'POST', csv)];
    for (let i = 0; i < 40; i++) all.push(send(i % 2 ? '/api/basins' : '/api/network/stats'));
    await Promise.all(all.map((a) => a.sent));
    child?.kill('SIGTERM');
    const statuses = await Promise.all(all.map((a) => a.answered));
    expect(statuses).toEqual(Array(41).fill(200));
    expect(await server.exited).toBe(0);
  }, 120_000);
});
