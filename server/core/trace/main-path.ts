// Chooses the main continuation at a split: the same river if it goes on, else the biggest one.
import type { Reach, RiverNetwork } from './river-network.js';

export function mainOutflow(net: RiverNetwork, from: Reach): Reach | null {
  const options = net.outflows[from.to]!.map((id) => net.reaches[id]!);
  if (options.length <= 1) return options[0] ?? null;
  const names = new Set([from.name, ...from.nameAlt].filter((n) => n !== null));
  const score = (r: Reach): [number, number, number, number] => [
    [r.name, ...r.nameAlt].some((n) => n !== null && names.has(n)) ? 0 : 1,
    r.featurecla === 'River' ? 0 : 1,
    r.scalerank,
    r.id,
  ];
  return options.reduce((best, r) => {
    const a = score(r);
    const b = score(best);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? r : best;
    return best;
  });
}
