// Renders a SiteReport as one self-contained printable HTML page (inline CSS and SVG, no scripts,
// no network), every value escaped; English, or Russian labels with `lang: 'ru'`.

import { type CodeList, codeWords } from '../../../shared/locales/index.js';
import { coord, DASH, fill, formatter, type ReportLang, utc } from './format.js';
import { html, raw, type SafeHtml } from './html.js';
import { PRINT_CSS } from './print-css.js';
import { REPORT_LABELS, type ReportLabels } from './report-labels.js';
import type { ReportCountry, SiteReport } from './report-model.js';
import { sketchMap } from './sketch-map.js';

interface Ctx {
  l: ReportLabels;
  f: ReturnType<typeof formatter>;
  /** A register or network code (kind, sector, status, outlet kind, …) in words (shared/locales). */
  words(list: CodeList, code: string): string;
}

export function renderReportHtml(
  r: SiteReport,
  opts: { snapshotDataUrl?: string; lang?: ReportLang } = {},
): string {
  const lang = opts.lang ?? 'en';
  const l = REPORT_LABELS[lang];
  const ctx: Ctx = { l, f: formatter(lang), words: (list, c) => codeWords(lang, list, c) };
  const s = r.site;
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${l.title} — ${s.name}</title>
<style>${raw(PRINT_CSS)}</style>
</head>
<body>
<header class="doc">
<h1>${l.title}: ${s.name}</h1>
<p class="muted">${s.nameLocal ? html`${s.nameLocal} · ` : ''}${l.site} ${s.id} · ${l.version} ${s.version} · ${l.generated} ${utc(r.generatedAt)} ${l.by}</p>
${releaseLine(r, ctx)}
</header>
${mapSection(r, opts.snapshotDataUrl, ctx)}
${factsSection(r, ctx)}
${indicesSection(r, ctx)}
${traceSection(r, ctx)}
${zonesSection(r, ctx)}
${assumptionsSection(r, ctx)}
${sourcesSection(r, ctx)}
<footer class="doc">${l.footer}</footer>
</body>
</html>
`;
  return page.value;
}

function releaseLine(r: SiteReport, { l, f }: Ctx): SafeHtml {
  const rel = r.release;
  if (!rel) return html`<p class="banner">${l.noRelease}</p>`;
  return html`<p class="banner">${l.scenario}: <strong>${f.num(rel.massKg, 3)} ${l.kg}</strong>${
    rel.substance ? html` ${l.of} <strong>${rel.substance}</strong>` : ''
  }, ${l.instantaneous}; ${l.decay} ${f.num(rel.decayPerDay, 3)} ${l.perDay}; ${l.discharge} ${f.num(
    rel.dischargeFactor,
    2,
  )}${rel.limitMgL !== null ? html`; ${l.limit} ${f.num(rel.limitMgL, 6)} mg/L` : ''}. ${l.timesAfter}</p>`;
}

function mapSection(r: SiteReport, snapshot: string | undefined, { l }: Ctx): SafeHtml {
  if (r.trace.status !== 'ok') return html``;
  return html`<h2>${l.map}</h2><figure>${
    snapshot ? html`<img src="${snapshot}" alt="${l.snapshot}">` : sketchMap(r.trace)
  }<figcaption>${snapshot ? l.snapshot : l.sketch}: ${l.mapLegend}</figcaption></figure>`;
}

function factsSection(r: SiteReport, { l, f, words }: Ctx): SafeHtml {
  const s = r.site;
  const fact = (label: string, value: string | number | null | SafeHtml) =>
    value === null || value === '' ? '' : html`<dt>${label}</dt><dd>${value}</dd>`;
  const networkRiver = s.river
    ? `${s.river}${s.snapDistanceKm !== null ? ` — ${f.num(s.snapDistanceKm, 1)} ${l.fromSite}` : ''}`
    : null;
  return html`<h2>${l.site}</h2><dl class="facts">
${fact(l.name, s.name)}${fact(l.localName, s.nameLocal)}${fact(l.kind, words('kind', s.kind))}${fact(l.sector, words('sector', s.sector))}
${fact(l.operator, s.operator)}${fact(l.status, words('status', s.status))}${fact(l.location, coord(s.lon, s.lat))}
${fact(l.address, s.address)}${fact(l.locality, s.locality)}${fact(l.country, s.countryName ? `${s.countryName} (${s.countryIso3})` : s.countryIso3)}
${fact(l.receivingRiver, s.receivingRiver)}${fact(l.networkRiver, networkRiver)}
${fact(l.basin, s.basinName)}${fact(l.outlet, s.outletName)}${fact(l.kmToBorder, s.kmToFirstBorder !== null ? f.num(s.kmToFirstBorder, 1) : null)}
${fact(l.distanceToBorder, s.distanceToBorderKm !== null ? `${f.num(s.distanceToBorderKm, 1)} km` : null)}
${fact(l.downstreamCountries, s.downstreamCountries.join(' → ') || null)}${fact(l.notes, s.notes)}
</dl>
<h3>${l.substances}</h3>${
    r.substances.length === 0
      ? html`<p class="muted">${l.noSubstances}</p>`
      : html`<table><thead><tr><th>${l.substance}</th><th>CAS</th><th>${l.annexIEntry}</th><th class="n">${l.tonnes}</th><th>WGK</th></tr></thead><tbody>${r.substances.map(
          (x) =>
            html`<tr><td>${x.name}</td><td>${x.casNumber ?? DASH}</td><td>${x.annexICategory ?? DASH}</td><td class="n">${f.num(x.quantityTonnes, 3)}${x.estimate ? ' ≈' : ''}</td><td>${String(x.wgk)}</td></tr>`,
        )}</tbody></table><p class="small muted">${l.estimate}</p>`
  }${
    r.tmf
      ? html`<h3>${l.tmf}</h3><dl class="facts">${fact(l.volume, `${f.num(r.tmf.volumeM3, 0)} m³`)}${fact(l.area, r.tmf.areaHa !== null ? `${f.num(r.tmf.areaHa, 1)} ha` : null)}${fact(l.damHeight, r.tmf.maxDamHeightM !== null ? `${f.num(r.tmf.maxDamHeightM, 1)} m` : null)}${fact(l.damRaise, words('damRaise', r.tmf.damRaiseType))}${fact(l.material, r.tmf.material)}${fact(l.toxic, r.tmf.toxicConstituents.map((c) => words('toxic', c)).join(', ') || null)}${fact(l.review, r.tmf.lastIndependentReview)}${fact(l.emergencyPlan, r.tmf.emergencyPlan ? l.yes : l.no)}</dl>`
      : ''
  }`;
}

function indicesSection(r: SiteReport, { l, f }: Ctx): SafeHtml {
  const { annexI, wri, thi } = r.indices;
  return html`<h2>${l.indices}</h2>
<h3>${l.annexI}</h3>${
    annexI
      ? html`<p class="${annexI.hazardous ? 'verdict-yes' : 'verdict-no'}">${
          annexI.hazardous ? l.annexIYes : l.annexINo
        }</p><p>${annexI.rule}</p>${
          annexI.substances.length
            ? html`<table><thead><tr><th>${l.substance}</th><th>${l.match}</th><th class="n">q (t)</th><th class="n">Q (t)</th><th class="n">q/Q</th></tr></thead><tbody>${annexI.substances.map(
                (x) =>
                  html`<tr><td>${x.name}</td><td>${
                    x.match.kind === 'unmatched'
                      ? `${l.unmatched}: ${x.match.reason}`
                      : `${x.match.kind} ${x.match.entryId}`
                  }</td><td class="n">${f.num(x.quantityTonnes, 3)}</td><td class="n">${f.num(x.thresholdTonnes, 3)}</td><td class="n">${f.num(x.ratio, 3)}</td></tr>`,
              )}</tbody></table>`
            : ''
        }`
      : html`<p class="muted">${l.notDerived}</p>`
  }
<h3>${l.wri}</h3>${
    wri
      ? html`<p><strong>${wri.value !== null ? f.num(wri.value, 2) : l.notClassified}</strong>${
          wri.class ? html` — ${l.cls} ${wri.class}` : ''
        } · ${f.num(wri.wgk3EquivalentKg, 0)} ${l.wgk3}</p>${
          wri.lines.length
            ? html`<table><thead><tr><th>${l.substance}</th><th class="n">${l.kg}</th><th>WGK</th><th class="n">${l.factor}</th><th class="n">${l.wgk3kg}</th></tr></thead><tbody>${wri.lines.map(
                (x) =>
                  html`<tr><td>${x.name}</td><td class="n">${f.num(x.quantityKg, 0)}</td><td>${x.wgk === null ? l.noWgk : String(x.wgk)}</td><td class="n">${f.num(x.factor, 2)}</td><td class="n">${f.num(x.wgk3EquivalentKg, 0)}</td></tr>`,
              )}</tbody></table>`
            : ''
        }`
      : html`<p class="muted">${l.notDerived}</p>`
  }${
    thi
      ? html`<h3>${l.thi}</h3>${
          thi.computed
            ? html`<p><strong>${f.num(thi.value, 2)}</strong> — ${thi.class}</p><table><thead><tr><th>${l.part}</th><th class="n">${l.score}</th><th>${l.reason}</th></tr></thead><tbody>${thi.parts.map(
                (p) =>
                  html`<tr><td>${p.part}</td><td class="n">${f.num(p.score, 2)}</td><td>${p.reason}${p.assumption ? ` ${l.ourAssumption}` : ''}</td></tr>`,
              )}</tbody></table>`
            : html`<p class="muted">${l.notComputed}: ${thi.reason}</p>`
        }`
      : ''
  }`;
}

function traceSection(r: SiteReport, ctx: Ctx): SafeHtml {
  const { l, f, words } = ctx;
  const t = r.trace;
  if (t.status !== 'ok') return html`<h2>${l.trace}</h2><p class="muted">${l.noTrace}: ${t.message}</p>`;
  const main = t.outlets.find((o) => o.main) ?? t.outlets[0];
  const arrivalCells = (c: { arrival: ReportCountry['arrival'] }) =>
    html`<td class="n">${f.hoursPair(c.arrival?.leadingEdgeH)}</td><td class="n">${f.hoursPair(c.arrival?.peakH)}</td><td class="n">${f.mgLPair(c.arrival?.peakMgL)}</td>`;
  const arrivalHead = html`<th class="n">${l.leadingEdge}</th><th class="n">${l.peak}</th><th class="n">${l.peakMgL}</th>`;
  return html`<h2>${l.trace}</h2>
<p>${fill(l.fromRiver, {
    river: t.snap.river ?? l.unnamedRiver,
    d: f.num(t.snap.distanceKm, 1),
    km: f.num(t.lengthKm, 1),
    outlet: main ? `${main.name} (${words('outletKind', main.kind)})` : l.noOutlet,
  })}${t.truncated ? l.truncated : ''}. ${l.rivers}: ${t.rivers
    .map((x) => `${x.name ?? l.unnamed} ${f.num(x.fromKm, 0)}–${f.num(x.toKm, 0)} km`)
    .join('; ')}.</p>
<h3>${l.countriesInOrder}</h3>
<table class="trace"><thead><tr><th class="n">#</th><th>${l.country}</th><th>${l.sharedWith}</th><th class="n">${l.entryKm}</th><th class="n">${l.exitKm}</th>${arrivalHead}</tr></thead><tbody>${t.countries.map(
    (c) =>
      html`<tr><td class="n">${c.order}</td><td>${c.name} (${c.iso3})</td><td>${c.sharedWith.join(', ') || DASH}</td><td class="n">${f.num(c.entryKm, 1)}</td><td class="n">${f.num(c.exitKm, 1)}</td>${arrivalCells(c)}</tr>`,
  )}</tbody></table>
${
  t.crossings.length
    ? html`<h3>${l.crossings}</h3><table class="trace"><thead><tr><th class="n">km</th><th>${l.fromTo}</th><th>${l.kind}</th><th>${l.where}</th>${arrivalHead}</tr></thead><tbody>${t.crossings.map(
        (c) =>
          html`<tr><td class="n">${f.num(c.km, 1)}</td><td>${c.from} → ${c.to}</td><td>${words('crossingKind', c.kind)}</td><td class="small">${coord(c.lon, c.lat)}</td>${arrivalCells(c)}</tr>`,
      )}</tbody></table>`
    : html`<p>${l.noCrossing}</p>`
}
<h3>${l.outlets}</h3><table class="trace"><thead><tr><th>${l.outlet}</th><th>${l.kind}</th><th>${l.arm}</th><th class="n">km</th>${arrivalHead}</tr></thead><tbody>${t.outlets.map(
    (o) =>
      html`<tr><td>${o.name}${o.main ? l.main : ''}</td><td>${words('outletKind', o.kind)}</td><td>${o.river ?? DASH}</td><td class="n">${f.num(o.km, 1)}</td>${arrivalCells(o)}</tr>`,
  )}</tbody></table>
${r.release ? html`<p class="small muted">${l.timesNote}</p>` : ''}
${thresholdLine(r, ctx)}`;
}

function thresholdLine(r: SiteReport, { l, f }: Ctx): SafeHtml {
  const th = r.threshold;
  if (!th) return html``;
  const at = (km: number | null, h: number | null) =>
    km === null ? l.staysAbove : fill(l.fallsBelow, { km: f.num(km, 1), h: f.hours(h) });
  return html`<p><strong>${fill(l.limitMgL, { l: f.num(th.limitMgL, 6) })}</strong> ${l.probablePeak} ${at(
    th.belowAtKm.probable,
    th.belowAtH.probable,
  )}; ${l.boundPeak} ${at(th.belowAtKm.bound, th.belowAtH.bound)}. ${l.countriesAbove}: ${
    th.countriesAbove.join(', ') || l.none
  }.</p>`;
}

function zonesSection(r: SiteReport, { l, f, words }: Ctx): SafeHtml {
  const z = r.zones;
  if (!z) return html`<h2>${l.zones}</h2><p class="muted">${l.zonesNotComputed}</p>`;
  const zoneName = (zone: string) => l.zoneNames[zone] ?? zone;
  return html`<h2>${l.zones}</h2>
<p>${fill(l.kasClass, { cls: z.kasClass, rule: z.ruleId, assumption: z.assumption ? l.assumptionMark : '' })}: ${z.reason}</p>
<table><thead><tr><th>${l.zone}</th><th class="n">${l.radius}</th><th class="n">${l.receptors}</th></tr></thead><tbody>${z.zones.map(
    (x) =>
      html`<tr><td>${zoneName(x.zone)}</td><td class="n">${f.num(x.radiusM, 0)}</td><td class="n">${z.receptors.filter((p) => p.zone === x.zone).length}</td></tr>`,
  )}</tbody></table>${
    z.receptors.length
      ? html`<table><thead><tr><th>${l.receptor}</th><th>${l.kind}</th><th>${l.zone}</th><th class="n">${l.distance}</th><th class="n">${l.population}</th></tr></thead><tbody>${z.receptors.map(
          (p) =>
            html`<tr><td>${p.name}</td><td>${words('receptorKind', p.kind)}</td><td>${zoneName(p.zone)}</td><td class="n">${f.num(p.distanceM, 0)}</td><td class="n">${f.num(p.population, 0)}</td></tr>`,
        )}</tbody></table>`
      : html`<p>${l.noReceptors}</p>`
  }`;
}

function assumptionsSection(r: SiteReport, { l, f }: Ctx): SafeHtml {
  if (!r.release) return html``;
  return html`<h2>${l.model}</h2><ul class="small">${r.release.assumptions.map((a) => html`<li>${a}</li>`)}</ul>
<h3>${l.dischargesUsed}</h3><table class="small"><thead><tr><th>${l.river}</th><th>${l.where}</th><th class="n">${l.m3s}</th><th>${l.basis}</th></tr></thead><tbody>${r.release.discharge.map(
    (d) =>
      d.default
        ? html`<tr><td>${d.river ?? l.unnamed}</td><td>km ${f.num(d.fromKm, 0)}–${f.num(d.toKm, 0)}</td><td class="n">${f.num(d.dischargeM3s, 1)}</td><td>${l.default}: ${d.basis}</td></tr>`
        : html`<tr><td>${d.river}</td><td>${d.place} (km ${f.num(d.km, 0)})</td><td class="n">${f.num(d.dischargeM3s, 1)}</td><td>${d.source}${d.estimate ? l.estimateMark : ''}</td></tr>`,
  )}</tbody></table>`;
}

function sourcesSection(r: SiteReport, { l }: Ctx): SafeHtml {
  return html`<h2>${l.sources}</h2>${
    r.sources.length
      ? html`<ol class="small">${r.sources.map(
          (src) =>
            html`<li>${src.title}${src.url ? html` — <a href="${src.url}">${src.url}</a>` : ''}${
              src.accessed ? html` (${l.accessed} ${src.accessed})` : ''
            }</li>`,
        )}</ol>`
      : html`<p class="muted">${l.noSources}</p>`
  }<p class="small muted">${l.geography}</p>`;
}
