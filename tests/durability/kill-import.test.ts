// Fault test: a child importing 5,000 sites is killed with SIGKILL at seeded random moments (while it
// starts, parses, and inside the import transaction). After each kill the database passes integrity_check
// and holds all of that import or none of it, with the R-tree and derived tables agreeing with `sites`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfBuiltDb, ROOT } from '../support/database.js';

const SITES_PER_IMPORT = 5000;
/** Kills that must land; runs that finish before their kill time count as extra complete imports. */
const KILLS = 20;
const MAX_RUNS = 32;
const SEED = 20261122;

/** mulberry32: small seeded PRNG so a failing run can be replayed exactly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dbPath = copyOfBuiltDb();
const dir = path.dirname(dbPath);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A CSV of generated sites on land in the Danube basin, names tagged with the run so runs never collide. */
function importFile(run: number, random: () => number): string {
  const lines = [
    'name,kind,sector,status,lon,lat,sources,substance_name,substance_cas,substance_quantity_t,substance_wgk',
  ];
  for (let i = 0; i < SITES_PER_IMPORT; i += 1) {
    const lon = (15 + random() * 10).toFixed(5);
    const lat = (44.5 + random() * 4).toFixed(5);
    lines.push(
      `Fault r${run} site ${i},hazardous_activity,chemical,operating,${lon},${lat},Generated fault-test row,Chlorine,7782-50-5,${1 + Math.floor(random() * 99)},2`,
    );
  }
  const file = path.join(dir, `run-${run}.csv`);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

interface ChildRun {
  killed: boolean;
  /** Milliseconds from the 'importing' marker to exit (or to the kill); null if killed before it. */
  inImportMs: number | null;
  phase: 'startup' | 'import' | 'committed';
}

/** Runs the import child; kills it `killAfterMs` after spawn, or after the 'importing' marker. */
function runChild(
  file: string,
  kill: { from: 'spawn' | 'import'; afterMs: number } | null,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'tests/durability/import-child.ts'), dbPath, file],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let importAt: number | null = null;
    let phase: ChildRun['phase'] = 'startup';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      if (kill) timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    };
    if (kill?.from === 'spawn') arm();
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (importAt === null && out.includes('importing\n')) {
        importAt = performance.now();
        phase = 'import';
        if (kill?.from === 'import') arm();
      }
      if (out.includes('committed')) phase = 'committed';
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) {
        reject(new Error(`import child failed (${code}): ${err}`));
        return;
      }
      resolve({
        killed: signal === 'SIGKILL',
        inImportMs: importAt === null ? null : performance.now() - importAt,
        phase,
      });
    });
  });
}

interface DbState {
  integrity: string;
  sites: number;
  rtree: number;
  derived: number;
  /** Rows of the audit trail (site_history), or 0 in a database without one. */
  history: number;
  ofRun(run: number): number;
}

function inspect(): DbState {
  // Opening read-write lets SQLite recover from the killed writer (roll back its uncommitted WAL frames).
  const db = new Database(dbPath);
  const state = {
    integrity: db.pragma('integrity_check', { simple: true }) as string,
    sites: db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number,
    rtree: db.prepare('SELECT COUNT(*) FROM sites_rtree').pluck().get() as number,
    derived: db.prepare('SELECT COUNT(*) FROM site_derived').pluck().get() as number,
    history: db.prepare("SELECT name FROM sqlite_master WHERE name = 'site_history'").get()
      ? (db.prepare('SELECT COUNT(*) FROM site_history').pluck().get() as number)
      : 0,
  };
  const byRun = db.prepare('SELECT COUNT(*) FROM sites WHERE name LIKE ?').pluck();
  const counts = new Map<number, number>();
  for (let run = 0; run <= MAX_RUNS; run += 1) counts.set(run, byRun.get(`Fault r${run} site %`) as number);
  db.close();
  return { ...state, ofRun: (run) => counts.get(run) ?? -1 };
}

describe('SIGKILL during a 5,000-site import', () => {
  it(`leaves the database whole and the import all-or-nothing (${KILLS} kills, seed ${SEED})`, async () => {
    const random = rng(SEED);
    // Calibration: one import run to completion measures how long the transaction phase lasts.
    const calibration = await runChild(importFile(0, random), null);
    expect(calibration.killed).toBe(false);
    const importMs = calibration.inImportMs ?? 0;
    expect(importMs).toBeGreaterThan(0);
    let state = inspect();
    expect(state.integrity).toBe('ok');
    expect(state.ofRun(0)).toBe(SITES_PER_IMPORT);

    const outcomes: { run: number; phase: ChildRun['phase']; stored: number; killed: boolean }[] = [];
    let committedSites = state.sites;
    // Each stored site has exactly one history row from its import: the audit trail moves with the sites.
    const historyOffset = state.history > 0 ? state.history - state.sites : null;
    for (let run = 1; run <= MAX_RUNS && outcomes.filter((o) => o.killed).length < KILLS; run += 1) {
      const file = importFile(run, random);
      // Three in four kills aim at the import transaction (up to 15 % past its usual end, so some land after the commit); the rest can land
      // anywhere from spawn on, including start-up and parsing.
      const kill =
        random() < 0.75
          ? { from: 'import' as const, afterMs: random() * importMs * 1.15 }
          : { from: 'spawn' as const, afterMs: random() * 3000 };
      const result = await runChild(file, kill);
      state = inspect();
      const stored = state.ofRun(run);
      outcomes.push({ run, phase: result.phase, stored, killed: result.killed });
      expect(state.integrity, `run ${run}`).toBe('ok');
      expect([0, SITES_PER_IMPORT], `run ${run} stored ${stored}`).toContain(stored);
      // Nothing else changed, and the index and derived tables moved with the sites.
      committedSites += stored;
      expect(state.sites).toBe(committedSites);
      expect(state.rtree).toBe(state.sites);
      expect(state.derived).toBe(state.sites);
      if (historyOffset !== null) expect(state.history - state.sites).toBe(historyOffset);
      fs.rmSync(file);
    }
    // The test must actually have hit the transaction: kills inside the import that stored nothing.
    expect(outcomes.filter((o) => o.killed && o.phase === 'import' && o.stored === 0).length).toBeGreaterThan(
      3,
    );
    expect(outcomes.filter((o) => o.killed).length).toBeGreaterThanOrEqual(KILLS);
    console.log(
      `kill-import: transaction ~${Math.round(importMs)} ms; ` +
        `${outcomes.filter((o) => o.stored === 0).length} none, ${outcomes.filter((o) => o.stored > 0).length} all; ` +
        `phases ${JSON.stringify(outcomes.map((o) => `${o.phase[0]}${o.stored ? '+' : '0'}`).join(' '))}`,
    );
  }, 180_000);
});
