// Escaping of CSV cells against spreadsheet formula injection, shared by every CSV the server writes
// (register exports, reports, basin matrices, plan contacts).

/** A CSV cell value. */
export type CsvScalar = string | number | boolean | null;

/** Cells a spreadsheet would evaluate as a formula (OWASP CSV injection): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` so spreadsheets show the text instead of evaluating it. Numbers are ours, never escaped. */
export function escapeCell<T extends CsvScalar>(v: T): T | string {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}
