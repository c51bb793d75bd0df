// A small inline SVG sketch of the trace (rivers coloured by country, start, crossings, outlets) so
// the server-rendered report has a map even offline; the browser's report view adds a real snapshot.
import { html, type SafeHtml } from './html.js';
import type { ReportTrace } from './report-model.js';

const W = 640;
const H = 360;
const PAD = 24;
const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4'];

type Ok = Extract<ReportTrace, { status: 'ok' }>;

export function sketchMap(trace: Ok): SafeHtml {
  const lines = trace.path.features.map((f) => f.geometry.coordinates);
  const pts = lines.flat();
  if (pts.length === 0) return html``;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts as [number, number][]) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // Equirectangular at the mean latitude: shapes look right at basin scale.
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * kx, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const ox = (W - spanX * scale) / 2;
  const oy = (H - spanY * scale) / 2;
  const px = (lon: number, lat: number): [number, number] => [
    ox + (lon - minX) * kx * scale,
    H - (oy + (lat - minY) * scale),
  ];
  // One colour per country, in the order the water reaches them (a country may run twice: alone and on a border).
  const isos = [...new Set(trace.countries.map((c) => c.iso3))];
  const colour = new Map(isos.map((iso, i) => [iso, PALETTE[i % PALETTE.length]!]));
  const polylines = trace.path.features.map((f) => {
    const p = f.properties;
    let last: [number, number] | null = null;
    const kept: string[] = [];
    const coords = f.geometry.coordinates;
    coords.forEach((c, i) => {
      const q = px(c[0]!, c[1]!);
      // Drop vertices closer than half a pixel to the last one kept (keeps the SVG small).
      if (last && i < coords.length - 1 && Math.hypot(q[0] - last[0], q[1] - last[1]) < 0.5) return;
      kept.push(`${q[0].toFixed(1)},${q[1].toFixed(1)}`);
      last = q;
    });
    const main = p.branch === 'main';
    const stroke = main ? (colour.get(p.country ?? '') ?? '#555') : '#8aa4bf';
    return html`<polyline points="${kept.join(' ')}" fill="none" stroke="${stroke}" stroke-width="${main ? 3 : 1.5}"${
      p.border ? html` stroke-dasharray="6 3"` : ''
    } stroke-linecap="round" stroke-linejoin="round"/>`;
  });
  const [sx, sy] = px(trace.snap.lon, trace.snap.lat);
  const crossings = trace.crossings.map((c) => {
    const [x, y] = px(c.lon, c.lat);
    return html`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="#fff" stroke="#c00000" stroke-width="2"/>`;
  });
  const labelled = new Set<string>();
  const outlets = trace.outlets.map((o) => {
    const [x, y] = px(o.lon, o.lat);
    // A delta's arms reach the same sea side by side: name it once. Labels point inward.
    const first = !labelled.has(o.name);
    labelled.add(o.name);
    const left = x > W / 2;
    return html`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="#00264d"/>${
      first
        ? html`<text x="${(left ? x - 8 : x + 8).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="11" text-anchor="${left ? 'end' : 'start'}">${o.name}</text>`
        : ''
    }`;
  });
  const legend = isos.map(
    (iso, i) =>
      html`<g transform="translate(${PAD + (i % 8) * 70},${H - 10 - Math.floor(i / 8) * 14})"><rect width="14" height="4" y="-4" fill="${colour.get(iso) ?? '#555'}"/><text x="18" font-size="10">${iso}</text></g>`,
  );
  return html`<svg class="sketch" viewBox="0 0 ${W} ${H}" role="img" aria-label="Sketch of the downstream trace" xmlns="http://www.w3.org/2000/svg"><rect width="${W}" height="${H}" fill="#f4f8fb"/>${polylines}${crossings}${outlets}<circle cx="${sx.toFixed(1)}" cy="${sy.toFixed(1)}" r="6" fill="#1f4fff" stroke="#fff" stroke-width="2"/>${legend}</svg>`;
}
