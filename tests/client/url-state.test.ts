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
