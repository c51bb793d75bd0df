// Where the plume is at a given hour, from the trace's km profile, and its shape on the map:
// the stretch from the trailing to the leading edge along the main path, and the peak point.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { TraceResult } from '../../../shared/api.js';
import type { ProfilePoint, ReleaseTrace } from './release.js';

export type Case = 'probable' | 'bound';

/** Km where a monotone time along the profile equals `hours` (null outside the path). */
export function kmAtHours(
  profile: readonly ProfilePoint[],
  time: (p: ProfilePoint) => number,
  hours: number,
): number | null {
  for (let i = 1; i < profile.length; i++) {
    const a = profile[i - 1]!;
    const b = profile[i]!;
    const ta = time(a);
    const tb = time(b);
    if (hours >= ta && hours <= tb)
      return tb === ta ? b.km : a.km + ((b.km - a.km) * (hours - ta)) / (tb - ta);
  }
  return null;
}

/** Value of a profile field at km by linear interpolation. */
export function valueAtKm(
  profile: readonly ProfilePoint[],
  value: (p: ProfilePoint) => number,
  km: number,
): number {
  const i = profile.findIndex((p) => p.km >= km);
  if (i <= 0) return value(profile[Math.max(0, i)] ?? profile[profile.length - 1]!);
  const a = profile[i - 1]!;
  const b = profile[i]!;
  return value(a) + ((value(b) - value(a)) * (km - a.km)) / Math.max(1e-9, b.km - a.km);
}

export interface PlumeState {
  hours: number;
  /** Km of the trailing edge, the peak and the leading edge (clamped to the path). */
  tailKm: number;
  peakKm: number | null;
  leadKm: number;
  peakMgL: number | null;
}

/**
 * The plume at `hours` after the release. The trailing edge passes a station as long after the
 * peak as the leading edge arrives before it (a symmetric cloud, as the model's Gaussian).
 */
export function plumeAt(trace: ReleaseTrace, hours: number, c: Case): PlumeState | null {
  const p = trace.profile;
  if (p.length < 2 || hours <= 0) return null;
  const end = p[p.length - 1]!;
  const lead = kmAtHours(p, (x) => x.leadingEdgeH[c], hours) ?? (hours > end.leadingEdgeH[c] ? end.km : 0);
  const tail = kmAtHours(p, (x) => 2 * x.peakH[c] - x.leadingEdgeH[c], hours);
  if (tail === null && hours > 2 * end.peakH[c] - end.leadingEdgeH[c]) return null; // gone out of the path
  const peakKm = kmAtHours(p, (x) => x.peakH[c], hours);
  return {
    hours,
    tailKm: tail ?? 0,
    peakKm,
    leadKm: lead,
    peakMgL: peakKm === null ? null : valueAtKm(p, (x) => x.peakMgL[c], peakKm),
  };
}

/** The main path as one line with km at every vertex (from the features' kmFromStart). */
export function mainLine(trace: TraceResult): { coords: [number, number][]; km: number[] } {
  const features = trace.path.features
    .filter((f) => f.properties.branch === 'main')
    .sort((a, b) => a.properties.kmFromStart - b.properties.kmFromStart);
  const coords: [number, number][] = [];
  const km: number[] = [];
  for (const f of features) {
    let k = f.properties.kmFromStart;
    const pts = f.geometry.coordinates;
    for (let i = 0; i < pts.length; i++) {
      const [lon, lat] = pts[i] as [number, number];
      if (i > 0) {
        const [lon0, lat0] = pts[i - 1] as [number, number];
        k += haversineKm(lon0, lat0, lon, lat);
      }
      coords.push([lon, lat]);
      km.push(k);
    }
  }
  return { coords, km };
}

function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function pointAt(line: ReturnType<typeof mainLine>, km: number): [number, number] {
  const i = line.km.findIndex((k) => k >= km);
  if (i <= 0) return line.coords[Math.max(0, i)] ?? line.coords[line.coords.length - 1]!;
  const t = (km - line.km[i - 1]!) / Math.max(1e-9, line.km[i]! - line.km[i - 1]!);
  const a = line.coords[i - 1]!;
  const b = line.coords[i]!;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

export function sliceLine(
  line: ReturnType<typeof mainLine>,
  fromKm: number,
  toKm: number,
): [number, number][] {
  const out: [number, number][] = [pointAt(line, fromKm)];
  line.km.forEach((k, i) => {
    if (k > fromKm && k < toKm) out.push(line.coords[i]!);
  });
  out.push(pointAt(line, toKm));
  return out;
}

export interface PlumeProps {
  role: 'plume' | 'peak';
  mgL: number | null;
}

/** GeoJSON of the plume for the map: the stretch it covers and its peak. */
export function plumeGeoJson(
  line: ReturnType<typeof mainLine>,
  state: PlumeState | null,
): FeatureCollection<LineString | Point, PlumeProps> {
  const features: Feature<LineString | Point, PlumeProps>[] = [];
  if (state && state.leadKm > state.tailKm) {
    features.push({
      type: 'Feature',
      properties: { role: 'plume', mgL: state.peakMgL },
      geometry: { type: 'LineString', coordinates: sliceLine(line, state.tailKm, state.leadKm) },
    });
  }
  if (state && state.peakKm !== null) {
    features.push({
      type: 'Feature',
      properties: { role: 'peak', mgL: state.peakMgL },
      geometry: { type: 'Point', coordinates: pointAt(line, state.peakKm) },
    });
  }
  return { type: 'FeatureCollection', features };
}
