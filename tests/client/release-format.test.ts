// Release units and readable numbers (issue 13 #4): tonnes are tonnes, one time unit per column,
// no exponent notation, clock times of arrival from the release date-time.
import { describe, expect, it } from 'vitest';
import {
  clockAt,
  formatConc,
  formatTime,
  massToKg,
  massUnitFor,
  parseReleaseAt,
  timeUnitFor,
} from '../../client/src/lib/release-format.js';

describe('release units', () => {
  it('turns 100 t into 100,000 kg (issue 13: "100 t" silently became 100 kg)', () => {
    expect(massToKg(100, 't')).toBe(100_000);
    expect(massToKg(250, 'kg')).toBe(250);
    expect(massUnitFor(100_000)).toBe('t');
    expect(massUnitFor(10_500)).toBe('kg');
  });

  it('keeps one time unit per column and readable numbers', () => {
    expect(timeUnitFor([3, 20, 47.9])).toBe('h');
    expect(timeUnitFor([3, 20, 61.7])).toBe('d');
    expect(formatTime(6.04, 'h', 'en')).toBe('6');
    expect(formatTime(14.6, 'h', 'en')).toBe('15');
    expect(formatTime(3, 'd', 'en')).toBe('0.1');
    expect(formatTime(1480, 'd', 'ru')).toBe('61,7');
  });

  it('writes concentrations with three significant digits in the UI language, never 1.48e+3', () => {
    expect(formatConc(1480.4, 'en')).toBe('1,480');
    expect(formatConc(1480.4, 'ru').replace(/\s/g, ' ')).toBe('1 480');
    expect(formatConc(0.012345, 'en')).toBe('0.0123');
    expect(formatConc(19.84, 'ru')).toBe('19,8');
  });

  it('gives the clock time of an arrival from the release date-time', () => {
    const at = new Date('2026-12-07T22:00:00Z');
    // 5.5 h after 22:00 UTC on Monday 7 December 2026 is 03:30 on Tuesday 8 December.
    expect(clockAt(at, 5.5, 'en-GB', 'UTC')).toBe('Tue 8 Dec, 03:30');
    expect(parseReleaseAt('2026-12-07T22:00')).not.toBeNull();
    expect(parseReleaseAt('yesterday')).toBeNull();
  });
});
