import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/password.js';
import { hazatlas } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = copyOfBuiltDb();
});

const cli = (args: string[], input?: string) => hazatlas(db, args, { input });

function query<T>(sql: string, ...params: unknown[]): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

describe('hazatlas users', () => {
  it('adds the first admin with a password from stdin, stored only as a scrypt hash', async () => {
    const r = cli(['users', 'add', 'root', '--admin', '--password-stdin'], 'a long admin passphrase\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Created admin root/);
    const [row] = query<{ role: string; password_hash: string }>(
      "SELECT role, password_hash FROM users WHERE username = 'root'",
    );
    expect(row?.role).toBe('admin');
    expect(row?.password_hash).not.toContain('passphrase');
    expect(await verifyPassword('a long admin passphrase', row?.password_hash ?? '')).toBe(true);
  });

  it('refuses a short password, no role, a duplicate, and a missing password (no default)', () => {
    expect(cli(['users', 'add', 'eve', '--role', 'editor', '--password-stdin'], 'short\n').status).toBe(2);
    expect(cli(['users', 'add', 'eve', '--password-stdin'], 'long enough pass\n').stderr).toMatch(
      /--admin or --role/,
    );
    const dup = cli(['users', 'add', 'root', '--role', 'viewer', '--password-stdin'], 'long enough pass\n');
    expect(dup.stderr).toMatch(/already exists/);
    // No terminal and no --password-stdin: refused, never a default password.
    const none = cli(['users', 'add', 'nopass', '--role', 'viewer']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--password-stdin/);
    expect(query("SELECT 1 FROM users WHERE username IN ('eve', 'nopass')")).toEqual([]);
  });

  it('lists users and adds editors and viewers', () => {
    expect(
      cli(['users', 'add', 'ed', '--role', 'editor', '--password-stdin'], 'editor passphrase').status,
    ).toBe(0);
    const list = cli(['users', 'list', '--json']);
    const users = JSON.parse(list.stdout) as { username: string; role: string }[];
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['root', 'admin'],
      ['ed', 'editor'],
    ]);
  });
});

describe('hazatlas tokens', () => {
  it('creates a token printed once (hashed at rest), lists and revokes it', () => {
    const made = cli(['tokens', 'create', '--user', 'ed', '--name', 'nightly']);
    expect(made.status).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^hza_[\w-]{40,}$/);
    const rows = query<{ id: number; token_hash: string; role: string }>(
      'SELECT id, token_hash, role FROM api_tokens',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.role).toBe('editor');
    expect(rows[0]?.token_hash).not.toContain(token.slice(4, 20));
    expect(cli(['tokens', 'list']).stdout).toMatch(/nightly/);
    expect(cli(['tokens', 'create', '--user', 'ed', '--role', 'admin']).stderr).toMatch(/more than its user/);
    expect(cli(['tokens', 'revoke', String(rows[0]?.id)]).status).toBe(0);
    expect(
      query<{ revoked_at: string | null }>('SELECT revoked_at FROM api_tokens')[0]?.revoked_at,
    ).not.toBeNull();
    expect(cli(['tokens', 'revoke', '999']).status).toBe(2);
  });
});

describe('hazatlas sites import as an actor', () => {
  it('records the import in the site history as cli:<os user>', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-cli-users-')), 'one.csv');
    fs.writeFileSync(
      file,
      'name,kind,sector,status,lon,lat,sources\nCLI history plant,hazardous_activity,chemical,operating,24.05,45.2,https://example.org/c\n',
    );
    const r = cli(['sites', 'import', file]);
    expect(r.status).toBe(0);
    const rows = query<{ action: string; actor: string; import_id: string }>(
      `SELECT h.action, h.actor, h.import_id FROM site_history h JOIN sites s ON s.id = h.site_id
       WHERE s.name = 'CLI history plant'`,
    );
    expect(rows).toEqual([
      { action: 'import', actor: `cli:${os.userInfo().username}`, import_id: expect.any(String) },
    ]);
  });
});
