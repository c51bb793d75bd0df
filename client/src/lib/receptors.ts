// Receptor layers as the client reads them from /api/receptors: kinds and colours, query strings,
// the map's GeoJSON, grouping for the list and the viewport box the layer asks for.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Bbox } from '../../../shared/api.js';
import { isCode, RECEPTOR_KINDS, type ReceptorKind } from '../../../shared/codes.js';
import { MAX_RECEPTOR_LIMIT } from '../../../shared/limits.js';

/** Map and legend colours by kind; dark enough for a white point outline to read on the basemap. */
export const RECEPTOR_COLORS: Record<ReceptorKind, string> = {
  water_intake: '#0057b8',
  school: '#7b3fa0',
  hospital: '#c2185b',
  protected_area: '#2e7d32',
  flood_zone: '#0097a7',
  settlement: '#6d4c41',
  other: '#546e7a',
};

export interface Receptor {
  id: string;
  kind: ReceptorKind;
  name: string;
  population: number | null;
  geometry: Point | Polygon | MultiPolygon;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
  createdAt: string;
}

export interface ReceptorList {
  total: number;
  limit: number;
  offset: number;
  items: Receptor[];
}

export interface ReceptorQuery {
  bbox?: Bbox;
  kinds?: readonly ReceptorKind[];
  limit?: number;
  offset?: number;
}

/** The GET /api/receptors query string; the limit is clamped to what the route accepts. */
export function receptorsQuery(q: ReceptorQuery): string {
  const p = new URLSearchParams();
  if (q.bbox) p.set('bbox', q.bbox.map((x) => Number(x.toFixed(5))).join(','));
  if (q.kinds && q.kinds.length > 0) p.set('kind', q.kinds.join(','));
  if (q.limit !== undefined)
    p.set('limit', String(Math.max(1, Math.min(MAX_RECEPTOR_LIMIT, Math.floor(q.limit)))));
  if (q.offset) p.set('offset', String(Math.max(0, Math.floor(q.offset))));
  return p.toString();
}

export interface ReceptorImportOptions {
  format: 'geojson' | 'csv' | 'kml';
  crs: string;
  /** Kind for rows that name none. */
  kind?: ReceptorKind | undefined;
  dryRun: boolean;
  /** Store the valid rows and report the bad ones (instead of refusing the whole file). */
  skipInvalid?: boolean;
}

export function receptorImportQuery(o: ReceptorImportOptions): string {
  const p = new URLSearchParams({ format: o.format, dryRun: String(o.dryRun) });
  if (o.crs) p.set('crs', o.crs);
  if (o.kind) p.set('kind', o.kind);
  if (o.skipInvalid) p.set('skipInvalid', 'true');
  return p.toString();
}

/** The import format a file name suggests (CSV by extension, else GeoJSON). */
export const receptorFormatOf = (name: string): 'geojson' | 'csv' =>
  name.toLowerCase().endsWith('.csv') ? 'csv' : 'geojson';

export function receptorsGeoJson(items: readonly Receptor[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items.map(
      (r): Feature => ({
        type: 'Feature',
        geometry: r.geometry,
        properties: {
          id: r.id,
          name: r.name,
          kind: r.kind,
          color: RECEPTOR_COLORS[r.kind] ?? RECEPTOR_COLORS.other,
        },
      }),
    ),
  };
}

/** Receptors grouped by kind in the fixed kind order; kinds with none are left out. */
export function groupByKind(items: readonly Receptor[]): { kind: ReceptorKind; items: Receptor[] }[] {
  const by = new Map<ReceptorKind, Receptor[]>();
  for (const r of items) {
    const k = isCode(RECEPTOR_KINDS, r.kind) ? r.kind : 'other';
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return RECEPTOR_KINDS.filter((k) => by.has(k)).map((kind) => ({ kind, items: by.get(kind) ?? [] }));
}

/** Bounding box of a receptor's geometry (a point's is the point itself). */
export function receptorBbox(r: Receptor): Bbox {
  const g = r.geometry;
  const positions: number[][] =
    g.type === 'Point'
      ? [g.coordinates]
      : g.type === 'Polygon'
        ? g.coordinates.flat()
        : g.coordinates.flat(2);
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = 0, lat = 0] of positions) {
    w = Math.min(w, lon);
    s = Math.min(s, lat);
    e = Math.max(e, lon);
    n = Math.max(n, lat);
  }
  return Number.isFinite(w) ? [w, s, e, n] : [r.lon, r.lat, r.lon, r.lat];
}

/**
 * The box the map layer asks for: the view grown by `pad` of its size on each side (so a small pan
 * needs no new request), clipped to WGS84; a view that wraps the antimeridian or spans the world asks
 * for the whole world, which the route's west ≤ east rule allows.
 */
export function layerBbox(view: Bbox, pad = 0.5): Bbox {
  const [w, s, e, n] = view;
  const dx = (e - w) * pad;
  const dy = (n - s) * pad;
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  const wraps = w < -180 || e > 180;
  if (!(e > w) || wraps || e - w + 2 * dx >= 360) return [-180, clamp(s - dy, 90), 180, clamp(n + dy, 90)];
  return [clamp(w - dx, 180), clamp(s - dy, 90), clamp(e + dx, 180), clamp(n + dy, 90)];
}

/** Whether `outer` contains `inner` (a view inside the last fetched box needs no new request). */
export const bboxContains = (outer: Bbox, inner: Bbox): boolean =>
  outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

/** POST /api/receptors/import's report (every bad row with its CSV line or GeoJSON feature number). */
export interface ReceptorImportReport {
  dryRun: boolean;
  accepted: number;
  rejected: number;
  errors: { line: number | null; field?: string | null; message: string }[];
  /** Ids of the stored receptors (empty on dry runs and refused imports). */
  ids: string[];
}
