// The after-action report of an exercise as a printable HTML page (A4, self-contained): each expected
// action against its deadline — on time, late or missing — then the injects and the action log.
import { html, raw } from '../report/html.js';
import { PRINT_CSS } from '../report/print-css.js';
import type { AfterActionReport, ExerciseAction, Inject, Verdict } from './exercise.js';

const VERDICT: Record<Verdict, string> = { on_time: 'On time', late: 'Late', missing: 'Missing' };
const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function injectText(i: Inject): string {
  switch (i.kind) {
    case 'release':
      return `Release of ${i.massKg} kg${i.substance ? ` of ${i.substance}` : ''} into the ${i.river ?? 'river'}`;
    case 'station_detection':
      return `${i.first ? 'First detection' : 'Plume reaches'} at ${i.name}${i.riverKm === null ? '' : ` (river km ${i.riverKm})`}, peak ${i.peakMgL.probable} mg/L`;
    case 'border_arrival':
      return `Leading edge reaches ${i.name} (${i.iso3}); maximum-probable ${utc(i.boundAt)}`;
    case 'limit_exceedance':
      return `Peak above ${i.limitMgL} mg/L in ${i.iso3} (${i.peakMgL.bound} mg/L maximum probable)`;
    case 'notification_due':
      return `Notification of ${i.name} (${i.iso3}) due`;
  }
}

export function renderAfterActionHtml(input: {
  name: string;
  planName: string | null;
  startAt: string;
  generatedAt: string;
  report: AfterActionReport;
  injects: readonly Inject[];
  actions: readonly ExerciseAction[];
}): string {
  const { report } = input;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>After-action report — ${input.name}</title>
<style>${raw(PRINT_CSS)}</style>
</head>
<body>
<h1>After-action report: ${input.name}</h1>
<p class="muted">Plan: ${input.planName ?? '—'} · Scenario start ${utc(input.startAt)} · Generated ${utc(input.generatedAt)}</p>
<p><strong>${report.counts.on_time}</strong> on time · <strong>${report.counts.late}</strong> late · <strong>${report.counts.missing}</strong> missing</p>
<h2>Actions against deadlines</h2>
<table>
<thead><tr><th>Expected action</th><th>Deadline</th><th>Done</th><th>Delay (min)</th><th>Verdict</th></tr></thead>
<tbody>
${report.items.map(
  (it) =>
    html`<tr data-verdict="${it.verdict}"><td>${it.label}</td><td>${utc(it.deadline)}</td><td>${it.doneAt ? utc(it.doneAt) : '—'}</td><td>${it.delayMin ?? '—'}</td><td>${VERDICT[it.verdict]}</td></tr>`,
)}
</tbody>
</table>
<h2>Injects</h2>
<table>
<thead><tr><th>Time</th><th>Inject</th></tr></thead>
<tbody>${input.injects.map((i) => html`<tr><td>${utc(i.at)}</td><td>${injectText(i)}</td></tr>`)}</tbody>
</table>
<h2>Action log</h2>
<table>
<thead><tr><th>Time</th><th>Action</th><th>Country / station</th><th>Note</th><th>Recorded by</th></tr></thead>
<tbody>${input.actions.map(
    (a) =>
      html`<tr><td>${utc(a.at)}</td><td>${a.kind.replace(/_/g, ' ')}</td><td>${a.iso3 ?? a.stationId ?? ''}</td><td>${a.note ?? ''}</td><td>${a.recordedBy}</td></tr>`,
  )}</tbody>
</table>
</body>
</html>
`.value;
}
