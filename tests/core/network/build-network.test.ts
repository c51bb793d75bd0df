// The network builder on small hand-drawn fixtures: snapping, orientation, deltas, errata.
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../server/core/network/build-network.js';
import { DEFAULT_BUILD_OPTIONS, type Errata, type RiverLine } from '../../../server/core/network/types.js';

const NO_ERRATA: Errata = { noSnap: [], cutEdges: [], directions: [] };
const line = (coords: number[][], extra: Partial<RiverLine> = {}): RiverLine => ({
  coords: coords.flat(),
  name: null,
  nameAlt: [],
  featurecla: 'River',
  scalerank: 5,
  source: 'world',
  ...extra,
});
// A north–south coastline at lon 1.0: line ends within 3 km of it are sea outlets.
const COAST = [[1.0, -1, 1.0, 1]];
const build = (rivers: RiverLine[], errata = NO_ERRATA) =>
  buildNetwork({ rivers, coastline: COAST, terminalLakes: [] }, errata, DEFAULT_BUILD_OPTIONS);
const flowsEast = (coords: Float64Array) => coords[coords.length - 2]! > coords[0]!;

describe('buildNetwork', () => {
  it('joins a tributary ending 500 m short of the main river, splitting the main river there', () => {
    const main = line(
      [
        [0, 0],
        [0.5, 0],
        [0.999, 0],
      ],
      { name: 'Main' },
    );
    // Ends at lat 0.0045 (≈ 500 m north of the main river), between its vertices.
    const trib = line(
      [
        [0.25, 0.3],
        [0.25, 0.0045],
      ],
      { name: 'Trib', source: 'europe' },
    );
    const net = build([main, trib]);
    expect(net.stats.snappedEnds).toBe(1);
    // Main is split at the junction: 3 edges in all, all flowing east/south to the sea.
    expect(net.edges).toHaveLength(3);
    const junctionLon = net.edges.find((e) => e.name === 'Trib')!.coords.at(-2);
    expect(junctionLon).toBeCloseTo(0.25, 6);
    expect(net.edges.filter((e) => e.name === 'Main').every((e) => flowsEast(e.coords))).toBe(true);
  });

  it('reuses a main-river vertex within 50 m instead of inserting a near-duplicate', () => {
    const main = line([
      [0, 0],
      [0.5, 0],
      [0.999, 0],
    ]);
    const trib = line([
      [0.5003, 0.3],
      [0.5003, 0.003],
    ]);
    const net = build([main, trib]);
    const tribEdge = net.edges.find((e) => e.coords[0] === 0.5003 || e.coords.at(-2) === 0.5)!;
    expect(tribEdge.coords.at(-2)).toBe(0.5);
    expect(net.edges).toHaveLength(3);
  });

  it('does not join ends farther than the 1 km tolerance', () => {
    const main = line([
      [0, 0],
      [0.999, 0],
    ]);
    const trib = line([
      [0.5, 0.3],
      [0.5, 0.02],
    ]); // ≈ 2.2 km short
    const net = build([main, trib]);
    expect(net.stats.snappedEnds).toBe(0);
  });

  it('turns a stretch digitised upstream toward the outlet', () => {
    const upper = line([
      [0, 0],
      [0.5, 0],
    ]);
    const lowerDrawnBackwards = line([
      [0.999, 0],
      [0.5, 0],
    ]);
    const net = build([upper, lowerDrawnBackwards]);
    const lower = net.edges.find((e) => e.coords.some((x) => x === 0.999))!;
    expect(lower.reversed).toBe(true);
    expect(flowsEast(lower.coords)).toBe(true);
    expect(net.stats.reversedKm).toBeCloseTo(lower.lengthKm, 6);
  });

  it('keeps both arms of a delta flowing to their own mouths, even an arm drawn from its mouth', () => {
    const stem = line(
      [
        [0, 0],
        [0.8, 0],
      ],
      { name: 'Stem', scalerank: 2 },
    );
    const armA = line(
      [
        [0.8, 0],
        [0.999, 0.1],
      ],
      { name: 'A', scalerank: 2 },
    );
    // Arm B is long and drawn from the sea up to the split (as NE draws the Chilia).
    const armB = line(
      [
        [0.999, -0.2],
        [0.9, -0.15],
        [0.85, -0.05],
        [0.8, 0],
      ],
      { name: 'B', scalerank: 2 },
    );
    const net = build([stem, armA, armB]);
    const b = net.edges.find((e) => e.name === 'B')!;
    expect(b.reversed).toBe(true);
    expect(net.outlets.map((o) => o.kind)).toEqual(['sea', 'sea']);
    const split = net.edges.find((e) => e.name === 'Stem')!.to;
    expect(
      net.edges
        .filter((e) => e.from === split)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['A', 'B']);
  });

  it('gives a system without a coastal outlet an inland sink at its digitised end', () => {
    const net = build([
      line([
        [0, 0.5],
        [0.3, 0.5],
        [0.5, 0.5],
      ]),
    ]);
    expect(net.outlets).toHaveLength(1);
    expect(net.outlets[0]!.kind).toBe('inland_sink');
  });

  it('flags a link across a divide, and an errata cut removes it', () => {
    // Two rivers reaching the sea 330 km apart, joined by a connector line.
    const north = line(
      [
        [0, 1.5],
        [0.999, 1.5],
      ],
      { scalerank: 2 },
    );
    const south = line(
      [
        [0, -1.5],
        [0.999, -1.5],
      ],
      { scalerank: 2 },
    );
    const link = line(
      [
        [0.5, 1.5],
        [0.5, -1.5],
      ],
      { scalerank: 9 },
    );
    const coast = [[1.0, -2, 1.0, 2]];
    const flagged = buildNetwork(
      { rivers: [north, south, link], coastline: coast, terminalLakes: [] },
      NO_ERRATA,
      DEFAULT_BUILD_OPTIONS,
    );
    expect(flagged.diagnostics.some((d) => d.kind === 'inter_basin_link')).toBe(true);
    const cut: Errata = { ...NO_ERRATA, cutEdges: [{ lon: 0.5, lat: 0, radiusKm: 1, reason: 'test' }] };
    const fixed = buildNetwork(
      { rivers: [north, south, link], coastline: coast, terminalLakes: [] },
      cut,
      DEFAULT_BUILD_OPTIONS,
    );
    expect(fixed.diagnostics.some((d) => d.kind === 'inter_basin_link')).toBe(false);
    expect(fixed.stats.cutEdges).toBe(1);
  });

  it('never produces zero-length edges from duplicate vertices', () => {
    const net = build([
      line([
        [0, 0],
        [0, 0],
        [0.5, 0],
        [0.5, 0],
        [0.999, 0],
      ]),
    ]);
    expect(net.edges.every((e) => e.lengthKm > 0)).toBe(true);
  });
});
