// CAS Registry Number validation: format (2–7 digits, 2 digits, 1 check digit) and check digit.
// Pure; used by the register schema and by the Annex I matcher to normalise user input.

const CAS_RE = /^(\d{2,7})-(\d{2})-(\d)$/;

export type CasCheck =
  | { ok: true; cas: string }
  | { ok: false; reason: 'format' | 'checksum'; message: string };

/**
 * The check digit is the sum of each digit (right to left, excluding the check digit) times its
 * position (1, 2, 3, …), modulo 10. Leading zeros are not allowed by CAS, so "007732-18-5" is rejected.
 */
export function checkCas(input: string): CasCheck {
  const s = input.trim();
  const m = CAS_RE.exec(s);
  if (!m || s.startsWith('0')) {
    return {
      ok: false,
      reason: 'format',
      message: 'must look like 7732-18-5 (2–7 digits, 2 digits, 1 check digit)',
    };
  }
  const body = `${m[1]}${m[2]}`;
  const check = Number(m[3]);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // position counted from the right, starting at 1
    sum += Number(body[body.length - 1 - i]) * (i + 1);
  }
  if (sum % 10 !== check) {
    return { ok: false, reason: 'checksum', message: `check digit should be ${sum % 10}, not ${check}` };
  }
  return { ok: true, cas: s };
}

export function isValidCas(input: string): boolean {
  return checkCas(input).ok;
}
