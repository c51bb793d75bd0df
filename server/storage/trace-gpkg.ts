// The downstream trace as a GeoPackage with three layers: path (reach pieces), crossings (border
// crossings and shared stretches) and outlets, with the arrival times when a release was given.
import type { Geometry } from 'geojson';
import type { TraceResult } from '../core/trace/trace.js';
import { fieldsOf, type GpkgLayer, type GpkgValue, writeGpkg } from './gpkg.js';

type Arrival = { leadingEdgeH: Band; peakH: Band; peakMgL: Band } | undefined;
type Band = { probable: number | null; bound: number | null } | null;

/** Arrival bands as flat columns (leadingEdgeH, leadingEdgeHBound, …), null without a release. */
function arrivalColumns(a: Arrival): Record<string, GpkgValue> {
  return {
    leadingEdgeH: a?.leadingEdgeH?.probable ?? null,
    leadingEdgeHBound: a?.leadingEdgeH?.bound ?? null,
    peakH: a?.peakH?.probable ?? null,
    peakHBound: a?.peakH?.bound ?? null,
    peakMgL: a?.peakMgL?.probable ?? null,
    peakMgLBound: a?.peakMgL?.bound ?? null,
  };
}

function layer(
  name: string,
  geometryType: GpkgLayer['geometryType'],
  features: Array<{ geometry: Geometry; properties: Record<string, GpkgValue> }>,
): GpkgLayer {
  return { name, geometryType, fields: fieldsOf(features.map((f) => f.properties)), features };
}

const scalar = (v: unknown): GpkgValue =>
  v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as GpkgValue);

export function traceGpkg(t: TraceResult): Buffer {
  const path = t.path.features.map((f) => ({
    geometry: f.geometry as Geometry,
    properties: Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [k, scalar(v)])),
  }));
  const crossings = t.crossings.map((c) => ({
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] } as Geometry,
    properties: {
      km: c.km,
      from: c.from,
      to: c.to,
      kind: c.kind,
      ...arrivalColumns((c as { arrival?: Arrival }).arrival),
    },
  }));
  const outlets = t.outlets.map((o) => ({
    geometry: { type: 'Point', coordinates: [o.lon, o.lat] } as Geometry,
    properties: {
      name: o.name,
      kind: o.kind,
      river: o.river,
      km: o.km,
      main: o.main,
      ...arrivalColumns((o as { arrival?: Arrival }).arrival),
    },
  }));
  return writeGpkg([
    layer('path', 'LINESTRING', path),
    layer('crossings', 'POINT', crossings),
    layer('outlets', 'POINT', outlets),
  ]);
}
