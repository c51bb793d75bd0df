// Renders an index breakdown (WRI lines or THI parts) whatever its exact shape: the server's
// breakdown objects evolve, and the panel should show them rather than break.
import { formatNumber } from '../lib/format.js';

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
  const rows = rowsOf(value);
  if (rows.length === 0) return null;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) =>
    rows.some((r) => ['string', 'number', 'boolean'].includes(typeof r[k])),
  );
  return (
    // Focusable: the table scrolls sideways in a narrow panel (axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be reachable by keyboard
    <table className="breakdown" tabIndex={0}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
          <tr key={i}>
            {cols.map((c) => (
              <td key={c}>{cell(r[c], lang)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
