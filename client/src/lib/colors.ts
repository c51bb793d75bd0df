// Colour classes for hazard indices (WRI for hazardous activities, THI for tailings facilities) and
// for countries along a trace. Palettes are colour-blind-safe sequential/qualitative sets.

/** Class boundaries mirror server/core/hazard/wri.ts and data/thi-scores.json. */
export const WRI_CLASSES = ['<5', '5-6', '6-7', '7-8', '8-9', '>=9'] as const;
export const THI_CLASSES = ['<8', '8-10', '10-12', '12-14', '>=14'] as const;
const WRI_BOUNDS = [5, 6, 7, 8, 9];
const THI_BOUNDS = [8, 10, 12, 14];

// YlOrRd-like ramp; the darkest stays readable against the light basemap.
const RAMP6 = ['#ffe680', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#8c2d04'];
const RAMP5 = ['#ffe680', '#fdae61', '#f46d43', '#d73027', '#8e0152'];
export const UNCLASSIFIED = '#8a8f98';

function classIndex(value: number, bounds: number[]): number {
  let i = 0;
  while (i < bounds.length && value >= (bounds[i] as number)) i++;
  return i;
}

export interface HazardClass {
  index: 'wri' | 'thi';
  label: string | null;
  /** 0 (lowest) … 1 (highest); -1 when unclassified. Used to colour clusters by their worst member. */
  rank: number;
  color: string;
}

/** The class a site is coloured by: THI for tailings facilities, WRI for everything else. */
export function hazardClass(site: { kind: string; wri: number | null; thi: number | null }): HazardClass {
  if (site.kind === 'tmf') {
    if (site.thi === null || !Number.isFinite(site.thi))
      return { index: 'thi', label: null, rank: -1, color: UNCLASSIFIED };
    const i = classIndex(site.thi, THI_BOUNDS);
    return {
      index: 'thi',
      label: THI_CLASSES[i] ?? null,
      rank: i / (THI_CLASSES.length - 1),
      color: RAMP5[i] ?? UNCLASSIFIED,
    };
  }
  if (site.wri === null || !Number.isFinite(site.wri))
    return { index: 'wri', label: null, rank: -1, color: UNCLASSIFIED };
  const i = classIndex(site.wri, WRI_BOUNDS);
  return {
    index: 'wri',
    label: WRI_CLASSES[i] ?? null,
    rank: i / (WRI_CLASSES.length - 1),
    color: RAMP6[i] ?? UNCLASSIFIED,
  };
}

/** Lower bounds of the classes above the lowest: the "class at least" filter values (minWri/minThi). */
export function classFloors(index: 'wri' | 'thi'): { label: string; min: number }[] {
  const labels = index === 'wri' ? WRI_CLASSES : THI_CLASSES;
  const bounds = index === 'wri' ? WRI_BOUNDS : THI_BOUNDS;
  return bounds.map((min, i) => ({ label: labels[i + 1] as string, min }));
}

export function wriLegend(): { label: string; color: string }[] {
  return WRI_CLASSES.map((label, i) => ({ label, color: RAMP6[i] ?? UNCLASSIFIED }));
}

export function thiLegend(): { label: string; color: string }[] {
  return THI_CLASSES.map((label, i) => ({ label, color: RAMP5[i] ?? UNCLASSIFIED }));
}

/** Colour for a cluster from the highest rank among its sites (same ramp as single WRI sites). */
export function rankColorExpression(): unknown[] {
  return [
    'case',
    ['<', ['get', 'maxRank'], 0],
    UNCLASSIFIED,
    ['interpolate', ['linear'], ['get', 'maxRank'], 0, RAMP6[0], 0.5, RAMP6[2], 1, RAMP6[5]],
  ];
}

// Countries keep one colour everywhere (panel, map, report) by ISO3. The basins' riparian states have
// hand-picked colours so that neighbours along the Danube, Tisza, Sava, Dniester, Syr Darya and Amu
// Darya paths differ; others take one from FALLBACK by a hash of the code. No colour is a blue that could
// be read as the basemap's river (#3f83c4) or sea.
const FIXED_COUNTRY_COLORS: Readonly<Record<string, string>> = {
  DEU: '#4d4d4d',
  AUT: '#d55e00',
  CZE: '#808000',
  SVK: '#7b3294',
  HUN: '#009e73',
  SVN: '#b35806',
  HRV: '#e69f00',
  BIH: '#f46d43',
  MNE: '#762a83',
  SRB: '#c51b7d',
  ROU: '#8c510a',
  BGR: '#1b7837',
  MDA: '#cc79a7',
  UKR: '#a50026',
  POL: '#b35806',
  KGZ: '#d55e00',
  UZB: '#009e73',
  TJK: '#7b3294',
  KAZ: '#e69f00',
  AFG: '#8c510a',
  TKM: '#c51b7d',
  CHN: '#a50026',
};
const FALLBACK = ['#d55e00', '#009e73', '#cc79a7', '#e69f00', '#7b3294', '#8c510a', '#1b7837', '#c51b7d'];
/** Used when a piece of path has no country (sea, unknown). */
export const NO_COUNTRY_COLOR = '#555555';

export function countryColor(iso3: string): string {
  const fixed = FIXED_COUNTRY_COLORS[iso3.toUpperCase()];
  if (fixed) return fixed;
  let h = 0;
  for (const ch of iso3.toUpperCase()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK[h % FALLBACK.length] as string;
}

/** The colours of the countries of a trace, each its fixed colour (the order no longer matters). */
export function countryColors(isoInOrder: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const iso of isoInOrder) if (!out.has(iso)) out.set(iso, countryColor(iso));
  return out;
}
