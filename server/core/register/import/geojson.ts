// GeoJSON import: a FeatureCollection (or one Feature) of Points with site properties; Polygon or
// MultiPolygon features become the footprint, positioned at their centroid.
import { centroid } from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';
import { validateGeometry } from '../../geo/validate-geometry.js';
import { checkCrs, convertPoint } from './coords.js';
import type { ParseOptions, ParseOutcome, RawRow, RowError, RowItem } from './types.js';

export function parseGeoJson(input: string | unknown, options: ParseOptions = {}): ParseOutcome {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      return { ok: false, code: 'BAD_FILE', message: `GeoJSON is not valid JSON: ${(err as Error).message}` };
    }
  }
  const features = featuresOf(doc);
  if (!features)
    return { ok: false, code: 'BAD_FILE', message: 'Expected a GeoJSON FeatureCollection or Feature.' };
  // A legacy `crs` member applies when no crs parameter is given.
  const crs = checkCrs(options.crs ?? legacyCrs(doc));
  if (!crs.ok) return { ok: false, code: 'UNKNOWN_CRS', message: crs.message };

  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  features.forEach((raw, i) => {
    const item = featureToRow(raw, i + 1, crs.crs);
    if (item.ok) rows.push(item.row);
    else errors.push(...item.errors);
  });
  return { ok: true, rows, errors };
}

/** One feature (the `line`-th, 1-based) as a row in WGS84, or the errors that stopped it. */
export function featureToRow(raw: unknown, line: number, crs: string): RowItem {
  const fail = (...errors: RowError[]): RowItem => ({ ok: false, line, errors });
  const f = raw as Partial<Feature> | null;
  if (!f || typeof f !== 'object' || f.type !== 'Feature')
    return fail({ line, message: 'is not a GeoJSON Feature' });
  const props =
    f.properties && typeof f.properties === 'object' ? { ...(f.properties as Record<string, unknown>) } : {};
  const geometry = f.geometry;
  if (!geometry) return fail({ line, field: 'geometry', message: 'is missing' });
  if (geometry.type === 'Point' || geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    // Shape first (nesting, numbers, closure, size): the file is untrusted. Ranges are checked after CRS
    // conversion and crossings by the site schema, on the converted footprint.
    const shape = validateGeometry(geometry, { coordinateRange: 'any', checkCrossings: false });
    if (!shape.ok)
      return fail(
        ...shape.issues.map((issue) => ({
          line,
          field: issue.path ? `geometry.${issue.path}` : 'geometry',
          message: issue.message,
        })),
      );
  }
  if (geometry.type === 'Point') {
    const [x, y] = geometry.coordinates;
    const p = convertPoint(crs, Number(x), Number(y), ['geometry.coordinates[0]', 'geometry.coordinates[1]']);
    if (!p.ok) return fail({ line, field: p.field, message: p.message });
    return { ok: true, row: { line, props, lon: p.lon, lat: p.lat, footprint: null } };
  }
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const converted = convertGeometry(geometry, crs);
    if (typeof converted === 'string') return fail({ line, field: 'geometry', message: converted });
    const [lon, lat] = centroid(converted).geometry.coordinates as [number, number];
    return { ok: true, row: { line, props, lon, lat, footprint: converted } };
  }
  return fail({
    line,
    field: 'geometry',
    message: `must be a Point, Polygon or MultiPolygon, not ${geometry.type}`,
  });
}

function featuresOf(doc: unknown): unknown[] | null {
  if (!doc || typeof doc !== 'object') return null;
  const d = doc as { type?: unknown; features?: unknown };
  if (d.type === 'FeatureCollection' && Array.isArray(d.features)) return d.features;
  if (d.type === 'Feature') return [doc];
  return null;
}

export function legacyCrs(doc: unknown): string | undefined {
  const name = (doc as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name;
  return typeof name === 'string' ? name : undefined;
}

/** Converts every ring position; returns an error message instead of a geometry when one fails. */
function convertGeometry(g: Geometry & { type: 'Polygon' | 'MultiPolygon' }, crs: string): Geometry | string {
  let failure: string | null = null;
  const ring = (r: Position[]) =>
    r.map(([x, y]) => {
      const p = convertPoint(crs, Number(x), Number(y));
      if (!p.ok) failure ??= p.message;
      return p.ok ? [p.lon, p.lat] : [0, 0];
    });
  const out: Geometry =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
  return failure ?? out;
}
