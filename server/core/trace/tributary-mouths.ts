// Receiving rivers missing from Natural Earth (data/tributary-mouths.json): where each enters a river
// the network draws, so a site on one joins the network at that mouth, not at the nearest river line
// (which may lie in the next valley: Yangiabad's Akhangaran, TALCO's Karatag).
import { z } from 'zod';
import type { RiverNetwork } from './river-network.js';
import { normalizeName, type Snap, snapToNetwork } from './snap.js';

export const TributaryMouthsSchema = z.object({
  about: z.string(),
  rivers: z.array(
    z.object({
      name: z.string().min(1),
      names: z.array(z.string().min(1)).min(1),
      joins: z.array(z.string().min(1)).min(1),
      mouth: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
      source: z.string().min(10),
    }),
  ),
});
export type TributaryMouths = z.output<typeof TributaryMouthsSchema>;

/** A mouth is placed on its receiving river within this distance. */
const MOUTH_SNAP_KM = 15;

/** Where a site on `river` joins the network, or null when the table does not know the river. */
export function mouthSnap(net: RiverNetwork, table: TributaryMouths, river: string): Snap | null {
  const wanted = normalizeName(river);
  const entry = table.rivers.find((r) => r.names.some((n) => normalizeName(n) === wanted));
  if (!entry) return null;
  const [lon, lat] = entry.mouth;
  for (const joins of entry.joins) {
    const snap = snapToNetwork(net, lon, lat, MOUTH_SNAP_KM, joins);
    if (snap) return snap;
  }
  return null;
}
