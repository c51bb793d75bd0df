// Renders IAN-style notification drafts as one printable HTML page, a section (and printed page)
// per notified country; placeholders are highlighted so nothing unfilled is sent by mistake.
import type { CaseValue } from '../transport/plume.js';
import { coord, DASH, hours, hoursPair, mgL, num, utc } from './format.js';
import { html, raw, type SafeHtml } from './html.js';
import { type ClockTimes, type NotificationDraft, PLACEHOLDER } from './notification-model.js';
import { PRINT_CSS } from './print-css.js';

const words = (s: string) => s.replace(/_/g, ' ');

/** A value, highlighted when it is still the placeholder. */
const val = (v: string | null | undefined): SafeHtml =>
  v === PLACEHOLDER ? html`<span class="placeholder">${v}</span>` : html`${v ?? DASH}`;

const row = (label: string, value: SafeHtml | string | null) =>
  html`<dt>${label}</dt><dd>${typeof value === 'string' || value === null ? val(value) : value}</dd>`;

export function renderNotificationsHtml(
  drafts: readonly NotificationDraft[],
  context: { siteName: string; generatedAt: string },
): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Notification drafts — ${context.siteName}</title>
<style>${raw(PRINT_CSS)}</style>
</head>
<body>
${
  drafts.length === 0
    ? html`<h1>Notification drafts: ${context.siteName}</h1><p>No other country lies downstream of this site on the traced river: no transboundary notification draft. Generated ${utc(context.generatedAt)}.</p>`
    : drafts.map(draftSection)
}
</body>
</html>
`.value;
}

function clockPair(c: ClockTimes | null, h: CaseValue | null): SafeHtml {
  if (!c || !h) return html`${DASH}`;
  return html`${utc(c.probable)} (+${hours(h.probable)}) probable; ${utc(c.bound)} (+${hours(h.bound)}) fastest`;
}

function draftSection(d: NotificationDraft): SafeHtml {
  const e = d.possibleTransboundaryEffects;
  const a = e.arrival;
  return html`<section class="notification" data-country="${d.notifiedCountry.iso3}">
<header class="doc">
<h1>Early Warning and Information Report — DRAFT</h1>
<p class="muted">UNECE Industrial Accident Notification System, in its spirit (HazAtlas draft ${d.draftId}, prepared ${utc(d.generatedAt)}). To: <strong>${d.notifiedCountry.name} (${d.notifiedCountry.iso3})</strong> · notification ${d.sequence} in order of arrival.</p>
</header>
<p class="banner">Draft prefilled from the hazard register and a modelled release. Complete the highlighted fields and check every value before sending through the IAN System.</p>
<h2>1. Notifying country and point of contact</h2>
<dl class="facts">${row('Notifying country', d.notifyingCountry.name ? `${d.notifyingCountry.name} (${d.notifyingCountry.iso3})` : null)}${row('Organisation', d.notifyingCountry.pointOfContact.organisation)}${row('Name', d.notifyingCountry.pointOfContact.name)}${row('Telephone', d.notifyingCountry.pointOfContact.phone)}${row('E-mail', d.notifyingCountry.pointOfContact.email)}</dl>
<h2>2. Date and time of the accident</h2>
<dl class="facts">${row('Date and time', `${utc(d.accident.dateTime)}${d.accident.dateTimeGiven ? '' : ' (drafting time: replace with the time of the accident)'}`)}</dl>
<h2>3. Location of the accident</h2>
<dl class="facts">${row('Site', d.location.siteName)}${row('Address', d.location.address)}${row('Locality', d.location.locality)}${row('Country', d.location.countryIso3)}${row('Coordinates (WGS84)', `${coord(d.location.lon, d.location.lat)} (lon ${d.location.lon.toFixed(5)}, lat ${d.location.lat.toFixed(5)})`)}${row('River', d.location.river)}${row('Basin', d.location.basin)}</dl>
<h2>4. Installation / activity</h2>
<dl class="facts">${row('Name', d.installation.name)}${row('Register id', d.installation.siteId)}${row('Kind', words(d.installation.kind))}${row('Sector', words(d.installation.sector))}${row('Operator', d.installation.operator)}${row('Annex I', d.installation.annexIHazardous === null ? null : `${d.installation.annexIHazardous ? 'hazardous activity' : 'below thresholds'} — ${d.installation.annexIRule ?? ''}`)}</dl>
<h2>5. Type of accident</h2>
<p>${d.accident.type}. ${val(d.accident.description.replace(` ${PLACEHOLDER}`, ''))} <span class="placeholder">${PLACEHOLDER}</span></p>
<h2>6. Hazardous substances involved</h2>
<dl class="facts">${row('Substance released', d.substances.released.substance)}${row('Quantity released', d.substances.released.quantityKg === null ? PLACEHOLDER : `${num(d.substances.released.quantityKg, 3)} kg (scenario)`)}</dl>
${
  d.substances.inventory.length
    ? html`<table class="small"><thead><tr><th>Registered inventory</th><th>CAS</th><th class="n">Tonnes</th></tr></thead><tbody>${d.substances.inventory.map(
        (s) =>
          html`<tr><td>${s.name}</td><td>${s.casNumber ?? DASH}</td><td class="n">${num(s.quantityTonnes, 3)}${s.estimate ? ' ≈' : ''}</td></tr>`,
      )}</tbody></table>`
    : ''
}
<h2>7. Affected media and possible transboundary effects</h2>
<dl class="facts">${row('Medium', 'water (river)')}${row('River at the site', d.affectedMedia.river)}${row('Rivers downstream', d.affectedMedia.riversDownstream.join(' → ') || null)}${row('Outlet', d.affectedMedia.outlet)}
${row(`Border of ${d.notifiedCountry.iso3}`, `river km ${num(e.borderKm, 1)} from the site${e.sharedWith.length ? ` (border river shared with ${e.sharedWith.join(', ')})` : ''}`)}
${row('Leading edge arrives', a ? clockPair(e.leadingEdgeAt, a.leadingEdgeH) : PLACEHOLDER)}
${row('Peak arrives', a ? clockPair(e.peakAt, a.peakH) : PLACEHOLDER)}
${row('Peak concentration at the border', e.peakMgL ? `${mgL(e.peakMgL.probable)} mg/L probable; ${mgL(e.peakMgL.bound)} mg/L maximum probable` : PLACEHOLDER)}
${e.limitMgL !== null ? row(`Limit ${num(e.limitMgL, 6)} mg/L`, e.aboveLimit ? 'exceeded at the border (maximum-probable peak)' : 'not exceeded at the border') : ''}</dl>
<table class="small"><thead><tr><th>Countries downstream</th><th class="n">Entry km</th><th class="n">Peak after (probable / fastest)</th></tr></thead><tbody>${d.countriesDownstream.map(
    (c) =>
      html`<tr${[c.iso3, ...c.sharedWith].includes(d.notifiedCountry.iso3) ? html` class="verdict-yes"` : ''}><td>${c.name} (${[c.iso3, ...c.sharedWith].join('/')})</td><td class="n">${num(c.entryKm, 1)}</td><td class="n">${hoursPair(c.peakH)}</td></tr>`,
  )}</tbody></table>
<h2>8. Measures taken or planned</h2>
<dl class="facts">${row('Taken', d.measures.taken)}${row('Planned', d.measures.planned)}</dl>
<h2>9. Additional information</h2>
<ul class="small">${d.additionalInformation.map((x) => html`<li>${x}</li>`)}</ul>
</section>`;
}
