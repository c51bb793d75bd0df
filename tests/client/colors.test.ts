// Hazard classes and colours: WRI for activities, THI for tailings facilities, class floors for filters.
import { describe, expect, it } from 'vitest';
import {
  classFloors,
  countryColor,
  countryColors,
  hazardClass,
  THI_CLASSES,
  thiLegend,
  UNCLASSIFIED,
  WRI_CLASSES,
  wriLegend,
} from '../../client/src/lib/colors.js';

describe('hazardClass', () => {
  it('classes activities by WRI at the class bounds', () => {
    const wri = (v: number) => hazardClass({ kind: 'hazardous_activity', wri: v, thi: 99 });
    expect(wri(4.99).label).toBe('<5');
    expect(wri(5).label).toBe('5-6');
    expect(wri(8.41).label).toBe('8-9');
    expect(wri(9).label).toBe('>=9');
    expect(wri(12).rank).toBe(1);
    expect(wri(0).rank).toBe(0);
    expect(wri(8.41).index).toBe('wri');
  });

  it('classes tailings facilities by THI, ignoring WRI', () => {
    const thi = (v: number | null) => hazardClass({ kind: 'tmf', wri: 9.9, thi: v });
    expect(thi(7.9).label).toBe('<8');
    expect(thi(10).label).toBe('10-12');
    expect(thi(14).label).toBe('>=14');
    expect(thi(14).index).toBe('thi');
    expect(thi(null)).toEqual({ index: 'thi', label: null, rank: -1, color: UNCLASSIFIED });
  });

  it('gives each class of a legend its own colour, darker as the hazard rises', () => {
    for (const legend of [wriLegend(), thiLegend()]) {
      expect(new Set(legend.map((l) => l.color)).size).toBe(legend.length);
      const lum = legend.map((l) => {
        const n = Number.parseInt(l.color.slice(1), 16);
        return 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
      });
      for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1] as number);
    }
    expect(wriLegend().map((l) => l.label)).toEqual([...WRI_CLASSES]);
    expect(thiLegend().map((l) => l.label)).toEqual([...THI_CLASSES]);
  });

  it('lists class floors for the "class at least" filters', () => {
    expect(classFloors('wri')).toEqual([
      { label: '5-6', min: 5 },
      { label: '6-7', min: 6 },
      { label: '7-8', min: 7 },
      { label: '8-9', min: 8 },
      { label: '>=9', min: 9 },
    ]);
    // Each floor puts a value at the floor into that class.
    for (const f of classFloors('thi'))
      expect(hazardClass({ kind: 'tmf', wri: null, thi: f.min }).label).toBe(f.label);
  });
});

describe('countryColors', () => {
  // The basemap's river colour (server/basemap/map-style.ts COLORS.river).
  const RIVER = [0x3f, 0x83, 0xc4];
  const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const isBlue = (hex: string) => {
    const [r, g, b] = rgb(hex) as [number, number, number];
    return b > r + 30 && b > g;
  };

  it('gives each country the same colour in every trace, whatever the order (issue 13: Serbia green, then blue)', () => {
    const a = countryColors(['SRB', 'ROU', 'BGR', 'ROU', 'UKR']);
    const b = countryColors(['HUN', 'SRB', 'ROU']);
    expect(a.get('SRB')).toBe(b.get('SRB'));
    expect(a.get('ROU')).toBe(b.get('ROU'));
    expect(countryColor('SRB')).toBe(a.get('SRB'));
  });

  it('never uses a blue that reads as the river, for the basin states or any other code', () => {
    for (const iso of [
      'DEU',
      'AUT',
      'SVK',
      'HUN',
      'HRV',
      'SRB',
      'ROU',
      'BGR',
      'MDA',
      'UKR',
      'KGZ',
      'UZB',
      'TJK',
      'KAZ',
      'AFG',
      'TKM',
      'FRA',
      'ZZZ',
    ]) {
      const c = countryColor(iso);
      expect(isBlue(c), `${iso} ${c}`).toBe(false);
      const d = Math.hypot(...rgb(c).map((v, i) => v - (RIVER[i] as number)));
      expect(d, `${iso} ${c}`).toBeGreaterThan(100);
    }
  });

  it('keeps neighbours apart along the Danube (Passau to the Delta) and the Syr Darya', () => {
    // Danube countries in downstream order (ICPDR); Syr Darya: Naryn in KGZ, Fergana Valley, Kazakhstan.
    const danube = ['DEU', 'AUT', 'SVK', 'HUN', 'HRV', 'SRB', 'ROU', 'BGR', 'MDA', 'UKR'];
    expect(new Set(danube.map(countryColor)).size).toBe(danube.length);
    const syr = ['KGZ', 'UZB', 'TJK', 'KAZ'];
    expect(new Set(syr.map(countryColor)).size).toBe(syr.length);
  });
});
