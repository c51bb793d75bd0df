// Strict parsing of a decimal number typed by a person (query parameter, CLI argument): plain decimal
// notation only, so "0x10", "1e400", "Infinity" or " 16" are refused rather than coerced by Number().
export type DecimalOutcome = { ok: true; value: number } | { ok: false; reason: string };

/** Optional sign, digits with at most one decimal point, an optional exponent of at most 3 digits. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,3})?$/;
/** "16,37": a decimal comma, as many locales write it. */
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

export function parseDecimal(text: string): DecimalOutcome {
  if (DECIMAL_COMMA.test(text))
    return { ok: false, reason: `use a decimal point, not a comma (${text.replace(',', '.')})` };
  if (!DECIMAL.test(text)) return { ok: false, reason: 'write it as a decimal number such as 16.37' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'the number is too large' };
  return { ok: true, value };
}

/** The value, or NaN when the text is not a plain decimal number (for schemas that check finiteness). */
export function decimalOrNaN(text: string): number {
  const parsed = parseDecimal(text);
  return parsed.ok ? parsed.value : Number.NaN;
}
