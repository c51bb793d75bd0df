// Login rate limit, decided before any password is checked: each attempt first reserves a slot in its
// account's window and its client address's window (synchronously, so two parallel requests can never
// both take the last slot). A failed check keeps its slot for the window; a success gives its own slot
// back but never clears anyone's failures. A full window refuses even the right password.
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 60_000;
/** Failures one client address may cause across all accounts (stops spraying many usernames). */
export const CLIENT_MAX_FAILURES = 20;
/** Bound on remembered keys per window, so a flood of random usernames cannot grow memory. */
const MAX_KEYS = 10_000;

export interface WindowPolicy {
  max: number;
  windowMs: number;
}

export interface LimiterPolicy {
  account: WindowPolicy;
  client: WindowPolicy;
}

export const DEFAULT_POLICY: LimiterPolicy = {
  account: { max: LOGIN_MAX_FAILURES, windowMs: LOGIN_WINDOW_MS },
  client: { max: CLIENT_MAX_FAILURES, windowMs: LOGIN_WINDOW_MS },
};

/** Attempt times per key within a sliding window (oldest keys forgotten first beyond MAX_KEYS). */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly policy: WindowPolicy) {}

  /** Milliseconds until a slot frees, or 0 when one is free now. */
  waitMs(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    if (recent.length < this.policy.max) return 0;
    const oldest = recent[recent.length - this.policy.max] as number;
    return Math.max(1, oldest + this.policy.windowMs - nowMs);
  }

  count(key: string, nowMs: number): number {
    return this.recent(key, nowMs).length;
  }

  take(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > MAX_KEYS) {
      const oldestKey = this.hits.keys().next().value;
      if (oldestKey !== undefined) this.hits.delete(oldestKey);
    }
  }

  /** Gives back one slot taken at `atMs`. */
  giveBack(key: string, atMs: number): void {
    const list = this.hits.get(key);
    const i = list?.indexOf(atMs) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
    if (list?.length === 0) this.hits.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    const kept = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.policy.windowMs);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept;
  }
}

export type Reservation =
  | { kind: 'granted'; settle(outcome: 'success' | 'failure'): void }
  | { kind: 'refused'; scope: 'account' | 'client'; retryAfterS: number };

export const accountKey = (username: string) => username.normalize('NFC').toLowerCase();

export class LoginLimiter {
  private readonly accounts: SlidingWindow;
  private readonly clients: SlidingWindow;

  constructor(policy: LimiterPolicy = DEFAULT_POLICY) {
    this.accounts = new SlidingWindow(policy.account);
    this.clients = new SlidingWindow(policy.client);
  }

  /**
   * Decides an attempt before its password is checked: refused when the account's or the client's
   * window is full, else a slot is taken in both at once and must be settled with the outcome.
   */
  reserve(username: string, clientAddress: string, nowMs = Date.now()): Reservation {
    const account = accountKey(username);
    const accountWait = this.accounts.waitMs(account, nowMs);
    const clientWait = this.clients.waitMs(clientAddress, nowMs);
    if (accountWait > 0 || clientWait > 0) {
      const scope = accountWait >= clientWait ? 'account' : 'client';
      return { kind: 'refused', scope, retryAfterS: Math.ceil(Math.max(accountWait, clientWait) / 1000) };
    }
    this.accounts.take(account, nowMs);
    this.clients.take(clientAddress, nowMs);
    let settled = false;
    return {
      kind: 'granted',
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        if (outcome === 'success') {
          this.accounts.giveBack(account, nowMs);
          this.clients.giveBack(clientAddress, nowMs);
        }
      },
    };
  }

  /** Attempts on record for the account in its window (in-flight ones included). */
  accountAttempts(username: string, nowMs = Date.now()): number {
    return this.accounts.count(accountKey(username), nowMs);
  }

  /** Seconds until the account may try again (0: now). */
  accountRetryAfterS(username: string, nowMs = Date.now()): number {
    return Math.ceil(this.accounts.waitMs(accountKey(username), nowMs) / 1000);
  }
}
