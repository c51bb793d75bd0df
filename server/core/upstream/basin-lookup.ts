// Finds a basin from a query: a network basin id, a basin name or an outlet name (any case/accents).
import type { BasinInfo, RiverNetwork } from '../trace/river-network.js';
import { normalizeName } from '../trace/snap.js';

export function findBasin(net: RiverNetwork, query: string): BasinInfo | null {
  const q = query.trim();
  if (/^\d+$/.test(q)) return net.basins.get(Number(q)) ?? null;
  const key = normalizeName(q);
  const longest = (list: BasinInfo[]) =>
    list.sort((a, b) => b.lengthKm - a.lengthKm || a.id - b.id)[0] ?? null;
  const byName = [...net.basins.values()].filter((b) => normalizeName(b.name) === key);
  if (byName.length) return longest(byName);
  const outletNodes = new Set(net.outlets.filter((o) => normalizeName(o.name) === key).map((o) => o.node));
  const ids = new Set(net.reaches.filter((r) => outletNodes.has(r.to)).map((r) => r.basinId));
  return longest([...ids].flatMap((id) => net.basins.get(id) ?? []));
}

/** Names to suggest when a basin is not found: the largest systems. */
export function largestBasinNames(net: RiverNetwork, n = 6): string[] {
  return [...net.basins.values()]
    .sort((a, b) => b.lengthKm - a.lengthKm)
    .slice(0, n)
    .map((b) => b.name);
}
