// Calibration of path km to official chainage on a small synthetic network: piecewise factors
// between chainage points, the reviewed length above the highest point, riverKm only where known.
import { describe, expect, it } from 'vitest';
import { cumulativeKm } from '../../../server/core/geo/geodesy.js';
import { anchorChainage, type ChainageTable, pathKm } from '../../../server/core/trace/river-km.js';
import { type Reach, RiverNetwork } from '../../../server/core/trace/river-network.js';
import { snapToNetwork } from '../../../server/core/trace/snap.js';
import { mainPath } from '../../../server/core/trace/trace.js';

// Alpha runs east along the equator, lon 0 → 3 (three reaches of ≈ 111.2 km), into the sea at lon 3;
// Beta (unrelated to the table) joins it at lon 1 from the north.
function reach(id: number, from: number, to: number, coords: number[], name: string): Omit<Reach, 'cumKm'> {
  const c = new Float64Array(coords);
  const cum = cumulativeKm(c);
  return {
    id,
    from,
    to,
    coords: c,
    lengthKm: cum[cum.length - 1]!,
    name,
    nameAlt: [],
    featurecla: 'River',
    scalerank: 3,
    runs: [],
    country: null,
    basinId: 0,
  };
}
const net = new RiverNetwork(
  [
    reach(0, 0, 1, [0, 0, 1, 0], 'Alpha'),
    reach(1, 1, 2, [1, 0, 2, 0], 'Alpha'),
    reach(2, 2, 3, [2, 0, 3, 0], 'Alpha'),
    reach(3, 4, 1, [1, 1, 1, 0], 'Beta'),
  ],
  5,
  [{ id: 0, node: 3, kind: 'sea', name: 'Test Sea', lon: 3, lat: 0 }],
  new Map(),
  new Map(),
);
const DEG_KM = net.reaches[0]!.lengthKm;

const table = (points: ChainageTable['rivers'][number]['points'], lengthKm = 500): ChainageTable => ({
  about: 'test',
  sources: { T: 'test source' },
  rivers: [{ river: 'Alpha', direction: 'fromMouth', lengthKm, lengthSource: 'T', points }],
});
const at = (lon: number, lat = 0) =>
  mainPath(net, snapToNetwork(net, lon, lat, 200)!, Number.POSITIVE_INFINITY);

describe('pathKm', () => {
  // Official: lon 1 is km 300, lon 2 km 100, the mouth (lon 3) km 0. Natural Earth: 111.2 km each.
  const ch = anchorChainage(
    net,
    table([
      { place: 'P1', lon: 1, lat: 0, km: 300, source: 'T' },
      { place: 'P2', lon: 2, lat: 0, km: 100, source: 'T' },
      { place: 'mouth', lon: 3, lat: 0, km: 0, source: 'T' },
    ]),
  );

  it('stretches each stretch between two points to the official distance', () => {
    const pk = pathKm(net, ch, at(1.0001));
    expect(pk.cal(DEG_KM)).toBeCloseTo(200, 0); // P1 → P2
    expect(pk.cal(2 * DEG_KM)).toBeCloseTo(300, 0); // P1 → mouth
    expect(pk.raw(pk.cal(150))).toBeCloseTo(150, 6);
    expect(pk.riverKm(DEG_KM / 2)).toEqual({ river: 'Alpha', km: expect.closeTo(200, 0) });
  });

  it('stretches the top of the river to the reviewed length, and gives no river km off the table', () => {
    // Alpha's line starts at lon 0: 111.2 km above P1 (km 300) becomes 500 − 300 = 200 km.
    expect(ch.anchors.some((a) => a.fromLength && a.km === 500)).toBe(true);
    const pk = pathKm(net, ch, at(0.0001));
    expect(pk.cal(DEG_KM)).toBeCloseTo(200, 0);
    expect(pk.riverKm(0)?.km).toBeCloseTo(500, -1);
    const beta = pathKm(net, ch, at(1, 0.9999));
    const onBeta = beta.riverKm(10);
    expect(onBeta).toBeNull();
    expect(beta.cal(10)).toBeCloseTo(10, 6); // factor 1 where nothing is known
  });

  it('ignores a reviewed length that would stretch the top implausibly', () => {
    // 111.2 km of line for 5,000 − 300 km: more than the allowed factor, so no length anchor.
    const far = anchorChainage(
      net,
      table(
        [
          { place: 'P1', lon: 1, lat: 0, km: 300, source: 'T' },
          { place: 'mouth', lon: 3, lat: 0, km: 0, source: 'T' },
        ],
        5000,
      ),
    );
    expect(far.anchors.some((a) => a.fromLength)).toBe(false);
  });

  it('is the identity without a chainage table', () => {
    const pk = pathKm(net, null, at(0.5));
    expect(pk.cal(123.4)).toBe(123.4);
    expect(pk.riverKm(0)).toBeNull();
  });
});
