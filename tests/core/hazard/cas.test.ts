import { describe, expect, it } from 'vitest';
import { checkCas, isValidCas } from '../../../server/core/hazard/cas.js';

describe('checkCas', () => {
  it('accepts real CAS numbers', () => {
    // water 7732-18-5: 8*1 + 1*2 + 2*3 + 3*4 + 7*5 + 7*6 = 8+2+6+12+35+42 = 105 → 5 ✓
    expect(checkCas('7732-18-5')).toEqual({ ok: true, cas: '7732-18-5' });
    // chlorine 7782-50-5, ammonium nitrate 6484-52-2, sodium cyanide 143-33-9, phosgene 75-44-5
    for (const c of ['7782-50-5', '6484-52-2', '143-33-9', '75-44-5', ' 7664-41-7 '])
      expect(isValidCas(c)).toBe(true);
  });

  it('rejects a wrong check digit and says which digit is expected', () => {
    const r = checkCas('7732-18-4');
    expect(r).toEqual({ ok: false, reason: 'checksum', message: 'check digit should be 5, not 4' });
  });

  it('rejects malformed numbers', () => {
    for (const c of [
      '7732185',
      '7-18-5',
      '12345678-18-5',
      '7732-1-5',
      '7732-18-55',
      '07732-18-5',
      'abc',
      '',
    ]) {
      const r = checkCas(c);
      expect(r.ok, c).toBe(false);
      if (!r.ok) expect(r.reason).toBe('format');
    }
  });
});
