// The permalink codec: every piece of state survives encode → decode, and bad input is dropped, not thrown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AppState,
  DEFAULT_LAYERS,
  decodeState,
  encodeState,
  LAYER_IDS,
} from '../../client/src/lib/url-state.js';

describe('url-state', () => {
  it('round-trips a full state (view rounded for short URLs)', () => {
    const s: AppState = {
      view: { lon: 20.123456, lat: 44.987654, zoom: 7.456 },
      site: '067024cb-5838-4df0-bfb7-08fec0a1b0a7',
      trace: { lon: 20.69, lat: 44.83 },
      basinId: 49,
      delta: true,
      filters: {
        q: 'Pančevo',
        basin: 'Danube',
        country: 'SRB',
        kind: 'tmf',
        sector: 'mining_metallurgy',
        status: 'closed',
        minWri: 7,
        minThi: 10,
        bbox: [28.5, 44.5, 29.7, 45.8],
      },
      layers: ['rivers', 'sites', 'osm'],
      lang: 'ru',
    };
    const url = encodeState(s);
    expect(url).toMatch(/^\?map=7\.46\/44\.9877\/20\.1235&site=/);
    expect(decodeState(url)).toEqual({ ...s, view: { lon: 20.1235, lat: 44.9877, zoom: 7.46 } });
  });

  it('keeps defaults out of the URL and restores them', () => {
    expect(encodeState({ filters: {}, layers: [...DEFAULT_LAYERS] })).toBe('');
    expect(decodeState('')).toEqual({ filters: {}, layers: [...DEFAULT_LAYERS] });
    // An explicit empty layer list (everything off) is kept.
    expect(decodeState(encodeState({ filters: {}, layers: [] })).layers).toEqual([]);
  });

  it('drops malformed or out-of-range values', () => {
    const s = decodeState(
      '?map=30/100/500&site=../../etc&trace=1,2,3&basinId=4.5&delta=1&minWri=abc&layers=rivers,evil&lang=de&bbox=10,5,0,0',
    );
    expect(s).toEqual({ filters: {}, layers: ['rivers'] });
  });

  it('round-trips any valid view, trace and filters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: 0, max: 22, noNaN: true }),
        fc.subarray([...LAYER_IDS]),
        fc.option(fc.constantFrom('hazardous_activity', 'tmf'), { nil: undefined }),
        (lon, lat, zoom, layers, kind) => {
          const s: AppState = {
            view: { lon, lat, zoom },
            trace: { lon, lat },
            filters: kind ? { kind } : {},
            layers,
          };
          const back = decodeState(encodeState(s));
          expect(back.view?.lon).toBeCloseTo(lon, 3);
          expect(back.view?.lat).toBeCloseTo(lat, 3);
          expect(back.view?.zoom).toBeCloseTo(zoom, 1);
          expect(back.trace?.lon).toBeCloseTo(lon, 4);
          expect(back.filters).toEqual(s.filters);
          expect(back.layers).toEqual(LAYER_IDS.filter((l) => layers.includes(l)));
        },
      ),
    );
  });
});

describe('url-state: the release scenario', () => {
  const base: AppState = { trace: { lon: 20.69, lat: 44.83 }, filters: {}, layers: [...DEFAULT_LAYERS] };

  it('round-trips a release by mass with every parameter, under the names /api/trace takes', () => {
    const release = {
      releaseKg: 10000,
      substance: 'Sodium cyanide, 30 % solution',
      decayPerDay: 0.1,
      dischargeFactor: 0.3,
      limitMgL: 0.05,
    };
    const url = encodeState({ ...base, release });
    const p = new URLSearchParams(url.slice(1));
    expect(Object.fromEntries(p)).toMatchObject({
      trace: '20.69,44.83',
      releaseKg: '10000',
      substance: 'Sodium cyanide, 30 % solution',
      decayPerDay: '0.1',
      dischargeFactor: '0.3',
      limitMgL: '0.05',
    });
    expect(decodeState(url)).toEqual({ ...base, release });
  });

  it('round-trips a release by volume and concentration, and very small limits', () => {
    const release = { releaseVolumeM3: 1000, releaseConcentrationMgL: 500, limitMgL: 1e-7 };
    const url = encodeState({ ...base, release });
    expect(url).not.toMatch(/releaseKg/);
    expect(decodeState(url).release).toEqual(release);
  });

  it('leaves the release out when there is none, and a plain trace link decodes without one', () => {
    expect(encodeState(base)).toBe('?trace=20.69,44.83');
    expect(decodeState('?trace=20.69,44.83').release).toBeUndefined();
  });

  it('drops what the trace would refuse: no amount, half a volume, out-of-range values', () => {
    // Parameters without an amount describe nothing.
    expect(decodeState('?substance=cyanide&decayPerDay=1&limitMgL=0.1').release).toBeUndefined();
    expect(decodeState('?releaseVolumeM3=1000').release).toBeUndefined();
    expect(decodeState('?releaseKg=0').release).toBeUndefined();
    expect(decodeState('?releaseKg=2e9').release).toBeUndefined();
    expect(decodeState('?releaseKg=abc').release).toBeUndefined();
    // A mass wins over a volume (the server refuses both at once); bad extras go, the rest stays.
    expect(
      decodeState(
        `?releaseKg=5&releaseVolumeM3=1&releaseConcentrationMgL=2&decayPerDay=101&dischargeFactor=0.001&limitMgL=-1&substance=${'x'.repeat(121)}`,
      ).release,
    ).toEqual({ releaseKg: 5 });
    expect(decodeState('?releaseKg=5&substance=%20%20&dischargeFactor=10').release).toEqual({
      releaseKg: 5,
      dischargeFactor: 10,
    });
  });

  it('round-trips any valid release (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ releaseKg: fc.double({ min: 1e-6, max: 1e9, noNaN: true }) }),
          fc.record({
            releaseVolumeM3: fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
            releaseConcentrationMgL: fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
          }),
        ),
        fc.record(
          {
            substance: fc
              .string({ minLength: 1, maxLength: 120 })
              .filter((x) => x.trim() === x && x.length > 0),
            decayPerDay: fc.double({ min: 0, max: 100, noNaN: true }),
            dischargeFactor: fc.double({ min: 0.01, max: 10, noNaN: true }),
            limitMgL: fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
          },
          { requiredKeys: [] },
        ),
        (amount, extras) => {
          // -0 is written as "0" and comes back as 0.
          const release = JSON.parse(JSON.stringify({ ...amount, ...extras }));
          expect(decodeState(encodeState({ ...base, release })).release).toEqual(release);
        },
      ),
    );
  });
});
