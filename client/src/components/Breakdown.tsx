// Renders an index breakdown (WRI lines or THI parts) whatever its exact shape: the server's
// breakdown objects evolve, and the panel should show them rather than break.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.js';

/** "wgk3EquivalentKg" → "Wgk3 equivalent kg": a readable fallback for a key without a label. */
export function humanKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ASSUMPTION_KEYS = new Set(['assumedWgk3', 'assumption']);

type Row = Record<string, unknown>;

function rowsOf(v: unknown): Row[] {
  if (Array.isArray(v)) return v.filter((r): r is Row => typeof r === 'object' && r !== null);
  if (v && typeof v === 'object') {
    const o = v as Row;
    for (const k of ['parts', 'lines', 'breakdown', 'items']) if (Array.isArray(o[k])) return rowsOf(o[k]);
  }
  return [];
}

function cell(v: unknown, lang: string): string {
  if (typeof v === 'number') return formatNumber(v, lang, 3);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '✓' : '—';
  return '';
}

export function Breakdown({ value, lang, caption }: { value: unknown; lang: string; caption: string }) {
  const { t } = useTranslation();
  const rows = rowsOf(value);
  if (rows.length === 0) return null;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) =>
    rows.some((r) => ['string', 'number', 'boolean'].includes(typeof r[k])),
  );
  return (
    <>
      {/* Focusable: the table scrolls sideways in a narrow panel (axe scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be reachable by keyboard */}
      <table className="breakdown" tabIndex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col" data-key={c}>
                {t(`breakdown.keys.${c}`, { defaultValue: humanKey(c) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
            <tr key={i}>
              {cols.map((c) => (
                <td key={c}>
                  {c === 'part' && typeof r[c] === 'string'
                    ? t(`breakdown.parts.${r[c]}`, { defaultValue: humanKey(r[c]) })
                    : cell(r[c], lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {cols.some((c) => ASSUMPTION_KEYS.has(c)) && (
        <p className="muted small" data-testid="assumed-note">
          {t('breakdown.assumedNote')}
        </p>
      )}
    </>
  );
}
