// The login limiter with explicit clocks: an attempt reserves its slot before any password check, so
// parallel attempts cannot overrun the window; failures keep their slot, a success gives back only its
// own; the account and the client address have separate windows.
import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../server/http/login-limiter.js';

const policy = (accountMax: number, clientMax: number) => ({
  account: { max: accountMax, windowMs: 60_000 },
  client: { max: clientMax, windowMs: 60_000 },
});

describe('LoginLimiter', () => {
  it('grants 5 reservations for an account at the same instant and refuses the 6th, before any outcome', () => {
    const l = new LoginLimiter(policy(5, 100));
    const granted = Array.from({ length: 100 }, () => l.reserve('alice', '10.0.0.1', 1_000));
    // Nothing has been settled yet: the window counts reservations, not finished checks.
    expect(granted.filter((r) => r.kind === 'granted')).toHaveLength(5);
    const refused = granted.find((r) => r.kind === 'refused');
    expect(refused).toMatchObject({ kind: 'refused', scope: 'account', retryAfterS: 60 });
  });

  it('a failure keeps its slot until the window passes; the block lifts as the oldest leaves', () => {
    const l = new LoginLimiter(policy(5, 100));
    for (let i = 0; i < 5; i++) {
      const r = l.reserve('Alice', 'a', 1_000 + i * 1_000);
      if (r.kind !== 'granted') throw new Error('expected a slot');
      r.settle('failure');
    }
    // Oldest failure at t = 1 s leaves the window at t = 61 s; the right password is refused until then.
    expect(l.reserve('alice', 'b', 10_000)).toMatchObject({ kind: 'refused', retryAfterS: 51 });
    expect(l.accountRetryAfterS('ALICE', 60_500)).toBe(1);
    expect(l.reserve('alice', 'b', 61_001).kind).toBe('granted');
  });

  it('a success gives back its own slot but does not clear earlier failures', () => {
    const l = new LoginLimiter(policy(2, 100));
    const a = l.reserve('bob', 'x', 0);
    if (a.kind === 'granted') a.settle('failure');
    const b = l.reserve('bob', 'x', 1);
    if (b.kind === 'granted') b.settle('success');
    const c = l.reserve('bob', 'x', 2);
    expect(c.kind).toBe('granted');
    if (c.kind === 'granted') c.settle('failure');
    // Two failures are on record: the earlier success did not wipe the first one.
    expect(l.reserve('bob', 'x', 3).kind).toBe('refused');
  });

  it('limits one client address across many accounts, and keys accounts case-insensitively', () => {
    const l = new LoginLimiter(policy(5, 3));
    for (let i = 0; i < 3; i++) expect(l.reserve(`user${i}`, '192.0.2.7', 0).kind).toBe('granted');
    expect(l.reserve('user9', '192.0.2.7', 0)).toMatchObject({ kind: 'refused', scope: 'client' });
    expect(l.reserve('user9', '192.0.2.8', 0).kind).toBe('granted');
    for (let i = 0; i < 4; i++) l.reserve('Carol', `198.51.100.${i}`, 0);
    expect(l.reserve('CAROL', '198.51.100.99', 0).kind).toBe('granted');
    expect(l.reserve('carol', '198.51.100.100', 0)).toMatchObject({ kind: 'refused', scope: 'account' });
  });

  it('forgets the oldest keys beyond its bound, so random usernames cannot grow memory', () => {
    const l = new LoginLimiter(policy(1, 1_000_000));
    for (let i = 0; i < 10_001; i++) l.reserve(`user${i}`, 'x', 0);
    expect(l.reserve('user0', 'y', 1).kind).toBe('granted');
    expect(l.reserve('user10000', 'y', 1).kind).toBe('refused');
  });
});
