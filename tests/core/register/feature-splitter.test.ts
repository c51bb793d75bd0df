// FeatureSplitter: a GeoJSON document fed in chunks cut anywhere gives the same features as JSON.parse
// of the whole, holding only an unfinished feature; a document cut short or not an object is refused.
import { describe, expect, it } from 'vitest';
import { FeatureSplitter, SplitError } from '../../../server/core/register/import/feature-splitter.js';

// Two real places: the Baia Mare tailings dam (Aurul, 47.64 N 23.53 E, the 2000 cyanide spill) and
// Kalush, Ukraine (49.03 N 24.36 E, the hexachlorobenzene dump) — with strings holding every character
// that could confuse a splitter: brackets, braces, commas, escaped quotes and backslashes.
const doc = JSON.stringify({
  type: 'FeatureCollection',
  name: 'odd "name" with ] and }',
  crs: { type: 'name', properties: { name: 'EPSG:4326' } },
  features: [
    {
      type: 'Feature',
      properties: { name: 'Aurul [tailings], "Baia Mare" {RO}', note: 'a\\b\\"c' },
      geometry: { type: 'Point', coordinates: [23.53, 47.64] },
    },
    null,
    'not a feature, really',
    {
      type: 'Feature',
      properties: { name: 'Kalush, {HCB} dump' },
      geometry: { type: 'Point', coordinates: [24.36, 49.03] },
    },
  ],
  bbox: [23.53, 47.64, 24.36, 49.03],
});

function split(text: string, cuts: number[]) {
  const s = new FeatureSplitter();
  const out: unknown[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    for (const f of s.feed(text.slice(from, cut))) out.push(JSON.parse(f));
    from = cut;
  }
  return { out, end: s.end(), splitter: s };
}

describe('FeatureSplitter', () => {
  it('gives the features of JSON.parse wherever the chunks are cut', () => {
    const expected = (JSON.parse(doc) as { features: unknown[] }).features;
    for (let cut = 0; cut <= doc.length; cut++) {
      const { out, end } = split(doc, [cut]);
      expect(out).toEqual(expected);
      expect(end.collection).toBe(true);
      expect(JSON.parse(end.typeText ?? 'null')).toBe('FeatureCollection');
      expect(JSON.parse(end.crsText ?? 'null')).toEqual({ type: 'name', properties: { name: 'EPSG:4326' } });
    }
    // One character at a time.
    expect(
      split(
        doc,
        Array.from({ length: doc.length }, (_, i) => i),
      ).out,
    ).toEqual(expected);
  });

  it('holds one chunk plus one unfinished feature, not the document', () => {
    const feature = (i: number) =>
      JSON.stringify({
        type: 'Feature',
        properties: { name: `Plant ${i}` },
        geometry: { type: 'Point', coordinates: [23.53, 47.64] },
      });
    const big = `{"type":"FeatureCollection","features":[${Array.from({ length: 20_000 }, (_, i) => feature(i)).join(',')}]}`;
    const chunk = 4096;
    const cuts = Array.from({ length: Math.floor(big.length / chunk) }, (_, i) => (i + 1) * chunk);
    const { out, splitter } = split(big, cuts);
    expect(out).toHaveLength(20_000);
    expect(splitter.count).toBe(20_000);
    expect(big.length).toBeGreaterThan(1_500_000);
    expect(splitter.maxBufferedChars).toBeLessThanOrEqual(chunk + feature(19_999).length);
  });

  it('gives a single Feature whole, and refuses what is not an object or is cut short', () => {
    const one = JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [1, 2] },
    });
    const { out, end } = split(one, [7]);
    expect(out).toEqual([]);
    expect(end.collection).toBe(false);
    expect(JSON.parse(end.rootText ?? '')).toEqual(JSON.parse(one));
    expect(() => split('[1,2]', [])).toThrow(SplitError);
    expect(() => split(doc.slice(0, -1), [])).toThrow(/ends before/);
    expect(() => split(`${doc} {}`, [])).toThrow(/more after/);
  });
});
