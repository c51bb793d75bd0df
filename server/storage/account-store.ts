// Users, browser sessions and API tokens in SQLite. Secrets are kept only as hashes: passwords by
// scrypt (server/auth/password.ts), session and API tokens (256 random bits) by SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { minRole, type Role } from '../auth/roles.js';
import type { Db } from './db.js';

export interface User {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: number;
  name: string;
  userId: number;
  username: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Who a request is from, once a cookie or bearer token checked out. */
export type Principal =
  | { via: 'session'; user: User; role: Role; csrfToken: string; sessionHash: string }
  | { via: 'token'; user: User; role: Role; tokenId: number };

export const SESSION_HOURS = 12;
/** How stale a token's last_used_at may get before a request refreshes it. */
const LAST_USED_RESOLUTION_MS = 60_000;
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

interface UserRow {
  id: number;
  username: string;
  role: Role;
  disabled: number;
  created_at: string;
  updated_at: string;
  password_hash?: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const USER_COLUMNS = 'id, username, role, disabled, created_at, updated_at';
/** The same columns, qualified for joins on `users u`. */
const U_COLUMNS = 'u.id, u.username, u.role, u.disabled, u.created_at, u.updated_at';

export function listUsers(db: Db): User[] {
  return (db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`).all() as UserRow[]).map(toUser);
}

export function findUser(db: Db, key: { id: number } | { username: string }): User | null {
  const row = (
    'id' in key
      ? db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(key.id)
      : db.prepare(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`).get(key.username)
  ) as UserRow | undefined;
  return row ? toUser(row) : null;
}

/** The user and their stored hash, for a login attempt. */
export function userForLogin(db: Db, username: string): (User & { passwordHash: string }) | null {
  const row = db
    .prepare(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE username = ?`)
    .get(username) as UserRow | undefined;
  return row ? { ...toUser(row), passwordHash: row.password_hash as string } : null;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; error: 'exists' };

export function insertUser(
  db: Db,
  u: { username: string; passwordHash: string; role: Role },
  now = new Date(),
): CreateUserResult {
  const stamp = now.toISOString();
  return db
    .transaction((): CreateUserResult => {
      if (findUser(db, { username: u.username })) return { ok: false, error: 'exists' };
      const id = db
        .prepare(
          'INSERT INTO users (username, password_hash, role, disabled, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)',
        )
        .run(u.username, u.passwordHash, u.role, stamp, stamp).lastInsertRowid;
      return { ok: true, user: findUser(db, { id: Number(id) }) as User };
    })
    .immediate();
}

export type UpdateUserResult =
  | { ok: true; user: User; revokedTokens: number }
  | { ok: false; error: 'not_found' | 'last_admin' };

/**
 * Changes role, disabled flag and/or password in one IMMEDIATE transaction that also checks that an
 * active admin remains, so two parallel demotions cannot both pass the check. Disabling or a new
 * password ends the user's sessions and revokes their API tokens (re-enabling restores neither).
 */
export function updateUser(
  db: Db,
  id: number,
  change: { role?: Role | undefined; disabled?: boolean | undefined; passwordHash?: string | undefined },
  now = new Date(),
): UpdateUserResult {
  const stamp = now.toISOString();
  return db
    .transaction((): UpdateUserResult => {
      const user = findUser(db, { id });
      if (!user) return { ok: false, error: 'not_found' };
      const losesAdmin =
        user.role === 'admin' &&
        !user.disabled &&
        ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
      if (losesAdmin) {
        const others = db
          .prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?")
          .pluck()
          .get(id) as number;
        if (others === 0) return { ok: false, error: 'last_admin' };
      }
      if (change.role !== undefined)
        db.prepare('UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
      if (change.disabled !== undefined)
        db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(change.disabled ? 1 : 0, id);
      if (change.passwordHash !== undefined)
        db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(change.passwordHash, id);
      let revokedTokens = 0;
      if (change.disabled || change.passwordHash !== undefined) {
        db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
        revokedTokens = db
          .prepare('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
          .run(stamp, id).changes;
      }
      db.prepare('UPDATE users SET updated_at = ? WHERE id = ?').run(stamp, id);
      return { ok: true, user: findUser(db, { id }) as User, revokedTokens };
    })
    .immediate();
}

/** Opens a session; returns the cookie value (only its hash is stored) and the CSRF token. */
export function createSession(
  db: Db,
  userId: number,
  now = new Date(),
): { token: string; csrfToken: string; expiresAt: Date } {
  const token = newSecret('');
  const csrfToken = newSecret('');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  // Expired sessions are swept at each login, in the same transaction as the new one.
  db.transaction(() => {
    db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
    db.prepare(
      'INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ).run(sha256(token), userId, csrfToken, now.toISOString(), expiresAt.toISOString());
  })();
  return { token, csrfToken, expiresAt };
}

export function deleteSession(db: Db, sessionHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sessionHash);
}

export function principalForSession(db: Db, token: string, now = new Date()): Principal | null {
  const hash = sha256(token);
  const row = db
    .prepare(
      `SELECT s.csrf_token, ${U_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0`,
    )
    .get(hash, now.toISOString()) as (UserRow & { csrf_token: string }) | undefined;
  if (!row) return null;
  const user = toUser(row);
  return { via: 'session', user, role: user.role, csrfToken: row.csrf_token, sessionHash: hash };
}

export function principalForToken(db: Db, token: string, now = new Date()): Principal | null {
  const row = db
    .prepare(
      `SELECT t.id AS token_id, t.role AS token_role, t.last_used_at, ${U_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0`,
    )
    .get(sha256(token)) as
    | (UserRow & { token_id: number; token_role: Role; last_used_at: string | null })
    | undefined;
  if (!row) return null;
  // At most one write a minute per token: a script reading in a loop must not queue behind the writer.
  const last = row.last_used_at ? Date.parse(row.last_used_at) : 0;
  if (now.getTime() - last >= LAST_USED_RESOLUTION_MS)
    db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.token_id);
  const user = toUser(row);
  return { via: 'token', user, role: minRole(row.token_role, user.role), tokenId: row.token_id };
}

const TOKEN_SELECT = `SELECT t.id, t.name, t.user_id, u.username, t.role, t.created_at, t.last_used_at, t.revoked_at
  FROM api_tokens t JOIN users u ON u.id = t.user_id`;

interface TokenRow {
  id: number;
  name: string;
  user_id: number;
  username: string;
  role: Role;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  userId: r.user_id,
  username: r.username,
  role: r.role,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export function listTokens(db: Db): ApiToken[] {
  return (db.prepare(`${TOKEN_SELECT} ORDER BY t.id`).all() as TokenRow[]).map(toToken);
}

/** Creates a token for a user, never with more than the user's role; the secret is returned once. */
export function createToken(
  db: Db,
  userId: number,
  role: Role,
  name: string,
  now = new Date(),
): { token: string; info: ApiToken } {
  const token = newSecret('hza_');
  const id = db
    .prepare('INSERT INTO api_tokens (token_hash, user_id, role, name, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(sha256(token), userId, role, name, now.toISOString()).lastInsertRowid;
  const info = toToken(db.prepare(`${TOKEN_SELECT} WHERE t.id = ?`).get(Number(id)) as TokenRow);
  return { token, info };
}

/** Revokes a token; false when there is no such token. Revoking twice keeps the first time. */
export function revokeToken(db: Db, id: number, now = new Date()): boolean {
  const exists = db.prepare('SELECT 1 FROM api_tokens WHERE id = ?').get(id);
  if (!exists) return false;
  db.prepare('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(
    now.toISOString(),
    id,
  );
  return true;
}
