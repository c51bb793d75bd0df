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

// Okabe–Ito qualitative palette (no yellow, too pale on the basemap); countries take colours in
// downstream order, so neighbours along a trace always differ.
const COUNTRY_PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#7b3294',
  '#000000',
];

export function countryColors(isoInOrder: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const iso of isoInOrder) {
    if (!out.has(iso)) out.set(iso, COUNTRY_PALETTE[out.size % COUNTRY_PALETTE.length] as string);
  }
  return out;
}
