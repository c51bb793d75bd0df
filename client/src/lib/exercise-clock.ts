// Pure helpers of the exercise facilitator view: which injects have happened by the clock, the next
// one to jump to, how far the leading edge has come (km, from the trace profile) and the stretch of
// the main path it covers, for the map.
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import type { ExerciseTimeline, Inject } from './plans-api.js';

export const injectTime = (i: Inject) => Date.parse(i.at);

export function pastInjects(injects: readonly Inject[], clockMs: number): number {
  return injects.filter((i) => injectTime(i) <= clockMs).length;
}

/** The first inject strictly after the clock, or null at the end. */
export function nextInjectTime(injects: readonly Inject[], clockMs: number): number | null {
  const next = injects.find((i) => injectTime(i) > clockMs);
  return next ? injectTime(next) : null;
}

/** Km reached by the probable leading edge `hours` after the release (linear in the profile). */
export function frontKm(profile: ExerciseTimeline['profile'], hours: number): number {
  if (hours <= 0 || profile.length === 0) return 0;
  for (let i = 1; i < profile.length; i++) {
    const a = profile[i - 1]!;
    const b = profile[i]!;
    if (b.leadingEdgeH.probable >= hours) {
      const span = b.leadingEdgeH.probable - a.leadingEdgeH.probable;
      const f = span > 0 ? (hours - a.leadingEdgeH.probable) / span : 1;
      return a.km + f * (b.km - a.km);
    }
  }
  return profile[profile.length - 1]!.km;
}

/** The main path's pieces up to `km` (the last one cut in proportion to its vertices' length). */
export function pathUpTo(path: ExerciseTimeline['path'], km: number): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  for (const f of path.features) {
    if (f.properties.branch !== 'main' || f.properties.kmFromStart >= km) continue;
    const end = f.properties.kmFromStart + f.properties.lengthKm;
    const coords =
      end <= km
        ? f.geometry.coordinates
        : cut(f.geometry.coordinates, (km - f.properties.kmFromStart) / f.properties.lengthKm);
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: {} });
  }
  return { type: 'FeatureCollection', features };
}

function cut(coords: Position[], fraction: number): Position[] {
  const seg = (a: Position, b: Position) => Math.hypot((b[0] ?? 0) - (a[0] ?? 0), (b[1] ?? 0) - (a[1] ?? 0));
  let total = 0;
  for (let i = 1; i < coords.length; i++) total += seg(coords[i - 1]!, coords[i]!);
  let left = total * Math.max(0, Math.min(1, fraction));
  const out: Position[] = [coords[0]!];
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1]!;
    const b = coords[i]!;
    const d = seg(a, b);
    if (d >= left) {
      const f = d > 0 ? left / d : 0;
      out.push([
        (a[0] ?? 0) + f * ((b[0] ?? 0) - (a[0] ?? 0)),
        (a[1] ?? 0) + f * ((b[1] ?? 0) - (a[1] ?? 0)),
      ]);
      return out;
    }
    left -= d;
    out.push(b);
  }
  return out;
}

/** "2026-03-01T06:00" for a datetime-local field read as UTC. */
export const utcInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);
export const utcText = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
