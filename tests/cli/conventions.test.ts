import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../server/cli/cli-error.js';
import { buildProgram, runCli } from '../../server/cli/program.js';
import { hazatlas } from '../support/cli.js';
import { copyOfBuiltDb, ROOT } from '../support/database.js';

let db: string;
let dir: string;
beforeAll(() => {
  db = copyOfBuiltDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-cli-conv-'));
});

const cli = (...args: string[]) => hazatlas(db, args);

/** Every command path: leaves (`trace`) and subcommands (`sites import`). */
const PATHS = buildProgram().commands.flatMap((c) =>
  c.commands.length ? c.commands.map((s) => [c.name(), s.name()]) : [[c.name()]],
);

async function helpOf(args: string[]): Promise<string> {
  let out = '';
  await runCli(args, {
    writeOut: (t) => {
      out += t;
    },
  });
  return out;
}

describe('help', () => {
  it('lists every command the README documents', () => {
    const names = PATHS.map((p) => p.join(' '));
    for (const n of ['trace', 'sites import', 'sites export', 'sites list', 'upstream', 'matrix', 'review']) {
      expect(names).toContain(n);
    }
    for (const n of ['screening border', 'receptors import', 'backup', 'restore', 'report', 'notify']) {
      expect(names).toContain(n);
    }
    for (const n of ['users add', 'users list', 'tokens create', 'tokens list', 'tokens revoke']) {
      expect(names).toContain(n);
    }
  });

  it.each(PATHS.map((p) => [p.join(' '), p]))('%s: --help, -h and help CMD show its usage', async (_n, p) => {
    const usage = `Usage: hazatlas ${p.join(' ')} `;
    expect(await helpOf([...p, '--help'])).toContain(usage);
    expect(await helpOf([...p, '-h'])).toContain(usage);
    expect(await helpOf(['help', ...p])).toContain(usage);
  });

  it('answers --help, -h, help and --version with exit 0 from the real binary', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['help', 'trace'], ['trace', '--help']]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: hazatlas/);
    }
    const v = cli('--version');
    expect(v.status).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(v.stdout.trim()).toBe(pkg.version);
  });

  // `planning reviews` takes a verb first (list, show, save, print); every other path takes flags at once.
  const VERB: Record<string, string[]> = { 'planning reviews': ['list'] };
  it.each(PATHS.map((p) => [p.join(' '), p]))('%s refuses an unknown flag, naming it', async (name, p) => {
    const run = runCli([...p, ...(VERB[name] ?? []), '--definitely-bogus'], { writeOut: () => {} });
    await expect(run).rejects.toThrow(CliError);
    await expect(run).rejects.toThrow(/Unknown option '--definitely-bogus'/);
  });

  it('refuses unknown commands, subcommands and flags with exit 2 and the usage', () => {
    const a = cli('frobnicate');
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/Unknown command 'frobnicate'/);
    const b = cli('sites', 'frob');
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/Usage: hazatlas sites/);
    const c = cli('backup', path.join(dir, 'x.sqlite'), '--bogus');
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/Unknown option '--bogus'/);
    expect(cli('sites').status).toBe(2);
  });
});

describe('--json', () => {
  it('sites import --json answers the import report (as the API does)', () => {
    const file = path.join(dir, 'one.geojson');
    // Azomureș, Târgu Mureș (Romania), a fertiliser plant on the Mureș: 46.5278 N, 24.5195 E (approx.).
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [24.5195, 46.5278] },
            properties: {
              name: 'CLI json test plant',
              kind: 'hazardous_activity',
              sector: 'fertiliser',
              status: 'operating',
              substances: [],
              sources: [{ title: 'test' }],
            },
          },
        ],
      }),
    );
    const r = cli('sites', 'import', file, '--dry-run', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { dryRun: boolean; accepted: number; errors: unknown[] };
    expect(report).toMatchObject({ dryRun: true, accepted: 1, errors: [] });
  });

  it('backup --json and tokens create --json answer one JSON object', () => {
    const out = path.join(dir, 'backup.sqlite');
    const b = cli('backup', out, '--json');
    expect(b.status).toBe(0);
    const backup = JSON.parse(b.stdout) as { file: string; sites: number; bytes: number };
    expect(backup.file).toBe(path.resolve(out));
    expect(backup.sites).toBeGreaterThanOrEqual(71);
    const u = hazatlas(db, ['users', 'add', 'jsonbot', '--role', 'editor', '--password-stdin', '--json'], {
      input: 'a-long-enough-password\n',
    });
    expect(u.status).toBe(0);
    expect(JSON.parse(u.stdout)).toMatchObject({ username: 'jsonbot', role: 'editor' });
    const t = cli('tokens', 'create', '--user', 'jsonbot', '--name', 'ci', '--json');
    expect(t.status).toBe(0);
    const token = JSON.parse(t.stdout) as { id: number; token: string; role: string };
    expect(token.token).toMatch(/^hza_/);
    expect(token.role).toBe('editor');
    const rv = cli('tokens', 'revoke', String(token.id), '--json');
    expect(JSON.parse(rv.stdout)).toEqual({ id: token.id, revoked: true });
  });
});

describe('progress', () => {
  it('a large import reports its stages on stderr, not stdout', () => {
    const file = path.join(dir, 'many.csv');
    // 1,200 made-up rows along the Danube near Vienna (16.2–16.6 E, 48.1–48.3 N): only the stages are checked.
    const rows = Array.from(
      { length: 1200 },
      (_, i) =>
        `Progress test ${i},hazardous_activity,chemical,operating,${(16.2 + (i % 40) * 0.01).toFixed(4)},${(48.1 + Math.floor(i / 40) * 0.006).toFixed(4)},[],"[{""title"":""t""}]"`,
    );
    fs.writeFileSync(file, `name,kind,sector,status,lon,lat,substances,sources\n${rows.join('\n')}\n`);
    const r = cli('sites', 'import', file, '--dry-run');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/checking 1,200 row\(s\)…/);
    expect(r.stderr).toMatch(/checked 1,200 row\(s\) \(\d/);
    expect(r.stdout).toMatch(/^would import 1200 site\(s\)/);
  });
});
