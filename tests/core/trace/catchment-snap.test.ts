// Catchment-aware snapping (server/core/trace/locate.ts) on the real network: a point joins a river of
// its own drainage area before a nearer one beyond the divide, and a point on or draining to a terminal
// lake joins the lake, never another basin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateOnNetwork } from '../../../server/core/trace/locate.js';
import { snapToNetwork } from '../../../server/core/trace/snap.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { builtDbPath } from '../../support/database.js';

let s: Services;
beforeAll(() => {
  s = createServices({ dbPath: builtDbPath() });
});
afterAll(() => s.close());

const basinOf = (basinId: number) => s.network.basins.get(basinId)?.name;

describe('catchment-aware snapping', () => {
  it('keeps a point in the Chrudimka valley in the Elbe basin though the Danube-bound Svratka is nearer', () => {
    // 15.77 E 49.81 N lies between Hlinsko and the Seč reservoir on the Chrudimka, which joins the Elbe
    // at Pardubice; the European main divide (Elbe | Danube) runs south of it through the Žďárské
    // vrchy, where the Svratka rises (Wikipedia, "Chrudimka" and "Svratka"). Natural Earth lacks the
    // Chrudimka; the Svratka is its nearest river.
    const nearest = snapToNetwork(s.network, 15.77, 49.81, 25)!;
    expect(basinOf(nearest.reach.basinId)).toBe('Danube');
    const located = locateOnNetwork(s.network, s.drainage, 15.77, 49.81, 25)!;
    expect(located.kind).toBe('reach');
    if (located.kind !== 'reach') return;
    expect(basinOf(located.snap.reach.basinId)).toBe('Elbe');
    // Its own stream is missing: the answer says which river it used and how far.
    expect(located.warnings).toEqual([
      expect.objectContaining({ code: 'OWN_RIVER_MISSING', message: expect.stringMatching(/Sazava.*23 km/) }),
    ]);
  });

  it('joins a point inside Issyk-Kul to the lake, whatever the snap cap', () => {
    // 77.3 E 42.4 N is open water of Issyk-Kul, an endorheic lake (no outflow; Britannica, "Issyk-Kul").
    for (const cap of [25, 200]) {
      const located = locateOnNetwork(s.network, s.drainage, 77.3, 42.4, cap)!;
      expect(located).toMatchObject({ kind: 'lake', distanceKm: 0 });
      if (located.kind === 'lake') expect(located.lake.name).toBe('Issyk-Kul');
    }
  });

  it('joins Kadji-Say on the south shore to Issyk-Kul, not to the Naryn beyond the Terskey Ala-Too', () => {
    // Kadji-Say (77.16 E, 42.14 N) drains to Issyk-Kul; the Naryn (Syr Darya basin) is 56 km away over
    // the Terskey Ala-Too range (Britannica, "Terskey Alatau").
    expect(snapToNetwork(s.network, 77.16, 42.14, 100)!.reach.name).toBe('Naryn');
    const located = locateOnNetwork(s.network, s.drainage, 77.16, 42.14, 100)!;
    expect(located.kind).toBe('lake');
    if (located.kind === 'lake') {
      expect(located.lake.name).toBe('Issyk-Kul');
      expect(located.distanceKm).toBeLessThan(5);
    }
  });

  it('joins points in Lake Balkhash and the Aral Sea to those lakes', () => {
    // Both are terminal lakes: of the Ili (Balkhash) and of the Syr Darya and Amu Darya (Aral);
    // UNECE Second Assessment of Transboundary Rivers, Lakes and Groundwaters (2011), ch. 3.
    const balkhash = locateOnNetwork(s.network, s.drainage, 74.5, 46.5, 25);
    expect(balkhash?.kind === 'lake' && balkhash.lake.name).toBe('Lake Balkhash');
    const aral = locateOnNetwork(s.network, s.drainage, 59.5, 45.0, 25);
    expect(aral?.kind === 'lake' && aral.lake.name).toBe('Aral Sea');
  });

  it('takes a named river across the divide but warns (Kadji-Say with the Naryn asked for)', () => {
    const located = locateOnNetwork(s.network, s.drainage, 77.16, 42.14, 100, 'Naryn')!;
    expect(located.kind).toBe('reach');
    expect(located.warnings.map((w) => w.code)).toContain('CROSSED_DIVIDE');
    expect(located.warnings[0]!.message).toMatch(/drainage area of the Issyk-Kul/);
  });

  it('leaves a point on its river alone (Vienna, on the Danube)', () => {
    const located = locateOnNetwork(s.network, s.drainage, 16.37, 48.21, 25)!;
    const nearest = snapToNetwork(s.network, 16.37, 48.21, 25)!;
    expect(located.kind === 'reach' && located.snap.reach.id).toBe(nearest.reach.id);
    expect(located.warnings).toEqual([]);
  });
});
