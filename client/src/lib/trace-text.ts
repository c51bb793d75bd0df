// Words for a trace's border events: a crossing is not the start of a shared border stretch (the water
// of the Danube below Belgrade stays in Serbia while it runs along the SRB/ROU border).
import type { CrossingKind } from '../../../shared/api.js';

interface BorderEvent {
  from: string;
  to: string;
  kind?: CrossingKind | undefined;
}

/** i18n key and values for the sentence describing a border event (trace.border.*). */
export function borderEventText(c: BorderEvent): { key: string; values: Record<string, string> } {
  const kind = c.kind ?? 'crossing';
  if (kind === 'stretch_start')
    return { key: 'trace.border.stretchStart', values: { pair: `${c.from}/${c.to}` } };
  // At a stretch's end the water leaves the border for `to`; the stretch was shared by the two.
  if (kind === 'stretch_end')
    return { key: 'trace.border.stretchEnd', values: { pair: `${c.from}/${c.to}`, to: c.to } };
  return { key: 'trace.border.crossing', values: { from: c.from, to: c.to } };
}

/** Short map label: "SRB → BGR" for a crossing, "SRB/ROU" where a border stretch begins or ends. */
export function borderEventLabel(c: BorderEvent): string {
  return (c.kind ?? 'crossing') === 'crossing' ? `${c.from} → ${c.to}` : `${c.from}/${c.to}`;
}
