// Validation of a receptor (POST body or import row): kind, name, optional population and properties,
// and a WGS84 Point, Polygon or MultiPolygon checked for ranges, ring closure and self-intersections.
import { bbox, centroid } from '@turf/turf';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { z } from 'zod';
import { RECEPTOR_KINDS, type ReceptorKind } from '../../../shared/codes.js';
import { validateGeometry } from '../geo/validate-geometry.js';
import { stripControlChars } from '../register/site-schema.js';

export { RECEPTOR_KINDS, type ReceptorKind } from '../../../shared/codes.js';
/** Positions per receptor geometry; also bounds the quadratic self-intersection check. */
export const RECEPTOR_MAX_POSITIONS = 20_000;

export type ReceptorGeometry = Point | Polygon | MultiPolygon;

export interface ReceptorFields {
  kind: ReceptorKind;
  name: string;
  population: number | null;
  geometry: ReceptorGeometry;
  properties: Record<string, unknown>;
  /** Representative point and bounding box, for the map and the R*Tree. */
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
}

export interface ReceptorIssue {
  path: string;
  message: string;
}

const text = (max: number) => z.string().overwrite(stripControlChars).trim().min(1).max(max);

export const ReceptorBody = z
  .object({
    kind: z.enum(RECEPTOR_KINDS, { error: `kind must be one of ${RECEPTOR_KINDS.join(', ')}` }),
    name: text(300),
    population: z.coerce.number().int().min(0).max(100_000_000).nullable().optional(),
    geometry: z.unknown(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type ReceptorCheck = { ok: true; fields: ReceptorFields } | { ok: false; issues: ReceptorIssue[] };

export function validateReceptor(input: unknown): ReceptorCheck {
  const parsed = ReceptorBody.safeParse(input);
  const issues: ReceptorIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const raw = (input ?? {}) as { geometry?: unknown };
  const geo =
    raw.geometry === undefined
      ? { ok: false as const, issues: [{ path: '', message: 'is required' }] }
      : validateGeometry(raw.geometry, {
          allowed: ['Point', 'Polygon', 'MultiPolygon'],
          maxPositions: RECEPTOR_MAX_POSITIONS,
        });
  if (!geo.ok)
    issues.push(
      ...geo.issues.map((i) => ({ path: i.path ? `geometry.${i.path}` : 'geometry', message: i.message })),
    );
  if (!parsed.success || !geo.ok || issues.length > 0) return { ok: false, issues };
  const geometry = geo.geometry as ReceptorGeometry;
  const [lon, lat] =
    geometry.type === 'Point'
      ? (geometry.coordinates as [number, number])
      : (centroid(geometry).geometry.coordinates as [number, number]);
  const [w, s, e, n] = bbox(geometry);
  return {
    ok: true,
    fields: {
      kind: parsed.data.kind,
      name: parsed.data.name,
      population: parsed.data.population ?? null,
      geometry,
      properties: parsed.data.properties ?? {},
      lon,
      lat,
      bbox: [w, s, e, n],
    },
  };
}

/** An import row (flat properties + geometry) as a receptor body: kind/name/population lifted out. */
export function rowToReceptorBody(
  props: Record<string, unknown>,
  geometry: unknown,
  defaultKind: string | undefined,
): Record<string, unknown> {
  const { kind, name, population, substances: _ignored, ...rest } = props;
  const pop = population === undefined || population === '' ? undefined : population;
  return {
    kind: kind ?? defaultKind,
    name,
    ...(pop === undefined ? {} : { population: pop }),
    geometry,
    properties: rest,
  };
}
