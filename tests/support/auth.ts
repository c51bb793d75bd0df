// Accounts for tests: users with real scrypt hashes and API tokens written to a test database file,
// and the headers that present a token. Works while a server has the same file open (WAL).
import { hashPasswordSync, LOCKED_PASSWORD } from '../../server/auth/password.js';
import type { Role } from '../../server/auth/roles.js';
import { findUser, insertUser, createToken as storeToken } from '../../server/storage/account-store.js';
import { openDb } from '../../server/storage/db.js';

export interface TestUser {
  id: number;
  username: string;
  role: Role;
}

/** Creates a user with a password (scrypt-hashed exactly as the server does). */
export function createUser(dbPath: string, u: { username: string; password: string; role: Role }): TestUser {
  const db = openDb(dbPath);
  try {
    const r = insertUser(db, {
      username: u.username,
      passwordHash: hashPasswordSync(u.password),
      role: u.role,
    });
    if (!r.ok) throw new Error(`user ${u.username} already exists`);
    return { id: r.user.id, username: r.user.username, role: r.user.role };
  } finally {
    db.close();
  }
}

/**
 * Returns a fresh bearer token with `role`, for the user `test-<role>` (created without a usable
 * password if missing) or for `options.username` when given (which must exist).
 */
export function createToken(
  dbPath: string,
  role: Role,
  options: { username?: string; name?: string } = {},
): string {
  const db = openDb(dbPath);
  try {
    const username = options.username ?? `test-${role}`;
    let user = findUser(db, { username });
    if (!user) {
      if (options.username) throw new Error(`no user ${username}`);
      const r = insertUser(db, { username, passwordHash: LOCKED_PASSWORD, role });
      if (!r.ok) throw new Error(`could not create ${username}`);
      user = r.user;
    }
    return storeToken(db, user.id, role, options.name ?? `test ${role}`).token;
  } finally {
    db.close();
  }
}

/** Headers presenting a bearer token (merge with others: `{...authHeaders(t), 'content-type': …}`). */
export function authHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
