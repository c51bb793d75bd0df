// Encodes the shareable application state (map view, selected site, trace and its release scenario,
// filters, layers, language) to and from the URL query string, so any screen is a permalink.
import type { ReleaseParams } from './release-params.js';
import { decodeRelease, encodeRelease } from './release-url.js';

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export interface Filters {
  q?: string;
  basin?: string;
  country?: string;
  kind?: string;
  sector?: string;
  status?: string;
  minWri?: number;
  minThi?: number;
  /** Sites inside [west, south, east, north] (the Danube Delta selection). */
  bbox?: [number, number, number, number];
}

export const LAYER_IDS = ['rivers', 'countries', 'sites', 'receptors', 'stations', 'basins', 'osm'] as const;
export type LayerId = (typeof LAYER_IDS)[number];
export const DEFAULT_LAYERS: readonly LayerId[] = [
  'rivers',
  'countries',
  'sites',
  'receptors',
  'stations',
  'basins',
];

export interface AppState {
  view?: View;
  site?: string;
  /** Start of the active trace. */
  /** With siteId: the trace of a registered site (from its stored connection to the network). */
  trace?: { lon: number; lat: number; siteId?: string };
  /** Release scenario the trace is run with (arrival times, concentrations). */
  release?: ReleaseParams;
  basinId?: number;
  /** The basin selection is the basin's delta (e.g. the Danube Delta), not the whole basin. */
  delta?: boolean;
  filters: Filters;
  layers: LayerId[];
  lang?: 'en' | 'ru';
}

const FILTER_TEXT_KEYS = ['q', 'basin', 'country', 'kind', 'sector', 'status'] as const;

function num(s: string | null | undefined): number | undefined {
  if (s === null || s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** Parses a query string (with or without '?'); anything malformed is dropped, never thrown. */
export function decodeState(search: string): AppState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state: AppState = { filters: {}, layers: [...DEFAULT_LAYERS] };
  const v = p.get('map')?.split('/');
  if (v && v.length === 3) {
    const [zoom, lat, lon] = v.map(num);
    if (
      zoom !== undefined &&
      lat !== undefined &&
      lon !== undefined &&
      zoom >= 0 &&
      zoom <= 22 &&
      Math.abs(lat) <= 85.1 &&
      Math.abs(lon) <= 180
    ) {
      state.view = { zoom, lat, lon };
    }
  }
  const site = p.get('site');
  if (site && /^[\w-]{1,64}$/.test(site)) state.site = site;
  const t = p.get('trace')?.split(',').map(num);
  if (
    t &&
    t.length === 2 &&
    t[0] !== undefined &&
    t[1] !== undefined &&
    Math.abs(t[0]) <= 180 &&
    Math.abs(t[1]) <= 90
  ) {
    state.trace = { lon: t[0], lat: t[1] };
    const traceSite = p.get('traceSite');
    if (traceSite && /^[\w-]{1,64}$/.test(traceSite)) state.trace.siteId = traceSite;
  }
  const release = decodeRelease(p);
  if (release) state.release = release;
  const basinId = num(p.get('basinId'));
  if (basinId !== undefined && Number.isInteger(basinId)) {
    state.basinId = basinId;
    if (p.get('delta') === '1') state.delta = true;
  }
  const bbox = p.get('bbox')?.split(',').map(num);
  if (bbox && bbox.length === 4 && bbox.every((x) => x !== undefined)) {
    const [w, s, e, n] = bbox as [number, number, number, number];
    if (w <= e && s <= n && w >= -180 && e <= 180 && s >= -90 && n <= 90) state.filters.bbox = [w, s, e, n];
  }
  for (const k of FILTER_TEXT_KEYS) {
    const val = p.get(k)?.trim();
    if (val) state.filters[k] = val;
  }
  const minWri = num(p.get('minWri'));
  if (minWri !== undefined) state.filters.minWri = minWri;
  const minThi = num(p.get('minThi'));
  if (minThi !== undefined) state.filters.minThi = minThi;
  const layers = p.get('layers');
  if (layers !== null) {
    state.layers = layers
      .split(',')
      .filter((l): l is LayerId => (LAYER_IDS as readonly string[]).includes(l));
  }
  const lang = p.get('lang');
  if (lang === 'en' || lang === 'ru') state.lang = lang;
  return state;
}

/** Builds the query string ('' or '?…'); the view is rounded so URLs stay short and stable. */
export function encodeState(s: AppState): string {
  const p = new URLSearchParams();
  if (s.view) p.set('map', `${round(s.view.zoom, 2)}/${round(s.view.lat, 4)}/${round(s.view.lon, 4)}`);
  if (s.site) p.set('site', s.site);
  if (s.trace) p.set('trace', `${round(s.trace.lon, 5)},${round(s.trace.lat, 5)}`);
  if (s.trace?.siteId) p.set('traceSite', s.trace.siteId);
  if (s.release) encodeRelease(s.release, p);
  if (s.basinId !== undefined) p.set('basinId', String(s.basinId));
  if (s.basinId !== undefined && s.delta) p.set('delta', '1');
  if (s.filters.bbox) p.set('bbox', s.filters.bbox.map((x) => round(x, 4)).join(','));
  for (const k of FILTER_TEXT_KEYS) {
    const val = s.filters[k];
    if (val) p.set(k, val);
  }
  if (s.filters.minWri !== undefined) p.set('minWri', String(s.filters.minWri));
  if (s.filters.minThi !== undefined) p.set('minThi', String(s.filters.minThi));
  const layers = LAYER_IDS.filter((l) => s.layers.includes(l));
  if (layers.join(',') !== DEFAULT_LAYERS.join(',')) p.set('layers', layers.join(','));
  if (s.lang) p.set('lang', s.lang);
  const q = p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
  return q ? `?${q}` : '';
}
