// Strict decimal parsing for query parameters and CLI arguments (server/core/decimal.ts).
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../server/core/decimal.js';

describe('parseDecimal', () => {
  it.each([
    ['16.37', 16.37],
    ['-5', -5],
    ['+0.5', 0.5],
    ['.5', 0.5],
    ['16.', 16],
    ['4.821e1', 48.21],
    ['1E-3', 0.001],
  ])('reads %s', (text, value) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['0x10', /decimal number/],
    ['0b1', /decimal number/],
    ['Infinity', /decimal number/],
    ['NaN', /decimal number/],
    [' 16', /decimal number/],
    ['16 ', /decimal number/],
    ['', /decimal number/],
    ['1e400', /too large/],
    ['1e4000', /decimal number/],
    ['16,37', /use a decimal point, not a comma \(16\.37\)/],
    ['1,000,000', /decimal number/],
  ])('refuses %j', (text, reason) => {
    const r = parseDecimal(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
