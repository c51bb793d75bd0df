// HydroRIVERS topology: built from NEXT_DOWN alone, and broken topology refused with the reach ids named.
import { describe, expect, it } from 'vitest';
import {
  buildHydroNetwork,
  checkTopology,
  type HydroReachRecord,
  TopologyError,
} from '../../../server/core/network/hydrorivers.js';

const reach = (id: number, nextDown: number, coords: number[], extra: Partial<HydroReachRecord> = {}) =>
  ({
    id,
    nextDown,
    endorheic: false,
    dischargeM3s: 10,
    ordFlow: 5,
    coords,
    name: null,
    ...extra,
  }) as HydroReachRecord;

// Kara Darya mouth at the Naryn, 40.9 N 71.75 E (Wikipedia "Kara Darya"); coordinates only shape the test.
const karaDarya = reach(3, 30, [72.2, 40.83, 71.75, 40.9], { dischargeM3s: 136 });
const naryn = reach(20, 30, [72.05, 41.11, 71.75, 40.9], { dischargeM3s: 420 });
const syrDarya = reach(30, 0, [71.75, 40.9, 70.35, 40.43], { endorheic: true, dischargeM3s: 560 });
// Mailuu-Suu ends 1.7 km short of the Kara Darya reach it drains into.
const mailuuSuu = reach(11, 3, [72.48, 41.05, 72.21, 40.845], { dischargeM3s: 9.7 });
// Ends on the junction of Kara Darya and Naryn, but NEXT_DOWN says it drains into the Kara Darya reach.
const stream = reach(12, 3, [71.86, 40.98, 71.75, 40.9]);

describe('buildHydroNetwork', () => {
  const net = buildHydroNetwork([karaDarya, naryn, syrDarya, mailuuSuu, stream]);
  const edge = (sourceId: number) => net.edges.find((e) => e.sourceId === sourceId)!;

  it('joins reaches by NEXT_DOWN, not by touching geometry', () => {
    expect(edge(11).to).toBe(edge(3).from); // the gap does not matter
    expect(edge(12).to).toBe(edge(3).from); // touching the junction does not join it there
    expect(edge(3).to).toBe(edge(30).from);
    expect(edge(20).to).toBe(edge(30).from);
  });

  it('ends NEXT_DOWN = 0 at an inland sink when ENDORHEIC = 1, at the sea otherwise', () => {
    expect(net.outlets).toEqual([{ node: edge(30).to, kind: 'inland_sink', sourceId: 30 }]);
    const sea = buildHydroNetwork([reach(1, 0, [27.2, 42.9, 27.88, 43.03])]);
    expect(sea.outlets[0]!.kind).toBe('sea');
  });

  it('keeps the source id and DIS_AV_CMS on every edge, and one basin per outlet', () => {
    expect(edge(11).dischargeM3s).toBe(9.7);
    expect(edge(3).sourceId).toBe(3);
    expect(new Set(net.edgeBasin)).toEqual(new Set([0]));
    expect([...net.nodeOutlet].every((o) => o === 0)).toBe(true);
  });
});

describe('checkTopology', () => {
  it('names a NEXT_DOWN that points at a missing reach', () => {
    expect(() => checkTopology([reach(1, 2, [0, 0, 1, 1]), reach(5, 99, [0, 0, 1, 1])])).toThrow(
      /1 → 2, 5 → 99/,
    );
  });
  it('names duplicate ids', () => {
    expect(() => checkTopology([reach(7, 0, [0, 0, 1, 1]), reach(7, 0, [1, 1, 2, 2])])).toThrow(
      /Duplicate HYRIV_ID: 7/,
    );
  });
  it('names the reaches of a cycle, also one hanging off a tree', () => {
    const err = (() => {
      try {
        checkTopology([
          reach(1, 2, [0, 0, 1, 1]),
          reach(2, 3, [0, 0, 1, 1]),
          reach(3, 1, [0, 0, 1, 1]),
          reach(4, 2, [0, 0, 1, 1]),
          reach(5, 0, [0, 0, 1, 1]),
        ]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TopologyError);
    expect((err as Error).message).toBe('NEXT_DOWN forms a cycle: 1, 2, 3 → 1.');
  });
  it('refuses a self-loop', () => {
    expect(() => checkTopology([reach(9, 9, [0, 0, 1, 1])])).toThrow(/cycle: 9 → 9/);
  });
});

describe('seeded synthetic HydroRIVERS networks', () => {
  it('are the same for the same seed, different for another, and build as valid topology', async () => {
    const { syntheticReaches } = await import('../../../scripts/hydrorivers/synthetic.js');
    const a = syntheticReaches({ reaches: 5000, seed: 7 });
    expect(syntheticReaches({ reaches: 5000, seed: 7 })).toEqual(a);
    expect(syntheticReaches({ reaches: 5000, seed: 8 })).not.toEqual(a);
    const net = buildHydroNetwork(a);
    expect(net.edges).toHaveLength(5000);
    expect(net.outlets).toHaveLength(3); // basins of 2,000 reaches
    // Discharge grows downstream: every reach carries at least what flows into it.
    for (const e of net.edges) {
      const down = net.edges[e.to];
      if (down && !net.outlets.some((o) => o.node === e.to))
        expect(down.dischargeM3s!).toBeGreaterThan(e.dischargeM3s!);
    }
  });
});
