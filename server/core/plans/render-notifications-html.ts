// Renders IAN-style notification drafts as one printable HTML page, a section (and printed page)
// per notified country, in English or Russian; placeholders are highlighted so nothing unfilled is
// sent by mistake.

import { type CodeList, codeWords } from '../../../shared/locales/index.js';
import { coord, DASH, fill, formatter, type ReportLang, utc } from '../report/format.js';
import { html, raw, type SafeHtml } from '../report/html.js';
import { NOTIFICATION_LABELS, type NotificationLabels } from '../report/notification-labels.js';
import { type ClockTimes, type NotificationDraft, PLACEHOLDER } from '../report/notification-model.js';
import { PRINT_CSS } from '../report/print-css.js';
import type { CaseValue } from '../transport/plume.js';
import { type PlannedDraft, planSectionHtml } from './draft-plan.js';

interface Ctx {
  l: NotificationLabels;
  f: ReturnType<typeof formatter>;
  lang: ReportLang;
}

export function renderNotificationsHtml(
  drafts: readonly (NotificationDraft | PlannedDraft)[],
  context: { siteName: string; generatedAt: string; lang?: ReportLang },
): string {
  const lang = context.lang ?? 'en';
  const ctx: Ctx = { l: NOTIFICATION_LABELS[lang], f: formatter(lang), lang };
  const { l } = ctx;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${l.title} — ${context.siteName}</title>
<style>${raw(PRINT_CSS)}</style>
</head>
<body>
${
  drafts.length === 0
    ? html`<h1>${l.title}: ${context.siteName}</h1><p>${l.none} ${l.generated} ${utc(context.generatedAt)}.</p>`
    : drafts.map((d) => draftSection(d, ctx))
}
</body>
</html>
`.value;
}

/** A value, highlighted (and translated) when it is still the placeholder. */
const val = (v: string | null | undefined, l: NotificationLabels): SafeHtml =>
  v === PLACEHOLDER ? html`<span class="placeholder">${l.placeholder}</span>` : html`${v ?? DASH}`;

function draftSection(d: NotificationDraft | PlannedDraft, { l, f, lang }: Ctx): SafeHtml {
  const row = (label: string, value: SafeHtml | string | null) =>
    html`<dt>${label}</dt><dd>${typeof value === 'string' || value === null ? val(value, l) : value}</dd>`;
  const clockPair = (c: ClockTimes | null, h: CaseValue | null): SafeHtml =>
    c && h
      ? html`${utc(c.probable)} (+${f.hours(h.probable)}) ${l.probable}; ${utc(c.bound)} (+${f.hours(h.bound)}) ${l.fastest}`
      : html`${DASH}`;
  const words = (list: CodeList, code: string) => codeWords(lang, list, code);
  const e = d.possibleTransboundaryEffects;
  const a = e.arrival;
  const rel = d.substances.released;
  const river = d.location.river ?? '—';
  const description =
    rel.quantityKg !== null
      ? fill(l.releaseOf, {
          q: `${f.num(rel.quantityKg, 3)} ${l.kg}${rel.substanceGiven ? ` ${rel.substance}` : ''}`,
          site: d.location.siteName,
          river,
        })
      : fill(l.releaseFrom, { site: d.location.siteName, river });
  return html`<section class="notification" data-country="${d.notifiedCountry.iso3}">
<header class="doc">
<h1>${l.heading}</h1>
<p class="muted">${l.spirit} (${l.draft} ${d.draftId}, ${l.prepared} ${utc(d.generatedAt)}). ${l.to}: <strong>${d.notifiedCountry.name} (${d.notifiedCountry.iso3})</strong> · ${fill(l.sequence, { n: d.sequence })}.</p>
</header>
<p class="banner">${l.banner}</p>
${'plan' in d && d.plan ? planSectionHtml(d.plan, lang) : ''}
<h2>${l.s1}</h2>
<dl class="facts">${row(l.notifyingCountry, d.notifyingCountry.name ? `${d.notifyingCountry.name} (${d.notifyingCountry.iso3})` : null)}${row(l.organisation, d.notifyingCountry.pointOfContact.organisation)}${row(l.name, d.notifyingCountry.pointOfContact.name)}${row(l.phone, d.notifyingCountry.pointOfContact.phone)}${row(l.email, d.notifyingCountry.pointOfContact.email)}</dl>
<h2>${l.s2}</h2>
<dl class="facts">${row(l.dateTime, `${utc(d.accident.dateTime)}${d.accident.dateTimeGiven ? '' : ` ${l.draftingTime}`}`)}</dl>
<h2>${l.s3}</h2>
<dl class="facts">${row(l.site, d.location.siteName)}${row(l.address, d.location.address)}${row(l.locality, d.location.locality)}${row(l.country, d.location.countryIso3)}${row(l.coordinates, `${coord(d.location.lon, d.location.lat)} (lon ${d.location.lon.toFixed(5)}, lat ${d.location.lat.toFixed(5)})`)}${row(l.river, d.location.river)}${row(l.basin, d.location.basin)}</dl>
<h2>${l.s4}</h2>
<dl class="facts">${row(l.name, d.installation.name)}${row(l.registerId, d.installation.siteId)}${row(l.kind, words('kind', d.installation.kind))}${row(l.sector, words('sector', d.installation.sector))}${row(l.operator, d.installation.operator)}${row(l.annexI, d.installation.annexIHazardous === null ? null : `${d.installation.annexIHazardous ? l.hazardous : l.below} — ${d.installation.annexIRule ?? ''}`)}</dl>
<h2>${l.s5}</h2>
<p>${l.releaseToWater}. ${description} ${val(PLACEHOLDER, l)}</p>
<h2>${l.s6}</h2>
<dl class="facts">${row(l.substanceReleased, rel.substance)}${row(l.quantityReleased, rel.quantityKg === null ? PLACEHOLDER : `${f.num(rel.quantityKg, 3)} ${l.kg} (${l.scenario})`)}</dl>
${
  d.substances.inventory.length
    ? html`<table class="small"><thead><tr><th>${l.inventory}</th><th>CAS</th><th class="n">${l.tonnes}</th></tr></thead><tbody>${d.substances.inventory.map(
        (s) =>
          html`<tr><td>${s.name}</td><td>${s.casNumber ?? DASH}</td><td class="n">${f.num(s.quantityTonnes, 3)}${s.estimate ? ' ≈' : ''}</td></tr>`,
      )}</tbody></table>`
    : ''
}
<h2>${l.s7}</h2>
<dl class="facts">${row(l.medium, l.water)}${row(l.riverAtSite, d.affectedMedia.river)}${row(l.riversDownstream, d.affectedMedia.riversDownstream.join(' → ') || null)}${row(l.outlet, d.affectedMedia.outlet)}
${row(fill(l.borderOf, { iso: d.notifiedCountry.iso3 }), `${fill(l.borderKm, { km: f.num(e.borderKm, 1) })}${e.sharedWith.length ? ` ${fill(l.sharedWith, { list: e.sharedWith.join(', ') })}` : ''}`)}
${row(l.leadingEdge, a ? clockPair(e.leadingEdgeAt, a.leadingEdgeH) : PLACEHOLDER)}
${row(l.peak, a ? clockPair(e.peakAt, a.peakH) : PLACEHOLDER)}
${row(l.peakConc, e.peakMgL ? fill(l.concPair, { p: f.mgL(e.peakMgL.probable), b: f.mgL(e.peakMgL.bound) }) : PLACEHOLDER)}
${e.limitMgL !== null ? row(fill(l.limit, { l: f.num(e.limitMgL, 6) }), e.aboveLimit ? l.exceeded : l.notExceeded) : ''}</dl>
<table class="small"><thead><tr><th>${l.countriesDownstream}</th><th class="n">${l.entryKm}</th><th class="n">${l.peakAfter}</th></tr></thead><tbody>${d.countriesDownstream.map(
    (c) =>
      html`<tr${[c.iso3, ...c.sharedWith].includes(d.notifiedCountry.iso3) ? html` class="verdict-yes"` : ''}><td>${c.name} (${[c.iso3, ...c.sharedWith].join('/')})</td><td class="n">${f.num(c.entryKm, 1)}</td><td class="n">${f.hoursPair(c.peakH)}</td></tr>`,
  )}</tbody></table>
<h2>${l.s8}</h2>
<dl class="facts">${row(l.taken, d.measures.taken)}${row(l.planned, d.measures.planned)}</dl>
<h2>${l.s9}</h2>
<ul class="small">${d.additionalInformation.map((x) => html`<li>${l.notes[x] ?? x}</li>`)}</ul>
</section>`;
}
