// Login rate limit: at most LOGIN_MAX_FAILURES failed attempts per username and client address in a
// sliding window; beyond that the route answers 429 with Retry-After, whatever the password.
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 60_000;
/** Bound on remembered keys, so a flood of random usernames cannot grow memory without limit. */
const MAX_KEYS = 10_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = LOGIN_MAX_FAILURES,
    private readonly windowMs = LOGIN_WINDOW_MS,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterS(key: string, nowMs = Date.now()): number {
    const recent = this.recent(key, nowMs);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[recent.length - this.maxFailures] as number;
    return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
  }

  fail(key: string, nowMs = Date.now()): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > MAX_KEYS) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey !== undefined) this.failures.delete(oldestKey);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}

export const loginKey = (username: string, ip: string | undefined) =>
  `${username.normalize('NFC').toLowerCase()}|${ip ?? '?'}`;
