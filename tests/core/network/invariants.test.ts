// Build-level invariants of the real network: oriented, acyclic, every reach reaches an outlet.
import { beforeAll, describe, expect, it } from 'vitest';
import { stronglyConnected } from '../../../server/core/network/orient.js';
import type { RiverNetwork } from '../../../server/core/trace/river-network.js';
import { createServices } from '../../../server/runtime/services.js';
import { builtDbPath } from '../../support/database.js';

let net: RiverNetwork;
let meta: Record<string, string>;
beforeAll(() => {
  const s = createServices({ dbPath: builtDbPath() });
  net = s.network;
  meta = s.meta;
  s.close();
});

describe('routed network invariants', () => {
  it('has no zero-length reaches', () => {
    expect(net.reaches.filter((r) => !(r.lengthKm > 0))).toEqual([]);
  });

  it('has no directed cycles', () => {
    const out = net.outflows.map((ids) => ids.map((id) => net.reaches[id]!.to));
    const comp = stronglyConnected(out);
    const sizes = new Map<number, number>();
    for (const c of comp) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect([...sizes.values()].filter((n) => n > 1)).toEqual([]);
  });

  it('drains every node with reaches into an outlet, and only outlets are sinks', () => {
    const reachesOutlet = new Uint8Array(net.outflows.length);
    for (const o of net.outlets) reachesOutlet[o.node] = 1;
    // Propagate upstream from outlets over reversed edges.
    const inflows: number[][] = net.outflows.map(() => []);
    for (const r of net.reaches) inflows[r.to]!.push(r.from);
    const stack = net.outlets.map((o) => o.node);
    while (stack.length)
      for (const u of inflows[stack.pop()!]!)
        if (!reachesOutlet[u]) {
          reachesOutlet[u] = 1;
          stack.push(u);
        }
    const stranded = net.reaches.filter((r) => !reachesOutlet[r.from]);
    expect(stranded).toEqual([]);
    const sinks = net.outflows.flatMap((ids, node) =>
      ids.length === 0 && inflows[node]!.length > 0 ? [node] : [],
    );
    expect(sinks.filter((n) => !net.outletAt.has(n))).toEqual([]);
  });

  it('reports how much river flows against its digitising (~9 % per the issue) and the snapped ends', () => {
    const stats = JSON.parse(meta.stats!) as {
      reversedKm: number;
      totalKm: number;
      snappedEnds: number;
      cutEdges: number;
    };
    const share = stats.reversedKm / stats.totalKm;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.15);
    expect(stats.snappedEnds).toBeGreaterThan(500);
    // Four reviewed cuts (data/network-errata.json): the Svitava across the Elbe/Danube divide, the
    // Zeravshan's desert end, Kolozero/Imandra, and the White Sea Canal at Povenets.
    expect(stats.cutEdges).toBe(4);
  });

  it('names the Aral Sea and the Black Sea outlets', () => {
    const names = new Set(net.outlets.map((o) => o.name));
    expect(names).toContain('Aral Sea');
    expect(names).toContain('Black Sea');
    expect(names).toContain('Caspian Sea');
  });

  it('names the basins of the Danube and the Syr Darya', () => {
    const names = [...net.basins.values()].map((b) => b.name);
    expect(names).toContain('Danube');
    expect(names).toContain('Syr Darya');
  });
});
