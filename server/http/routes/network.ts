// GET /api/network/stats and /api/basins: what the routed network holds and where it came from.
import { Router } from 'express';
import type { Services } from '../../runtime/services.js';
import { strictQuery } from '../security.js';

export function networkRouter(services: Services): Router {
  const router = Router();
  router.get('/network/stats', strictQuery(), (_req, res) => {
    const net = services.network;
    const meta = services.meta;
    const outletKinds: Record<string, number> = {};
    for (const o of net.outlets) outletKinds[o.kind] = (outletKinds[o.kind] ?? 0) + 1;
    // River km by where their name comes from (unnamed: no name even by inference).
    const namesKm: Record<string, number> = {};
    for (const r of net.reaches) {
      const k = r.name === null ? 'unnamed' : (r.nameSource ?? 'natural_earth');
      namesKm[k] = (namesKm[k] ?? 0) + r.lengthKm;
    }
    for (const k of Object.keys(namesKm)) namesKm[k] = Math.round(namesKm[k]!);
    res.json({
      reaches: net.reaches.length,
      nodes: net.outflows.length,
      outlets: net.outlets.length,
      outletKinds,
      basins: net.basins.size,
      totalKm: Math.round(net.reaches.reduce((s, r) => s + r.lengthKm, 0)),
      builtAt: meta.built_at ?? null,
      buildSeconds: meta.build_seconds ? Number(meta.build_seconds) : null,
      sources: meta.sources ? (JSON.parse(meta.sources) as Record<string, string>) : {},
      build: meta.stats ? (JSON.parse(meta.stats) as Record<string, number>) : {},
      diagnostics: meta.diagnostic_counts
        ? (JSON.parse(meta.diagnostic_counts) as Record<string, number>)
        : {},
      namesKm,
      // The build's network review: open flags, reviewed inland systems found right or absent.
      review: meta.review ? (JSON.parse(meta.review) as unknown) : null,
      networkSource: meta.network_source ?? 'naturalearth',
      /** One line per network supplement: where it joined its receiving river. */
      supplements: meta.supplements ? (JSON.parse(meta.supplements) as string[]) : [],
      loadMs: Math.round(services.loadMs),
    });
  });
  // The network is immutable while the server runs, so the basin list is computed once.
  const basinOfNode = new Map(services.network.reaches.map((r) => [r.to, r.basinId]));
  const outlets = new Map<number, string[]>();
  for (const o of services.network.outlets) {
    const basin = basinOfNode.get(o.node);
    if (basin !== undefined) outlets.set(basin, [...(outlets.get(basin) ?? []), o.name]);
  }
  // A basin is named after its main river, so its Russian name is that river's reviewed one.
  const ruByName = new Map<string, string>();
  for (const r of services.network.reaches)
    if (r.name && r.nameRu && !ruByName.has(r.name)) ruByName.set(r.name, r.nameRu);
  const basins = [...services.network.basins.values()]
    .filter((b) => b.lengthKm >= 100)
    .sort((a, b) => b.lengthKm - a.lengthKm)
    .map((b) => ({
      id: b.id,
      name: b.name,
      nameRu: ruByName.get(b.name) ?? null,
      lengthKm: Math.round(b.lengthKm),
      bbox: b.bbox,
      outlets: [...new Set(outlets.get(b.id) ?? [])],
    }));
  router.get('/basins', strictQuery(), (_req, res) => {
    res.json(basins);
  });
  return router;
}
