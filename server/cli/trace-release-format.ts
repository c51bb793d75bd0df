// Table output of a release's arrival times and peak concentrations for `hazatlas trace`.
import type { TraceWithRelease } from '../core/transport/arrival.js';
import type { Arrival } from '../core/transport/plume.js';

const num = (x: number, w: number) => x.toFixed(1).padStart(w);
const mgl = (x: number) => (x >= 0.01 ? x.toFixed(3) : x.toExponential(2)).padStart(10);
const cols = (a: Arrival) =>
  `${num(a.leadingEdgeH.probable, 9)} ${num(a.leadingEdgeH.bound, 9)} ${num(a.peakH.probable, 9)} ${num(a.peakH.bound, 9)} ${mgl(a.peakMgL.probable)} ${mgl(a.peakMgL.bound)}`;
const HEAD = '   lead h  lead h*   peak h  peak h*   peak mg/L  peak mg/L*';

export function formatRelease(t: TraceWithRelease): string {
  const r = t.release;
  const what = r.substance ? `${r.substance}, ` : '';
  const lines = [
    '',
    `Release: ${what}${r.massKg} kg; decay ${r.decayPerDay}/day; discharge × ${r.dischargeFactor}`,
    '(hours from the release; * = bound, the maximum-probable case: earliest time, highest concentration)',
    '',
    `Country entry  at km${HEAD}`,
    ...t.countries.map(
      (c) => `  ${[c.iso3, ...c.sharedWith].join('/').padEnd(10)} ${num(c.entryKm, 8)} ${cols(c.arrival)}`,
    ),
    '',
    `Crossing       at km${HEAD}`,
    ...t.crossings.map((c) => `  ${`${c.from}→${c.to}`.padEnd(10)} ${num(c.km, 8)} ${cols(c.arrival)}`),
    '',
    `Outlet         at km${HEAD}`,
    ...t.outlets.map((o) => `  ${o.name.slice(0, 10).padEnd(10)} ${num(o.km, 8)} ${cols(o.arrival)}`),
  ];
  if (t.threshold) {
    const th = t.threshold;
    const at = (km: number | null, h: number | null) =>
      km === null ? 'not along the path' : `km ${km.toFixed(1)} after ${h?.toFixed(1)} h`;
    lines.push(
      '',
      `Limit ${th.limitMgL} mg/L: peak falls below at ${at(th.belowAtKm.probable, th.belowAtH.probable)} (probable), ${at(th.belowAtKm.bound, th.belowAtH.bound)} (bound)`,
      `Countries receiving water above the limit: ${th.countriesAbove.join(', ') || 'none'}`,
    );
  }
  const defaults = r.discharge.filter((d) => d.default);
  lines.push(
    '',
    `Discharge: ${r.discharge.length - defaults.length} table values, ${defaults.length} size-class defaults (see --json release.discharge)`,
  );
  return `${lines.join('\n')}\n`;
}
