// Ranks place-finder candidates against what the user typed: exact names first, then names that start
// with it, then names containing it; diacritics and case do not matter ("Sasar" finds "Săsar").
import { foldText } from '../register/text.js';

/** 0 exact, 1 prefix, 2 word prefix, 3 contains; null when the name does not match at all. */
export function matchRank(name: string, q: string): number | null {
  const n = foldText(name);
  const f = foldText(q).trim();
  if (!f) return null;
  if (n === f) return 0;
  if (n.startsWith(f)) return 1;
  if (n.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(f))) return 2;
  return n.includes(f) ? 3 : null;
}

/** The best-ranked `limit` items (ties keep the order given, e.g. by population or length). */
export function bestMatches<T>(
  items: readonly T[],
  nameOf: (t: T) => string[],
  q: string,
  limit: number,
): T[] {
  const ranked: { item: T; rank: number; i: number }[] = [];
  items.forEach((item, i) => {
    let best: number | null = null;
    for (const n of nameOf(item)) {
      const r = matchRank(n, q);
      if (r !== null && (best === null || r < best)) best = r;
    }
    if (best !== null) ranked.push({ item, rank: best, i });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.slice(0, limit).map((r) => r.item);
}
