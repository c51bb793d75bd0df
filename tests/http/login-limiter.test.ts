// The login limiter's sliding window, with explicit clocks: 5 failures block, the block lifts as the
// oldest failure leaves the window, a success clears the count, keys are per username and address.
import { describe, expect, it } from 'vitest';
import { LoginLimiter, loginKey } from '../../server/http/login-limiter.js';

describe('LoginLimiter', () => {
  it('blocks after 5 failures within a minute and says for how long', () => {
    const l = new LoginLimiter(5, 60_000);
    const k = loginKey('Alice', '10.0.0.1');
    for (let i = 0; i < 5; i++) {
      expect(l.retryAfterS(k, 1_000 + i * 1_000)).toBe(0);
      l.fail(k, 1_000 + i * 1_000);
    }
    // Oldest failure at t = 1 s leaves the window at t = 61 s.
    expect(l.retryAfterS(k, 10_000)).toBe(51);
    expect(l.retryAfterS(k, 60_500)).toBe(1);
    expect(l.retryAfterS(k, 61_001)).toBe(0);
  });

  it('a success clears the failures; keys ignore username case but not the address', () => {
    const l = new LoginLimiter(2, 60_000);
    l.fail(loginKey('bob', 'a'), 0);
    l.fail(loginKey('BOB', 'a'), 0);
    expect(l.retryAfterS(loginKey('Bob', 'a'), 1)).toBeGreaterThan(0);
    expect(l.retryAfterS(loginKey('bob', 'b'), 1)).toBe(0);
    l.succeed(loginKey('bob', 'a'));
    expect(l.retryAfterS(loginKey('bob', 'a'), 1)).toBe(0);
  });

  it('forgets the oldest keys beyond its bound, so random usernames cannot grow memory', () => {
    const l = new LoginLimiter(1, 60_000);
    for (let i = 0; i < 10_001; i++) l.fail(`user${i}|x`, 0);
    expect(l.retryAfterS('user0|x', 1)).toBe(0);
    expect(l.retryAfterS('user10000|x', 1)).toBeGreaterThan(0);
  });
});
