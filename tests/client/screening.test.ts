// Screening parameters and reasons in the client: ranges as the routes accept them, query strings, and
// each reason code turned into a translation key with its values (every key present in en and ru).
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import { ru } from '../../client/src/i18n/ru.js';
import {
  type BorderReason,
  borderQuery,
  type NatechReason,
  natechQuery,
  parseScreeningParam,
  reasonText,
} from '../../client/src/lib/screening.js';

describe('parameters', () => {
  it('accepts numbers in the route range, empty for the default, and refuses the rest', () => {
    expect(parseScreeningParam('50', 'withinKm')).toBe(50);
    expect(parseScreeningParam(' 0 ', 'borderWithinKm')).toBe(0);
    expect(parseScreeningParam('2,5', 'withinKm')).toBe(2.5); // a Russian decimal comma
    expect(parseScreeningParam('', 'riverWithinM')).toBeUndefined();
    expect(parseScreeningParam('50000', 'riverWithinM')).toBe(50_000);
    expect(parseScreeningParam('50001', 'riverWithinM')).toBeNull();
    expect(parseScreeningParam('5001', 'withinKm')).toBeNull();
    expect(parseScreeningParam('-1', 'withinKm')).toBeNull();
    expect(parseScreeningParam('abc', 'withinKm')).toBeNull();
  });

  it('builds the query strings, leaving defaults to the server', () => {
    expect(borderQuery({ withinKm: 0, borderWithinKm: 1 })).toBe('withinKm=0&borderWithinKm=1');
    expect(borderQuery({ withinKm: 50 })).toBe('withinKm=50');
    expect(borderQuery({})).toBe('');
    expect(natechQuery({ riverWithinM: 0 })).toBe('riverWithinM=0');
    expect(natechQuery({})).toBe('');
  });
});

describe('reasons', () => {
  const all: (BorderReason | NatechReason)[] = [
    { code: 'river_crosses_border', kmToFirstBorder: 12.3, message: '' },
    { code: 'river_in_other_country', country: 'UKR', message: '' },
    { code: 'near_land_border', distanceToBorderKm: 0.2, message: '' },
    { code: 'in_flood_zone', receptorId: 'x', name: 'Tamiš flood plain', message: '' },
    { code: 'near_river', river: null, distanceM: 140, message: '' },
  ];

  it('gives each code a key with its values', () => {
    expect(all.map((r) => reasonText(r))).toEqual([
      { key: 'screening.reasons.river_crosses_border', values: { km: 12.3 } },
      { key: 'screening.reasons.river_in_other_country', values: { country: 'UKR' } },
      { key: 'screening.reasons.near_land_border', values: { km: 0.2 } },
      { key: 'screening.reasons.in_flood_zone', values: { name: 'Tamiš flood plain' } },
      { key: 'screening.reasons.near_river', values: { m: 140, river: '' } },
    ]);
  });

  it('every key is translated in English and Russian, using each value', () => {
    for (const r of all) {
      const { key, values } = reasonText(r);
      const name = key.split('.').pop() as keyof typeof en.screening.reasons;
      for (const text of [en.screening.reasons[name], ru.screening.reasons[name]]) {
        expect(text).toBeTruthy();
        for (const v of Object.keys(values)) expect(text).toContain(`{{${v}}}`);
      }
    }
  });
});
