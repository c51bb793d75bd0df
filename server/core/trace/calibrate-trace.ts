// Puts a trace into calibrated km (official lengths between chainage points) and adds the official
// river km to its country entries, border crossings and main outlet.
import type { PathKm } from './river-km.js';
import type { TraceResult } from './trace-result.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function calibrateTrace(t: TraceResult, pk: PathKm): TraceResult {
  const cal = (rawKm: number) => round(pk.cal(rawKm));
  return {
    ...t,
    lengthKm: cal(t.lengthKm),
    // The main outlet's official km is the path end's; other outlets end other arms (no chainage).
    outlets: t.outlets.map((o) => ({ ...o, km: cal(o.km), riverKm: o.main ? pk.riverKm(t.lengthKm) : null })),
    countries: t.countries.map((c) => ({
      ...c,
      entryKm: cal(c.entryKm),
      exitKm: cal(c.exitKm),
      riverKm: pk.riverKm(c.entryKm),
    })),
    crossings: t.crossings.map((c) => ({ ...c, km: cal(c.km), riverKm: pk.riverKm(c.km) })),
    rivers: t.rivers.map((r) => ({ ...r, fromKm: cal(r.fromKm), toKm: cal(r.toKm) })),
    path: {
      ...t.path,
      features: t.path.features.map((f) => {
        const from = f.properties.kmFromStart;
        const to = from + f.properties.lengthKm;
        return {
          ...f,
          properties: { ...f.properties, kmFromStart: cal(from), lengthKm: round(cal(to) - cal(from)) },
        };
      }),
    },
  };
}
