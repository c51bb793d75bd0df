// Findings 6 and 7 and the token low of the second security probe, on the real server: two parallel
// demotions cannot remove the last admin; a password reset or a disable revokes API tokens for good;
// logins, refusals, account, token and receptor changes leave audit rows that admins read over HTTP
// and with `hazatlas audit`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { type AppServer, listenApp } from '../support/app-server.js';
import { authHeaders, createToken, createUser, type TestUser } from '../support/auth.js';
import { hazatlasAsync } from '../support/cli.js';

const _run = promisify(execFile);
let env: RegisterEnv;
let app: AppServer;
let ada: TestUser;
let bob: TestUser;
let adaToken: string;
let bobPassword = 'bob-admin-passphrase';

beforeAll(async () => {
  env = await openRegisterEnv();
  ada = createUser(env.dbPath, { username: 'ada', password: 'ada-admin-passphrase', role: 'admin' });
  bob = createUser(env.dbPath, { username: 'bob', password: 'bob-admin-passphrase', role: 'admin' });
  adaToken = createToken(env.dbPath, 'admin', { username: 'ada' });
  app = await listenApp(env.services, { trustProxy: 'loopback' });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await env?.close();
});

const send = (method: string, p: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${app.api}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

interface AuditItem {
  action: string;
  outcome: string;
  actor: string | null;
  client: string | null;
  target: string | null;
  details: Record<string, unknown> | null;
}

async function auditLog(query = ''): Promise<AuditItem[]> {
  const res = await fetch(`${app.api}/audit?limit=1000${query}`, { headers: authHeaders(adaToken) });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return ((await res.json()) as { items: AuditItem[] }).items;
}

describe('the last admin', () => {
  it('two parallel demotions with a password change: exactly one succeeds, one admin remains', async () => {
    const [a, b] = await Promise.all([
      send(
        'PATCH',
        `/users/${ada.id}`,
        { role: 'editor', password: 'ada-new-passphrase' },
        authHeaders(adaToken),
      ),
      send(
        'PATCH',
        `/users/${bob.id}`,
        { role: 'editor', password: 'bob-new-passphrase' },
        authHeaders(adaToken),
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('LAST_ADMIN');
    const admins = env.services.db
      .prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0")
      .pluck()
      .get();
    expect(admins).toBe(1);
    // Put the demoted one back (with the other admin's token), so the rest of the file has both admins.
    const demoted = a.status === 200 ? ada : bob;
    if (demoted === bob) bobPassword = 'bob-new-passphrase';
    const other = createToken(env.dbPath, 'admin', { username: demoted === ada ? 'bob' : 'ada' });
    expect((await send('PATCH', `/users/${demoted.id}`, { role: 'admin' }, authHeaders(other))).status).toBe(
      200,
    );
    // Ada's tokens were revoked with her password change if she was the one demoted.
    adaToken = createToken(env.dbPath, 'admin', { username: 'ada' });
  }, 60_000);
});

describe('token revocation', () => {
  it('a password reset and a disable revoke the user’s tokens; re-enabling does not bring them back', async () => {
    const tess = createUser(env.dbPath, {
      username: 'tess',
      password: 'tess-editor-passphrase',
      role: 'editor',
    });
    const first = createToken(env.dbPath, 'editor', { username: 'tess' });
    expect((await fetch(`${app.api}/sites`, { headers: authHeaders(first) })).status).toBe(200);
    const reset = await send(
      'PATCH',
      `/users/${tess.id}`,
      { password: 'tess-reset-passphrase' },
      authHeaders(adaToken),
    );
    expect(reset.status).toBe(200);
    expect((await fetch(`${app.api}/sites`, { headers: authHeaders(first) })).status).toBe(401);

    const second = createToken(env.dbPath, 'editor', { username: 'tess' });
    expect((await send('PATCH', `/users/${tess.id}`, { disabled: true }, authHeaders(adaToken))).status).toBe(
      200,
    );
    expect(
      (await send('PATCH', `/users/${tess.id}`, { disabled: false }, authHeaders(adaToken))).status,
    ).toBe(200);
    for (const t of [first, second])
      expect((await fetch(`${app.api}/sites`, { headers: authHeaders(t) })).status).toBe(401);
    const updates = (await auditLog('&action=user.update')).filter((e) => e.target === `user:${tess.id}`);
    expect(updates.map((e) => e.details?.revokedTokens)).toEqual([0, 1, 1]);
  });
});

describe('audit log', () => {
  it('records logins (success and failure) with the client address, and refusals', async () => {
    const login = (password: string) =>
      send('POST', '/auth/login', { username: 'bob', password }, { 'x-forwarded-for': '203.0.113.77' });
    expect((await login('not it at all')).status).toBe(401);
    expect((await login(bobPassword)).status).toBe(200);
    expect((await send('POST', '/sites', {}, {})).status).toBe(401);
    const viewer = createToken(env.dbPath, 'viewer');
    expect((await fetch(`${app.api}/users`, { headers: authHeaders(viewer) })).status).toBe(403);

    const log = await auditLog();
    expect(log).toContainEqual(
      expect.objectContaining({
        action: 'login.failure',
        outcome: 'failed',
        target: 'bob',
        client: '203.0.113.77',
      }),
    );
    expect(log.some((e) => e.action === 'login.success' && e.client === '203.0.113.77')).toBe(true);
    expect(log).toContainEqual(
      expect.objectContaining({ action: 'access.refused', target: 'POST /api/sites', actor: null }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({
        action: 'access.refused',
        target: 'GET /api/users',
        actor: expect.stringMatching(/^test-viewer/),
        details: { status: 403, code: 'FORBIDDEN' },
      }),
    );
    // The audit log itself is for admins only.
    expect((await fetch(`${app.api}/audit`, { headers: authHeaders(viewer) })).status).toBe(403);
    expect((await fetch(`${app.api}/audit`)).status).toBe(401);
  });

  it('records receptor create, import and (hard) delete, user creation and token create/revoke', async () => {
    const editor = authHeaders(env.editorToken);
    // Vidin, Bulgaria (43.99 N, 22.88 E), on the Danube.
    const created = await send(
      'POST',
      '/receptors',
      { kind: 'school', name: 'Vidin school', geometry: { type: 'Point', coordinates: [22.88, 43.99] } },
      editor,
    );
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    expect((await send('DELETE', `/receptors/${id}`, undefined, editor)).status).toBe(204);
    const imported = await fetch(`${app.api}/receptors/import?format=csv&kind=water_intake`, {
      method: 'POST',
      headers: { ...editor, 'content-type': 'text/csv' },
      // Calafat, Romania (43.99 N, 22.93 E), across the Danube from Vidin.
      body: 'name,lon,lat\nCalafat intake,22.93,43.99\n',
    });
    expect(imported.status).toBe(200);
    const user = await send(
      'POST',
      '/users',
      { username: 'newcomer', password: 'newcomer-passphrase', role: 'viewer' },
      authHeaders(adaToken),
    );
    expect(user.status).toBe(201);
    const token = await send(
      'POST',
      '/tokens',
      { username: 'newcomer', name: 'script' },
      authHeaders(adaToken),
    );
    const tokenId = ((await token.json()) as { id: number }).id;
    expect((await send('DELETE', `/tokens/${tokenId}`, undefined, authHeaders(adaToken))).status).toBe(204);

    const log = await auditLog();
    const actions = log.map((e) => `${e.action} ${e.target}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `receptor.create receptor:${id}`,
        `receptor.delete receptor:${id}`,
        'receptor.import receptors',
        expect.stringMatching(/^user\.create user:\d+$/),
        `token.create token:${tokenId}`,
        `token.revoke token:${tokenId}`,
      ]),
    );
    expect(log.find((e) => e.action === 'receptor.delete')).toMatchObject({
      actor: expect.stringMatching(/^test-editor \(token \d+\)$/),
      details: { name: 'Vidin school', kind: 'school' },
    });
    // Filters: an action prefix.
    expect((await auditLog('&action=receptor.')).every((e) => e.action.startsWith('receptor.'))).toBe(true);
  });

  it('`hazatlas audit --json` prints the same log; a bad --outcome is a usage error', async () => {
    const cli = (...args: string[]) => hazatlasAsync(env.dbPath, ['audit', ...args]);
    const { stdout } = await cli('--json', '--action', 'token.', '--limit', '5');
    const page = JSON.parse(stdout) as { total: number; items: AuditItem[] };
    expect(page.items.map((e) => e.action)).toEqual(['token.revoke', 'token.create']);
    const table = await cli('--action', 'login.failure');
    expect(table.stdout).toMatch(/login\.failure\s+failed\s+-\s+203\.0\.113\.77\s+bob/);
    expect((await cli('--outcome', 'maybe')).code).toBe(2);
  }, 60_000);
});
