// Password hashing with scrypt from node:crypto (memory-hard, no native dependency). The stored string
// carries its own parameters, so they can be raised later without invalidating old hashes.
import { randomBytes, type ScryptOptions, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * One of OWASP's equivalent scrypt minimums: N = 2^15, r = 8, p = 3 — 128·N·r = 32 MiB of memory per
 * hash and the same work as N = 2^17, p = 1, with a quarter of the memory per concurrent login.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` with base64url salt and hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

type Parsed = { params: { N: number; r: number; p: number }; salt: Buffer; expected: Buffer };

function parseStored(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return null;
  // Parameters beyond ours would let a crafted hash cost unbounded memory or time.
  if (params.N > SCRYPT_PARAMS.N * 4 || params.r > 16 || params.p > 16) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), expected: Buffer.from(hash, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const s = parseStored(stored);
  if (!s) return false;
  const key = await derive(password, s.salt, s.params);
  return key.length === s.expected.length && timingSafeEqual(key, s.expected);
}

/** verifyPassword synchronously: only inside the hashing worker thread (server/auth/hash-worker.ts). */
export function verifyPasswordSync(password: string, stored: string): boolean {
  const s = parseStored(stored);
  if (!s) return false;
  const { N, r, p } = s.params;
  const key = scryptSync(password.normalize('NFC'), s.salt, KEY_BYTES, {
    N,
    r,
    p,
    maxmem: 256 * N * r + 1024 * 1024,
  });
  return key.length === s.expected.length && timingSafeEqual(key, s.expected);
}

/** Rules for new passwords: long enough to matter, short enough not to be a denial of service. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 1024) return 'must be at most 1024 characters';
  return null;
}

/** The same hash, computed synchronously (for the CLI and test set-up, never on a request path). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(SALT_BYTES);
  const { N, r, p } = SCRYPT_PARAMS;
  const key = scryptSync(password.normalize('NFC'), salt, KEY_BYTES, {
    N,
    r,
    p,
    maxmem: 256 * N * r + 1024 * 1024,
  });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A stored hash no password matches: for accounts that only ever use API tokens. */
export const LOCKED_PASSWORD = '!locked';
