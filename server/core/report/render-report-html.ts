// Renders a SiteReport as one self-contained printable HTML page (inline CSS and SVG, no scripts,
// no network), every value escaped.
import { coord, DASH, hours, hoursPair, mgLPair, num, utc } from './format.js';
import { html, raw, type SafeHtml } from './html.js';
import { PRINT_CSS } from './print-css.js';
import type { ReportCountry, SiteReport } from './report-model.js';
import { sketchMap } from './sketch-map.js';

const words = (s: string) => s.replace(/_/g, ' ');

export function renderReportHtml(r: SiteReport, opts: { snapshotDataUrl?: string } = {}): string {
  const s = r.site;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Transboundary report — ${s.name}</title>
<style>${rawCss()}</style>
</head>
<body>
<header class="doc">
<h1>Transboundary report: ${s.name}</h1>
<p class="muted">${s.nameLocal ? html`${s.nameLocal} · ` : ''}Site ${s.id} · register version ${s.version} · generated ${utc(r.generatedAt)} by HazAtlas</p>
${releaseLine(r)}
</header>
${mapSection(r, opts.snapshotDataUrl)}
${factsSection(r)}
${indicesSection(r)}
${traceSection(r)}
${zonesSection(r)}
${assumptionsSection(r)}
${sourcesSection(r)}
<footer class="doc">Screening results from public data (Natural Earth rivers and borders, the HazAtlas register). Arrival times and concentrations are model estimates for planning and first response; verify against monitoring.</footer>
</body>
</html>
`;
  return page.value;
}

// The stylesheet is our own constant, not user data.
const rawCss = (): SafeHtml => raw(PRINT_CSS);

function releaseLine(r: SiteReport): SafeHtml {
  const rel = r.release;
  if (!rel)
    return html`<p class="banner">No release scenario given: distances only. Add <code>releaseKg</code> (and <code>substance</code>) for arrival times and peak concentrations.</p>`;
  return html`<p class="banner">Release scenario: <strong>${num(rel.massKg, 3)} kg</strong>${
    rel.substance ? html` of <strong>${rel.substance}</strong>` : ''
  }, instantaneous, into the river at the site; decay ${num(rel.decayPerDay, 3)} /day; discharge × ${num(
    rel.dischargeFactor,
    2,
  )}${rel.limitMgL !== null ? html`; limit ${num(rel.limitMgL, 6)} mg/L` : ''}. Times are hours after the release: probable (fastest).</p>`;
}

function mapSection(r: SiteReport, snapshot: string | undefined): SafeHtml {
  if (r.trace.status !== 'ok') return html``;
  return html`<h2>Map</h2><figure>${
    snapshot ? html`<img src="${snapshot}" alt="Map snapshot of the trace">` : sketchMap(r.trace)
  }<figcaption>${
    snapshot ? 'Map snapshot' : 'Sketch of the downstream trace'
  }: start (blue), rivers coloured by country (dashed where the river is the border), border crossings (red rings), outlets (dark).</figcaption></figure>`;
}

function factsSection(r: SiteReport): SafeHtml {
  const s = r.site;
  const fact = (label: string, value: string | number | null | SafeHtml) =>
    value === null || value === '' ? '' : html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<h2>Site</h2><dl class="facts">
${fact('Name', s.name)}${fact('Local name', s.nameLocal)}${fact('Kind', words(s.kind))}${fact('Sector', words(s.sector))}
${fact('Operator', s.operator)}${fact('Status', words(s.status))}${fact('Location', coord(s.lon, s.lat))}
${fact('Address', s.address)}${fact('Locality', s.locality)}${fact('Country', s.countryName ? `${s.countryName} (${s.countryIso3})` : s.countryIso3)}
${fact('Receiving river (register)', s.receivingRiver)}${fact('River on the network', s.river ? `${s.river}${s.snapDistanceKm !== null ? ` — ${num(s.snapDistanceKm, 1)} km from the site` : ''}` : null)}
${fact('Basin', s.basinName)}${fact('Outlet', s.outletName)}${fact('River km to the first border', s.kmToFirstBorder !== null ? num(s.kmToFirstBorder, 1) : null)}
${fact('Distance to the nearest land border', s.distanceToBorderKm !== null ? `${num(s.distanceToBorderKm, 1)} km` : null)}
${fact('Downstream countries', s.downstreamCountries.join(' → ') || null)}${fact('Notes', s.notes)}
</dl>
<h3>Substances</h3>${
    r.substances.length === 0
      ? html`<p class="muted">No substances registered.</p>`
      : html`<table><thead><tr><th>Substance</th><th>CAS</th><th>Annex I entry</th><th class="n">Tonnes</th><th>WGK</th></tr></thead><tbody>${r.substances.map(
          (x) =>
            html`<tr><td>${x.name}</td><td>${x.casNumber ?? DASH}</td><td>${x.annexICategory ?? DASH}</td><td class="n">${num(x.quantityTonnes, 3)}${x.estimate ? ' ≈' : ''}</td><td>${String(x.wgk)}</td></tr>`,
        )}</tbody></table><p class="small muted">≈ estimate.</p>`
  }${
    r.tmf
      ? html`<h3>Tailings facility</h3><dl class="facts">${fact('Stored volume', `${num(r.tmf.volumeM3, 0)} m³`)}${fact('Area', r.tmf.areaHa !== null ? `${num(r.tmf.areaHa, 1)} ha` : null)}${fact('Max. dam height', r.tmf.maxDamHeightM !== null ? `${num(r.tmf.maxDamHeightM, 1)} m` : null)}${fact('Dam raise', words(r.tmf.damRaiseType))}${fact('Material', r.tmf.material)}${fact('Toxic constituents', r.tmf.toxicConstituents.join(', ') || null)}${fact('Last independent review', r.tmf.lastIndependentReview)}${fact('Emergency plan', r.tmf.emergencyPlan ? 'yes' : 'no')}</dl>`
      : ''
  }`;
}

function indicesSection(r: SiteReport): SafeHtml {
  const { annexI, wri, thi } = r.indices;
  return html`<h2>Hazard indices</h2>
<h3>Annex I of the Industrial Accidents Convention</h3>${
    annexI
      ? html`<p class="${annexI.hazardous ? 'verdict-yes' : 'verdict-no'}">${
          annexI.hazardous ? 'Hazardous activity under Annex I' : 'Below the Annex I thresholds'
        }</p><p>${annexI.rule}</p>${
          annexI.substances.length
            ? html`<table><thead><tr><th>Substance</th><th>Match</th><th class="n">q (t)</th><th class="n">Q (t)</th><th class="n">q/Q</th></tr></thead><tbody>${annexI.substances.map(
                (l) =>
                  html`<tr><td>${l.name}</td><td>${
                    l.match.kind === 'unmatched'
                      ? `unmatched: ${l.match.reason}`
                      : `${l.match.kind} ${l.match.entryId}`
                  }</td><td class="n">${num(l.quantityTonnes, 3)}</td><td class="n">${num(l.thresholdTonnes, 3)}</td><td class="n">${num(l.ratio, 3)}</td></tr>`,
              )}</tbody></table>`
            : ''
        }`
      : html`<p class="muted">Not derived.</p>`
  }
<h3>Water Risk Index (WRI)</h3>${
    wri
      ? html`<p><strong>${wri.value !== null ? num(wri.value, 2) : 'not classified'}</strong>${
          wri.class ? html` — class ${wri.class}` : ''
        } · ${num(wri.wgk3EquivalentKg, 0)} kg WGK-3 equivalent (log10 of it is the WRI).</p>${
          wri.lines.length
            ? html`<table><thead><tr><th>Substance</th><th class="n">kg</th><th>WGK</th><th class="n">factor</th><th class="n">WGK-3 eq. kg</th></tr></thead><tbody>${wri.lines.map(
                (l) =>
                  html`<tr><td>${l.name}</td><td class="n">${num(l.quantityKg, 0)}</td><td>${l.wgk === null ? 'none (counted as 3)' : String(l.wgk)}</td><td class="n">${num(l.factor, 2)}</td><td class="n">${num(l.wgk3EquivalentKg, 0)}</td></tr>`,
              )}</tbody></table>`
            : ''
        }`
      : html`<p class="muted">Not derived.</p>`
  }${
    thi
      ? html`<h3>Tailings Hazard Index (THI)</h3>${
          thi.computed
            ? html`<p><strong>${num(thi.value, 2)}</strong> — ${thi.class}</p><table><thead><tr><th>Part</th><th class="n">Score</th><th>Reason</th></tr></thead><tbody>${thi.parts.map(
                (p) =>
                  html`<tr><td>${p.part}</td><td class="n">${num(p.score, 2)}</td><td>${p.reason}${p.assumption ? ' (our assumption)' : ''}</td></tr>`,
              )}</tbody></table>`
            : html`<p class="muted">Not computed: ${thi.reason}</p>`
        }`
      : ''
  }`;
}

function arrivalCells(c: { arrival: ReportCountry['arrival'] }): SafeHtml {
  const a = c.arrival;
  return html`<td class="n">${hoursPair(a?.leadingEdgeH)}</td><td class="n">${hoursPair(a?.peakH)}</td><td class="n">${mgLPair(a?.peakMgL)}</td>`;
}

const ARRIVAL_HEAD = html`<th class="n">Leading edge</th><th class="n">Peak</th><th class="n">Peak mg/L</th>`;

function traceSection(r: SiteReport): SafeHtml {
  const t = r.trace;
  if (t.status !== 'ok') return html`<h2>Downstream trace</h2><p class="muted">No trace: ${t.message}</p>`;
  const main = t.outlets.find((o) => o.main) ?? t.outlets[0];
  return html`<h2>Downstream trace</h2>
<p>From the ${t.snap.river ?? 'unnamed river'} (joined ${num(t.snap.distanceKm, 1)} km from the site), ${num(t.lengthKm, 1)} km along the main path to ${
    main ? html`${main.name} (${words(main.kind)})` : 'no outlet'
  }${t.truncated ? ' — truncated' : ''}. Rivers: ${t.rivers.map((x) => `${x.name ?? 'unnamed'} ${num(x.fromKm, 0)}–${num(x.toKm, 0)} km`).join('; ')}.</p>
<h3>Countries in order</h3>
<table><thead><tr><th class="n">#</th><th>Country</th><th>Shared with</th><th class="n">Entry km</th><th class="n">Exit km</th>${ARRIVAL_HEAD}</tr></thead><tbody>${t.countries.map(
    (c) =>
      html`<tr><td class="n">${c.order}</td><td>${c.name} (${c.iso3})</td><td>${c.sharedWith.join(', ') || DASH}</td><td class="n">${num(c.entryKm, 1)}</td><td class="n">${num(c.exitKm, 1)}</td>${arrivalCells(c)}</tr>`,
  )}</tbody></table>
${
  t.crossings.length
    ? html`<h3>Border crossings</h3><table><thead><tr><th class="n">km</th><th>From → to</th><th>Kind</th><th>Where</th>${ARRIVAL_HEAD}</tr></thead><tbody>${t.crossings.map(
        (c) =>
          html`<tr><td class="n">${num(c.km, 1)}</td><td>${c.from} → ${c.to}</td><td>${words(c.kind)}</td><td class="small">${coord(c.lon, c.lat)}</td>${arrivalCells(c)}</tr>`,
      )}</tbody></table>`
    : html`<p>The main path crosses no border.</p>`
}
<h3>Outlets</h3><table><thead><tr><th>Outlet</th><th>Kind</th><th>Arm</th><th class="n">km</th>${ARRIVAL_HEAD}</tr></thead><tbody>${t.outlets.map(
    (o) =>
      html`<tr><td>${o.name}${o.main ? ' (main)' : ''}</td><td>${words(o.kind)}</td><td>${o.river ?? DASH}</td><td class="n">${num(o.km, 1)}</td>${arrivalCells(o)}</tr>`,
  )}</tbody></table>
${r.release ? html`<p class="small muted">Times: hours after the release, probable (fastest, maximum-probable velocity). Concentrations: probable (maximum probable).</p>` : ''}
${thresholdLine(r)}`;
}

function thresholdLine(r: SiteReport): SafeHtml {
  const th = r.threshold;
  if (!th) return html``;
  const at = (km: number | null, h: number | null) =>
    km === null ? 'stays above it along the whole path' : `falls below it at km ${num(km, 1)}, ${hours(h)}`;
  return html`<p><strong>Limit ${num(th.limitMgL, 6)} mg/L:</strong> the probable peak ${at(
    th.belowAtKm.probable,
    th.belowAtH.probable,
  )}; the maximum-probable peak ${at(th.belowAtKm.bound, th.belowAtH.bound)}. Countries receiving water above the limit: ${
    th.countriesAbove.join(', ') || 'none'
  }.</p>`;
}

function zonesSection(r: SiteReport): SafeHtml {
  const z = r.zones;
  if (!z)
    return html`<h2>Consultation zones and receptors</h2><p class="muted">Not computed for this report.</p>`;
  return html`<h2>Consultation zones and receptors</h2>
<p>Separation-distance class ${z.kasClass} (rule ${z.ruleId}${z.assumption ? ', our assumption' : ''}): ${z.reason}</p>
<table><thead><tr><th>Zone</th><th class="n">Radius (m)</th><th class="n">Receptors</th></tr></thead><tbody>${z.zones.map(
    (x) =>
      html`<tr><td>${x.zone}</td><td class="n">${num(x.radiusM, 0)}</td><td class="n">${z.receptors.filter((p) => p.zone === x.zone).length}</td></tr>`,
  )}</tbody></table>${
    z.receptors.length
      ? html`<table><thead><tr><th>Receptor</th><th>Kind</th><th>Zone</th><th class="n">Distance (m)</th><th class="n">Population</th></tr></thead><tbody>${z.receptors.map(
          (p) =>
            html`<tr><td>${p.name}</td><td>${words(p.kind)}</td><td>${p.zone}</td><td class="n">${num(p.distanceM, 0)}</td><td class="n">${num(p.population, 0)}</td></tr>`,
        )}</tbody></table>`
      : html`<p>No receptors inside the zones.</p>`
  }`;
}

function assumptionsSection(r: SiteReport): SafeHtml {
  if (!r.release) return html``;
  return html`<h2>Model and assumptions</h2><ul class="small">${r.release.assumptions.map((a) => html`<li>${a}</li>`)}</ul>
<h3>Discharges used</h3><table class="small"><thead><tr><th>River</th><th>Where</th><th class="n">m³/s</th><th>Basis</th></tr></thead><tbody>${r.release.discharge.map(
    (d) =>
      d.default
        ? html`<tr><td>${d.river ?? 'unnamed'}</td><td>km ${num(d.fromKm, 0)}–${num(d.toKm, 0)}</td><td class="n">${num(d.dischargeM3s, 1)}</td><td>default: ${d.basis}</td></tr>`
        : html`<tr><td>${d.river}</td><td>${d.place} (km ${num(d.km, 0)})</td><td class="n">${num(d.dischargeM3s, 1)}</td><td>${d.source}${d.estimate ? ' (estimate)' : ''}</td></tr>`,
  )}</tbody></table>`;
}

function sourcesSection(r: SiteReport): SafeHtml {
  return html`<h2>Sources</h2>${
    r.sources.length
      ? html`<ol class="small">${r.sources.map(
          (src) =>
            html`<li>${src.title}${src.url ? html` — <a href="${src.url}">${src.url}</a>` : ''}${
              src.accessed ? html` (accessed ${src.accessed})` : ''
            }</li>`,
        )}</ol>`
      : html`<p class="muted">None recorded.</p>`
  }<p class="small muted">Geography: Natural Earth (public domain). Indices: Annex I of the UNECE Industrial Accidents Convention; WRI of the ICPDR accident-risk-spot inventory; THI of the UNECE/UBA tailings methodology.</p>`;
}
