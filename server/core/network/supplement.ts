// Network supplements: reviewed lines adding rivers the source network lacks. Each line runs in flow
// direction (coordinate order) and joins the river it flows into at its downstream end, within a
// tolerance; this module checks the file and finds the join points (pure: no I/O).
import { z } from 'zod';
import { SegmentIndex } from '../geo/segment-index.js';
import { normalizeName } from './normalize-name.js';

/** A supplement's downstream end must lie within this distance of the river it flows into. */
export const SUPPLEMENT_JOIN_KM = 5;

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    name: z.string({ error: 'give the river name' }).trim().min(1, 'give the river name'),
    nameAlt: z.array(z.string().trim().min(1)).optional(),
    flowsInto: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)], {
      error: 'give the river it flows into (a name, or names the source network may use there)',
    }),
    source: z
      .string({ error: 'cite the documented points the line was digitised from' })
      .trim()
      .min(1, 'cite the documented points the line was digitised from'),
    approximate: z.boolean({ error: 'say whether the line is approximate (true/false)' }),
    scalerank: z.number().int().min(0).max(12).optional(),
    dischargeM3s: z.number().positive().optional(),
    note: z.string().optional(),
  }),
  geometry: z.object({
    type: z.literal('LineString', { error: 'each supplement is one LineString' }),
    coordinates: z.array(position).min(2, 'a line needs at least two points'),
  }),
});
const fileSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

export interface SupplementLine {
  name: string;
  nameAlt: string[];
  /** Names of the receiving river, the documented one first. */
  flowsInto: string[];
  source: string;
  approximate: boolean;
  scalerank: number;
  dischargeM3s: number | null;
  /** Interleaved lon,lat in flow direction. */
  coords: number[];
  /** Where it came from, for messages: "FILE feature N". */
  origin: string;
}

export type ParsedSupplement = { ok: true; lines: SupplementLine[] } | { ok: false; errors: string[] };

/** Default size class for a supplement without one: a mid-sized tributary (≈ 40 m³/s by default). */
const DEFAULT_SCALERANK = 9;

export function parseSupplement(json: unknown, file: string): ParsedSupplement {
  const top = fileSchema.safeParse(json);
  if (!top.success)
    return { ok: false, errors: [`${file}: expected a GeoJSON FeatureCollection of LineStrings.`] };
  const errors: string[] = [];
  const lines: SupplementLine[] = [];
  top.data.features.forEach((raw, i) => {
    const origin = `${file} feature ${i + 1}`;
    const f = featureSchema.safeParse(raw);
    if (!f.success) {
      for (const issue of f.error.issues)
        errors.push(`${origin}${issue.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue.message}`);
      return;
    }
    const p = f.data.properties;
    lines.push({
      name: p.name,
      nameAlt: p.nameAlt ?? [],
      flowsInto: typeof p.flowsInto === 'string' ? [p.flowsInto] : p.flowsInto,
      source: p.source,
      approximate: p.approximate,
      scalerank: p.scalerank ?? DEFAULT_SCALERANK,
      dischargeM3s: p.dischargeM3s ?? null,
      coords: f.data.geometry.coordinates.flatMap((c) => [c[0]!, c[1]!]),
      origin: `${origin} (${p.name})`,
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, lines };
}

/** A line of the network a supplement may join: its coordinates and every name it goes by. */
export interface JoinTarget {
  coords: ArrayLike<number>;
  names: readonly (string | null)[];
}

export type JoinResult =
  | {
      ok: true;
      line: SupplementLine;
      /** The join point on the receiving river and how far the line's end is from it. */
      lon: number;
      lat: number;
      distanceKm: number;
      into:
        | { kind: 'network'; index: number; seg: number }
        | { kind: 'supplement'; index: number; seg: number };
      river: string;
    }
  | { ok: false; line: SupplementLine; message: string };

/**
 * Joins every line's downstream end to the nearest line named as its receiving river: a network
 * line, or another supplement (a tributary of a tributary). Refuses ends beyond the tolerance and
 * supplements that flow into each other in a circle.
 */
export function joinSupplements(
  lines: readonly SupplementLine[],
  network: readonly JoinTarget[],
  toleranceKm = SUPPLEMENT_JOIN_KM,
): JoinResult[] {
  const all: {
    coords: ArrayLike<number>;
    names: Set<string>;
    kind: 'network' | 'supplement';
    index: number;
  }[] = [
    ...network.map((t, index) => ({
      coords: t.coords,
      names: new Set(t.names.filter((n): n is string => !!n).map(normalizeName)),
      kind: 'network' as const,
      index,
    })),
    ...lines.map((l, index) => ({
      coords: l.coords,
      names: new Set([l.name, ...l.nameAlt].map(normalizeName)),
      kind: 'supplement' as const,
      index,
    })),
  ];
  const index = new SegmentIndex(all.map((t) => t.coords));
  const results = lines.map((line, li): JoinResult => {
    const wanted = new Set(line.flowsInto.map(normalizeName));
    const n = line.coords.length;
    const [lon, lat] = [line.coords[n - 2]!, line.coords[n - 1]!];
    const hit = index.nearest(lon, lat, toleranceKm, (t) => {
      const target = all[t]!;
      return (
        !(target.kind === 'supplement' && target.index === li) && [...target.names].some((x) => wanted.has(x))
      );
    });
    if (!hit) {
      const far = index.nearest(lon, lat, 500, (t) => [...all[t]!.names].some((x) => wanted.has(x)));
      return {
        ok: false,
        line,
        message:
          `${line.origin}: its downstream end (${lon.toFixed(4)}, ${lat.toFixed(4)}) is not within ${toleranceKm} km of ` +
          `${line.flowsInto.join(' / ')}` +
          (far
            ? ` (nearest ${far.distanceKm.toFixed(1)} km away at ${far.lon.toFixed(4)}, ${far.lat.toFixed(4)}); move the last point onto it.`
            : '; no river of that name within 500 km. Check flowsInto against the network names.'),
      };
    }
    const target = all[hit.line]!;
    return {
      ok: true,
      line,
      lon: hit.lon,
      lat: hit.lat,
      distanceKm: hit.distanceKm,
      into: { kind: target.kind, index: target.index, seg: hit.seg },
      river: [...line.flowsInto].find((x) => target.names.has(normalizeName(x))) ?? line.flowsInto[0]!,
    };
  });
  // Supplements joining supplements must end on the network eventually.
  return results.map((r, i) => {
    if (!r.ok) return r;
    const seen = new Set<number>([i]);
    let cur: JoinResult = r;
    while (cur.ok && cur.into.kind === 'supplement') {
      if (seen.has(cur.into.index))
        return {
          ok: false,
          line: r.line,
          message: `${r.line.origin}: supplements flow into each other in a circle.`,
        };
      seen.add(cur.into.index);
      cur = results[cur.into.index]!;
    }
    return cur.ok
      ? r
      : {
          ok: false,
          line: r.line,
          message: `${r.line.origin}: it flows into a supplement that does not join.`,
        };
  });
}

/** One line per supplement for the build log and `hazatlas network check`. */
export function describeJoin(r: JoinResult): string {
  if (!r.ok) return `✗ ${r.message}`;
  const flag = r.line.approximate ? ' (approximate)' : '';
  return (
    `✓ ${r.line.name}${flag} → ${r.river} at ${r.lon.toFixed(4)}, ${r.lat.toFixed(4)}, ` +
    `${r.distanceKm.toFixed(2)} km from its last point`
  );
}

/** The line's coordinates ending exactly at its join point (appended unless the end is already there). */
export function joinedCoords(r: Extract<JoinResult, { ok: true }>): number[] {
  const c = r.line.coords;
  return r.distanceKm < 1e-6 ? [...c.slice(0, -2), r.lon, r.lat] : [...c, r.lon, r.lat];
}
