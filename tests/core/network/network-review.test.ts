// The network review: on a fixture, an inland river joined to a sea-bound river is flagged until a
// cut separates it, a reviewed link is acknowledged; on the real build, what the review stored.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../server/core/network/build-network.js';
import {
  formatReview,
  type InlandSystem,
  reviewNetwork,
} from '../../../server/core/network/network-review.js';
import { DEFAULT_BUILD_OPTIONS, type Errata, type RiverLine } from '../../../server/core/network/types.js';
import { builtDbPath } from '../../support/database.js';

const line = (coords: number[][], extra: Partial<RiverLine> = {}): RiverLine => ({
  coords: coords.flat(),
  name: null,
  nameAlt: [],
  featurecla: 'River',
  scalerank: 6,
  source: 'world',
  ...extra,
});
const COAST = [[1.0, -1, 1.0, 1]];
// "Desert" should end inland; the data joins it to the sea-bound "Big" at lon 0.5.
const big = line(
  [
    [0, 0],
    [0.5, 0],
    [0.999, 0],
  ],
  { name: 'Big' },
);
const desert = line(
  [
    [0.5, 0.5],
    [0.5, 0.1],
    [0.5, 0],
  ],
  { name: 'Desert' },
);
const INLAND: InlandSystem[] = [
  { river: 'Desert', lon: 0.5, lat: 0.4, ne: 'Desert', endsIn: 'inland', source: 'test' },
];

function review(errata: Errata) {
  const net = buildNetwork(
    { rivers: [big, desert], coastline: COAST, terminalLakes: [] },
    errata,
    DEFAULT_BUILD_OPTIONS,
  );
  const outletAt = new Map(net.outlets.map((o) => [o.node, { kind: o.kind, name: o.name ?? o.kind }]));
  return reviewNetwork(
    {
      edges: net.edges,
      nodeLon: net.nodeLon,
      nodeLat: net.nodeLat,
      outletAt,
      diagnostics: net.diagnostics,
      snapJoins: net.snapJoins,
    },
    INLAND,
    [],
  );
}

describe('reviewNetwork', () => {
  it('flags an inland system joined to another one, and is satisfied once a reviewed cut separates it', () => {
    const joined = review({ noSnap: [], cutEdges: [], directions: [] });
    expect(joined.flags.map((f) => f.kind)).toEqual(['inland_system_joined']);
    expect(joined.flags[0]!.message).toMatch(/Desert should end inland but joins the Big/);
    expect(joined.flags[0]!.lon).toBeCloseTo(0.5, 6);
    const cut = review({
      noSnap: [],
      cutEdges: [{ lon: 0.5, lat: 0.05, radiusKm: 1, reason: 'test' }],
      directions: [],
    });
    expect(cut.flags).toEqual([]);
    expect(cut.inlandOk).toEqual(['Desert']);
    const lines = formatReview(joined);
    expect(lines[0]).toMatch(/^network review: 1 flagged \(1 inland_system_joined\)/);
    expect(lines).toHaveLength(2);
  });

  it('acknowledges a flagged link that a reviewer marked as real', () => {
    const r = reviewNetwork(
      {
        edges: [],
        nodeLon: [],
        nodeLat: [],
        outletAt: new Map(),
        diagnostics: [{ kind: 'inter_basin_link', lon: 31.24, lat: 30.12, message: 'split' }],
        snapJoins: new Set(),
      },
      [],
      [{ lon: 31.2369, lat: 30.1238, reason: 'Nile Delta' }],
    );
    expect(r.flags).toEqual([]);
    expect(r.acknowledged).toBe(1);
  });
});

describe('the review stored by the real build', () => {
  it('finds every reviewed inland system present ending where it should, the Zeravshan included', () => {
    const db = new Database(builtDbPath(), { readonly: true });
    const row = db.prepare("SELECT value FROM net_meta WHERE key = 'review'").get() as { value: string };
    db.close();
    const stored = JSON.parse(row.value) as ReturnType<typeof reviewNetwork>;
    // Zeravshan: ends near Karakul (Wikipedia 'Zarafshan River'); Ili → Lake Balkhash; Amu and Syr Darya → Aral Sea.
    expect(stored.inlandOk).toEqual(
      expect.arrayContaining(['Zeravshan', 'Ili', 'Amu Darya', 'Syr Darya', 'Okavango']),
    );
    expect(stored.flags.filter((f) => f.kind === 'inland_system_joined')).toEqual([]);
    // Concise: a handful of open questions, not hundreds of warnings.
    expect(stored.flags.length).toBeLessThan(20);
  });
});
