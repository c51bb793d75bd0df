// Locale-aware number/distance formatting, the snap warning rule and bounding boxes.
import { describe, expect, it } from 'vitest';
import {
  bboxOf,
  formatCoord,
  formatKm,
  formatKmRange,
  formatNumber,
  SNAP_WARN_KM,
  snapWarning,
} from '../../client/src/lib/format.js';

describe('format', () => {
  it('formats km with one decimal under 10 km, none above, in the UI language', () => {
    expect(formatKm(4.06, 'en')).toBe('4.1 km');
    expect(formatKm(1140.4, 'en')).toBe('1,140 km');
    // Russian groups with a (narrow) no-break space, uses a decimal comma and writes "км".
    expect(formatKm(4.06, 'ru')).toBe('4,1 км');
    expect(formatKm(1140.4, 'ru').replace(/\s/g, ' ')).toBe('1 140 км');
    // A whole number below 10 km has no ".0" (issue 13: "km 0.0 km").
    expect(formatKm(0, 'en')).toBe('0 km');
  });

  it('writes a km stretch with the unit once (issue 13: "km 0.0 km – 58 km")', () => {
    expect(formatKmRange(0, 58.2, 'en')).toBe('0–58 km');
    expect(formatKmRange(93.771, 316.906, 'ru')).toBe('94–317 км');
    expect(formatKmRange(1108.7, 1139.2, 'en')).toBe('1,109–1,139 km');
  });

  it('formats missing numbers as a dash', () => {
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
    expect(formatNumber(8.4157, 'en')).toBe('8.42');
  });

  it('warns when the snap is farther than the threshold', () => {
    expect(snapWarning(SNAP_WARN_KM)).toBe(false);
    expect(snapWarning(SNAP_WARN_KM + 0.1)).toBe(true);
  });

  it('writes coordinates with hemispheres', () => {
    expect(formatCoord(20.69, 44.83)).toBe('44.8300° N, 20.6900° E');
    expect(formatCoord(-3.7, -40.5)).toBe('40.5000° S, 3.7000° W');
  });

  it('boxes points, and gives null for none', () => {
    expect(
      bboxOf([
        [20, 44],
        [29.7, 45.2],
        [22, 43],
      ]),
    ).toEqual([20, 43, 29.7, 45.2]);
    expect(bboxOf([])).toBeNull();
  });
});
