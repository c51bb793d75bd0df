// Geometry validation for anything users send (site footprints, receptors, planning areas): structure,
// WGS84 ranges, ring closure and self-intersections (turf kinks), each issue with a path saying where.
import { kinks } from '@turf/turf';
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export type GeometryIssueCode =
  | 'bad_structure'
  | 'not_finite'
  | 'out_of_range'
  | 'too_few_positions'
  | 'not_closed'
  | 'degenerate_ring'
  | 'too_many_positions'
  | 'self_intersection';

export interface GeometryIssue {
  code: GeometryIssueCode;
  /** Dotted path inside the geometry, e.g. 'coordinates.0.3' (ring 0, position 3). */
  path: string;
  message: string;
}

export type GeometryKind =
  | 'Point'
  | 'MultiPoint'
  | 'LineString'
  | 'MultiLineString'
  | 'Polygon'
  | 'MultiPolygon';

export interface GeometryRules {
  /** Geometry types accepted here (default: all six). */
  allowed?: readonly GeometryKind[];
  /**
   * Upper bound on positions; the self-intersection check is quadratic in them, so this also bounds
   * the time one request may take. Default 5,000.
   */
  maxPositions?: number;
  /** Whether lines may cross themselves (rivers and routes may not matter; rings never may). Default true. */
  allowLineCrossings?: boolean;
  /**
   * 'wgs84' (default) checks longitude/latitude ranges; 'any' skips them, for coordinates still in a
   * projected CRS (ranges are then checked after conversion).
   */
  coordinateRange?: 'wgs84' | 'any';
  /** Run the (quadratic) self-intersection check; default true. */
  checkCrossings?: boolean;
}

export const DEFAULT_MAX_POSITIONS = 5000;
const ALL_KINDS: readonly GeometryKind[] = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
];
/** Nesting depth of `coordinates` for each type. */
const DEPTH: Record<GeometryKind, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

export type GeometryCheck = { ok: true; geometry: Geometry } | { ok: false; issues: GeometryIssue[] };

/** Validates an untrusted GeoJSON geometry; returns it typed when it is sound, else every issue found. */
export function validateGeometry(input: unknown, rules: GeometryRules = {}): GeometryCheck {
  const allowed = rules.allowed ?? ALL_KINDS;
  const maxPositions = rules.maxPositions ?? DEFAULT_MAX_POSITIONS;
  if (!isRecord(input) || typeof input.type !== 'string') {
    return fail('bad_structure', '', 'a geometry must be a GeoJSON object with a type and coordinates');
  }
  const type = input.type as GeometryKind;
  if (!allowed.includes(type)) {
    return fail(
      'bad_structure',
      'type',
      `geometry type must be ${allowed.join(' or ')} (got ${String(input.type)})`,
    );
  }
  const issues: GeometryIssue[] = [];
  const counter = { positions: 0 };
  const ranges = (rules.coordinateRange ?? 'wgs84') === 'wgs84';
  checkNesting(input.coordinates, DEPTH[type], 'coordinates', issues, counter, maxPositions, ranges);
  if (counter.positions > maxPositions) {
    issues.push({
      code: 'too_many_positions',
      path: 'coordinates',
      message: `at most ${maxPositions} positions are accepted (got ${counter.positions}); simplify the geometry`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const geometry = input as unknown as Geometry;
  checkShape(geometry, issues);
  if (issues.length === 0 && (rules.checkCrossings ?? true))
    checkCrossings(geometry, rules.allowLineCrossings ?? true, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, geometry };
}

/** Convenience for a Polygon-only field such as a site footprint. */
export function validatePolygon(input: unknown, maxPositions = DEFAULT_MAX_POSITIONS): GeometryIssue[] {
  const r = validateGeometry(input, { allowed: ['Polygon'], maxPositions });
  return r.ok ? [] : r.issues;
}

function fail(code: GeometryIssueCode, path: string, message: string): GeometryCheck {
  return { ok: false, issues: [{ code, path, message }] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Walks the coordinate arrays to the expected depth, checking every position's numbers and ranges. */
function checkNesting(
  v: unknown,
  depth: number,
  path: string,
  issues: GeometryIssue[],
  counter: { positions: number },
  maxPositions: number,
  ranges: boolean,
): void {
  // Stop collecting after a while so a huge bad payload cannot produce a huge answer.
  if (issues.length >= 20 || counter.positions > maxPositions) {
    if (depth === 0) counter.positions += 1;
    return;
  }
  if (depth === 0) {
    counter.positions += 1;
    checkPosition(v, path, issues, ranges);
    return;
  }
  if (!Array.isArray(v)) {
    issues.push({ code: 'bad_structure', path, message: 'must be an array of coordinates' });
    return;
  }
  v.forEach((item, i) => {
    checkNesting(item, depth - 1, `${path}.${i}`, issues, counter, maxPositions, ranges);
  });
}

function checkPosition(p: unknown, path: string, issues: GeometryIssue[], ranges: boolean): void {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
    issues.push({
      code: 'bad_structure',
      path,
      message: 'a position must be [longitude, latitude] (optionally with elevation)',
    });
    return;
  }
  if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    issues.push({ code: 'not_finite', path, message: 'coordinates must be finite numbers' });
    return;
  }
  const [lon, lat] = p as number[];
  if (
    ranges &&
    ((lon as number) < -180 || (lon as number) > 180 || (lat as number) < -90 || (lat as number) > 90)
  ) {
    issues.push({
      code: 'out_of_range',
      path,
      message: `position [${lon}, ${lat}] is outside WGS84 (longitude ±180, latitude ±90); is the CRS right?`,
    });
  }
}

/** Minimum sizes and ring closure, once every position is known to be a sound number pair. */
function checkShape(g: Geometry, issues: GeometryIssue[]): void {
  const line = (l: Position[], path: string) => {
    if (l.length < 2)
      issues.push({ code: 'too_few_positions', path, message: 'a line needs at least 2 positions' });
  };
  const polygon = (rings: Position[][], path: string) => {
    if (rings.length === 0)
      issues.push({ code: 'too_few_positions', path, message: 'a polygon needs an outer ring' });
    rings.forEach((ring, i) => {
      checkRing(ring, `${path}.${i}`, issues);
    });
  };
  const empty = (what: string) =>
    issues.push({
      code: 'too_few_positions',
      path: 'coordinates',
      message: `must contain at least one ${what}`,
    });
  switch (g.type) {
    case 'MultiPoint':
      if (g.coordinates.length === 0) empty('position');
      break;
    case 'LineString':
      line(g.coordinates, 'coordinates');
      break;
    case 'MultiLineString':
      if (g.coordinates.length === 0) empty('line');
      g.coordinates.forEach((l, i) => {
        line(l, `coordinates.${i}`);
      });
      break;
    case 'Polygon':
      polygon(g.coordinates, 'coordinates');
      break;
    case 'MultiPolygon':
      if (g.coordinates.length === 0) empty('polygon');
      g.coordinates.forEach((p, i) => {
        polygon(p, `coordinates.${i}`);
      });
      break;
    default:
      break;
  }
}

function checkRing(ring: Position[], path: string, issues: GeometryIssue[]): void {
  if (ring.length < 4) {
    issues.push({
      code: 'too_few_positions',
      path,
      message: 'a polygon ring needs at least 4 positions (the first repeated at the end)',
    });
    return;
  }
  const a = ring[0] as Position;
  const b = ring[ring.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) {
    issues.push({
      code: 'not_closed',
      path,
      message: 'a polygon ring must be closed: repeat the first position at the end',
    });
  }
  if (new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size < 3) {
    issues.push({
      code: 'degenerate_ring',
      path,
      message: 'a polygon ring needs at least 3 distinct positions',
    });
  }
}

function checkCrossings(g: Geometry, allowLineCrossings: boolean, issues: GeometryIssue[]): void {
  const isArea = g.type === 'Polygon' || g.type === 'MultiPolygon';
  const isLine = g.type === 'LineString' || g.type === 'MultiLineString';
  if (!isArea && !(isLine && !allowLineCrossings)) return;
  const found = kinks(g as Polygon | MultiPolygon | LineString | MultiLineString);
  if (found.features.length === 0) return;
  const points = found.features
    .slice(0, 5)
    .map((f) => `[${f.geometry.coordinates.map((c) => Number(c.toFixed(6))).join(', ')}]`)
    .join(', ');
  issues.push({
    code: 'self_intersection',
    path: 'coordinates',
    message: `the ${isArea ? 'polygon' : 'line'} crosses itself at ${points}${found.features.length > 5 ? ' and more' : ''}; draw it without crossing edges`,
  });
}
