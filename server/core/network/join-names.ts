// Names unnamed reaches of an imported network after the Natural Earth river they follow: most of a
// reach's sampled points must lie within a tolerance of one named line (the two sources' rivers
// differ by up to a few km), so a tributary merely touching a named river at its mouth stays unnamed.
import { cumulativeKm, pointAtKm } from '../geo/geodesy.js';
import { SegmentIndex } from '../geo/segment-index.js';

export interface NamedLine {
  coords: ArrayLike<number>;
  name: string;
  nameAlt: string[];
}

export interface JoinOptions {
  toleranceKm: number;
  samples: number;
  /** Share of samples that must agree on one line's name. */
  minShare: number;
  /**
   * Reaches with a smaller known mean discharge stay unnamed: Natural Earth 1:10m draws rivers far
   * larger than that, so a brook beside one of its lines is a tributary, not that river.
   */
  minDischargeM3s: number;
}

export const DEFAULT_JOIN: JoinOptions = { toleranceKm: 3, samples: 5, minShare: 0.6, minDischargeM3s: 5 };

/** For each reach: the joined name and alternative names, or null. */
export function joinNames(
  reaches: readonly { coords: Float64Array; dischargeM3s: number | null }[],
  named: readonly NamedLine[],
  options: JoinOptions = DEFAULT_JOIN,
): ({ name: string; nameAlt: string[] } | null)[] {
  if (named.length === 0) return reaches.map(() => null);
  const index = new SegmentIndex(named.map((n) => n.coords));
  return reaches.map(({ coords, dischargeM3s }) => {
    if (dischargeM3s !== null && dischargeM3s < options.minDischargeM3s) return null;
    const cum = cumulativeKm(coords);
    const lengthKm = cum[cum.length - 1] ?? 0;
    const votes = new Map<string, { count: number; line: number }>();
    for (let s = 0; s < options.samples; s++) {
      const [lon, lat] = pointAtKm(coords, cum, (lengthKm * (s + 0.5)) / options.samples);
      const hit = index.nearest(lon, lat, options.toleranceKm);
      if (!hit) continue;
      const name = named[hit.line]!.name;
      const v = votes.get(name) ?? { count: 0, line: hit.line };
      v.count++;
      votes.set(name, v);
    }
    const best = [...votes].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))[0];
    if (!best || best[1].count < options.minShare * options.samples) return null;
    return { name: best[0], nameAlt: named[best[1].line]!.nameAlt };
  });
}
