// The printable page of a saved planning review (A4, self-contained): the case header, the verdict
// with its deciding rule and plain-language explanation, a sketch map of the development and the
// cited sites' zones, and the tables of sites and upstream sites, in English or Russian.
import type { Geometry, Position } from 'geojson';
import type { Lang } from '../planning/verdict.js';
import { html, type SafeHtml } from './html.js';
import { PRINT_CSS } from './print-css.js';

type Text = Record<Lang, string>;

/** The parts of a stored review this page reads (the answer is the review route's JSON). */
export interface PrintableReview {
  id: string;
  title: string;
  reference: string | null;
  author: string;
  createdAt: string;
  request: { geometry: Geometry; developmentType: string; name: string | null };
  answer: {
    verdict: string;
    decidingRule?: { text: Text; explanation: Text; policyChoice: boolean };
    development: { sensitivityLevel: number };
    sites: {
      name: string;
      zone: string;
      distanceM: number;
      advice: string;
      rule: string;
      kasClass: string;
    }[];
    upstream?:
      | null
      | { ok: false; message: string }
      | {
          ok: true;
          maxHours: number;
          sites: { name: string; arrivalH: number; riverKm: number; ruleId?: string | null }[];
        };
    citedZones?: { features: { geometry: Geometry; properties: { zone: string } }[] };
    citedSites?: { name: string; lon: number; lat: number }[];
  };
}

const L: Record<string, Text> = {
  heading: { en: 'Planning review', ru: 'Заключение по планированию' },
  reference: { en: 'Reference', ru: 'Номер дела' },
  savedBy: { en: 'Saved by', ru: 'Автор' },
  savedAt: { en: 'Saved at', ru: 'Сохранено' },
  type: { en: 'Development type', ru: 'Тип объекта' },
  name: { en: 'Development', ru: 'Объект' },
  level: { en: 'PADHI sensitivity level', ru: 'Уровень чувствительности PADHI' },
  verdict: { en: 'Verdict', ru: 'Заключение' },
  rule: { en: 'Deciding rule', ru: 'Решающее правило' },
  policy: {
    en: 'The hour limits of this rule are a policy choice of this tool (data/planning-rules.json), not numbers from a guideline.',
    ru: 'Пределы времени в этом правиле — выбор политики этого инструмента (data/planning-rules.json), а не числа из руководства.',
  },
  map: { en: 'Map', ru: 'Карта' },
  caption: {
    en: 'Sketch: the development (blue), the consultation zones of the cited sites (inner red, middle orange, outer yellow) and the sites (dark red). The app prints the same with the basemap.',
    ru: 'Схема: проектируемый объект (синий), зоны согласования упомянутых объектов (внутренняя — красная, средняя — оранжевая, внешняя — жёлтая) и сами объекты (тёмно-красные).',
  },
  sites: {
    en: 'Sites whose consultation zones the development touches',
    ru: 'Объекты, в зоны согласования которых попадает объект',
  },
  noSites: { en: 'None: outside every consultation zone.', ru: 'Нет: вне всех зон согласования.' },
  site: { en: 'Site', ru: 'Объект' },
  zone: { en: 'Zone', ru: 'Зона' },
  distance: { en: 'Distance, m', ru: 'Расстояние, м' },
  advice: { en: 'Advice', ru: 'Совет' },
  kas: { en: 'KAS-18 class', ru: 'Класс KAS-18' },
  upstream: {
    en: 'Registered sites upstream (water intake)',
    ru: 'Зарегистрированные объекты выше по течению (водозабор)',
  },
  upstreamNone: { en: 'None within {{h}} h of travel.', ru: 'Нет в пределах {{h}} ч добегания.' },
  arrival: { en: 'Arrival, h', ru: 'Добегание, ч' },
  riverKm: { en: 'River km', ru: 'Км по реке' },
  method: {
    en: 'Zones: KAS-18 distance classes split into HSE inner/middle/outer zones (data/consultation-zones.json); advice: HSE PADHI matrix; water intakes: data/planning-rules.json. The verdict is the one computed when the review was saved.',
    ru: 'Зоны: классы расстояний KAS-18, разделённые на внутреннюю, среднюю и внешнюю зоны HSE (data/consultation-zones.json); совет: матрица PADHI HSE; водозаборы: data/planning-rules.json. Заключение — вычисленное при сохранении.',
  },
};
const VERDICT: Record<string, Text> = {
  advise_against: { en: 'Advise against', ru: 'Не рекомендуется' },
  advise_with_conditions: { en: 'Advise with conditions', ru: 'Допустимо при условиях' },
  do_not_advise_against: { en: 'Do not advise against', ru: 'Возражений нет' },
};
const ZONE: Record<string, Text> = {
  inner: { en: 'inner', ru: 'внутренняя' },
  middle: { en: 'middle', ru: 'средняя' },
  outer: { en: 'outer', ru: 'внешняя' },
};
const ZONE_FILL: Record<string, string> = { inner: '#c0392b', middle: '#e67e22', outer: '#f1c40f' };

const W = 640;
const H = 400;
const PAD = 20;

/** Rings of a Point/Polygon/MultiPolygon geometry (a point as a one-position ring). */
function rings(g: Geometry): Position[][] {
  if (g.type === 'Point') return [[g.coordinates]];
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Equirectangular at the mean latitude (true shapes at the scale of a few km). */
function sketch(r: PrintableReview): SafeHtml {
  const zones = r.answer.citedZones?.features ?? [];
  const sites = r.answer.citedSites ?? [];
  const all = [
    ...rings(r.request.geometry).flat(),
    ...zones.flatMap((f) => rings(f.geometry).flat()),
    ...sites.map((s) => [s.lon, s.lat]),
  ];
  const xs = all.map((p) => p[0] ?? 0);
  const ys = all.map((p) => p[1] ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * kx, 0.01);
  const spanY = Math.max(maxY - minY, 0.01);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const ox = (W - spanX * scale) / 2;
  const oy = (H - spanY * scale) / 2;
  const px = (p: Position) =>
    `${(ox + ((p[0] ?? 0) - minX) * kx * scale).toFixed(1)},${(H - (oy + ((p[1] ?? 0) - minY) * scale)).toFixed(1)}`;
  const path = (g: Geometry) =>
    rings(g)
      .map((ring) => `M${ring.map(px).join('L')}Z`)
      .join('');
  const order: Record<string, number> = { outer: 0, middle: 1, inner: 2 };
  const zonePaths = [...zones]
    .sort((a, b) => (order[a.properties.zone] ?? 0) - (order[b.properties.zone] ?? 0))
    .map((f) => {
      const c = ZONE_FILL[f.properties.zone] ?? '#999';
      return html`<path d="${path(f.geometry)}" fill="${c}" fill-opacity="0.15" stroke="${c}" stroke-width="1.5" stroke-dasharray="5 3"/>`;
    });
  const dev =
    r.request.geometry.type === 'Point'
      ? html`<circle cx="${px(r.request.geometry.coordinates).split(',')[0]}" cy="${px(r.request.geometry.coordinates).split(',')[1]}" r="6" fill="#2c3e91" stroke="#fff" stroke-width="2"/>`
      : html`<path d="${path(r.request.geometry)}" fill="#2c3e91" fill-opacity="0.3" stroke="#2c3e91" stroke-width="2"/>`;
  const marks = sites.map((s) => {
    const [x, y] = px([s.lon, s.lat]).split(',');
    return html`<circle cx="${x}" cy="${y}" r="4" fill="#7b1d1d" stroke="#fff" stroke-width="1.5"/><text x="${x}" y="${Number(y) + 14}" font-size="10" text-anchor="middle" fill="#7b1d1d">${s.name}</text>`;
  });
  return html`<svg class="sketch" viewBox="0 0 ${W} ${H}" role="img" aria-label="${r.title}" xmlns="http://www.w3.org/2000/svg"><rect width="${W}" height="${H}" fill="#f4f8fb"/>${zonePaths}${dev}${marks}</svg>`;
}

const num = (x: number, lang: Lang, digits = 1) =>
  new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(x);

export function renderReviewPrint(r: PrintableReview, lang: Lang): string {
  const t = (k: string) => L[k]?.[lang] ?? k;
  const a = r.answer;
  const rule = a.decidingRule;
  const up = a.upstream;
  const verdictClass = a.verdict === 'do_not_advise_against' ? 'verdict-no' : 'verdict-yes';
  const body = html`<header class="doc"><h1>${t('heading')}: ${r.title}</h1>
<dl class="facts">
${r.reference ? html`<dt>${t('reference')}</dt><dd>${r.reference}</dd>` : ''}
<dt>${t('savedBy')}</dt><dd>${r.author}</dd>
<dt>${t('savedAt')}</dt><dd>${r.createdAt}</dd>
${r.request.name ? html`<dt>${t('name')}</dt><dd>${r.request.name}</dd>` : ''}
<dt>${t('type')}</dt><dd>${r.request.developmentType} (${t('level')} ${a.development.sensitivityLevel})</dd>
</dl></header>
<h2>${t('verdict')}</h2>
<p class="${verdictClass}" data-verdict="${a.verdict}">${VERDICT[a.verdict]?.[lang] ?? a.verdict}</p>
${rule ? html`<p><strong>${t('rule')}:</strong> ${rule.text[lang]}</p><p>${rule.explanation[lang]}</p>${rule.policyChoice ? html`<p class="muted small">${t('policy')}</p>` : ''}` : ''}
<h2>${t('map')}</h2>
<figure>${sketch(r)}<figcaption>${t('caption')}</figcaption></figure>
<h2>${t('sites')}</h2>
${
  a.sites.length === 0
    ? html`<p class="muted">${t('noSites')}</p>`
    : html`<table><thead><tr><th>${t('site')}</th><th>${t('zone')}</th><th class="n">${t('distance')}</th><th>${t('kas')}</th><th>${t('advice')}</th></tr></thead><tbody>${a.sites.map(
        (s) =>
          html`<tr><td>${s.name}</td><td>${ZONE[s.zone]?.[lang] ?? s.zone}</td><td class="n">${num(s.distanceM, lang, 0)}</td><td>${s.kasClass}</td><td>${VERDICT[s.advice]?.[lang] ?? s.advice}</td></tr>`,
      )}</tbody></table>`
}
${
  up
    ? html`<h2>${t('upstream')}</h2>${
        !up.ok
          ? html`<p class="muted">${up.message}</p>`
          : up.sites.length === 0
            ? html`<p class="muted">${t('upstreamNone').replace('{{h}}', String(up.maxHours))}</p>`
            : html`<table><thead><tr><th>${t('site')}</th><th class="n">${t('arrival')}</th><th class="n">${t('riverKm')}</th><th>${t('rule')}</th></tr></thead><tbody>${up.sites.map(
                (s) =>
                  html`<tr><td>${s.name}</td><td class="n">${num(s.arrivalH, lang)}</td><td class="n">${num(s.riverKm, lang)}</td><td>${s.ruleId ?? '—'}</td></tr>`,
              )}</tbody></table>`
      }`
    : ''
}
<p class="muted small">${t('method')}</p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${html`${t('heading')}: ${r.title}`}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}
