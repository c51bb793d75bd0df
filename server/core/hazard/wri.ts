// Water Risk Index of the ICPDR accident-risk-spot (ARS) inventory: log10 of the site's inventory
// expressed as kg of WGK-3 equivalents, with the ARS class bands.

export type Wgk = 1 | 2 | 3 | 'nwg';
export type WriClass = '<5' | '5-6' | '6-7' | '7-8' | '8-9' | '>=9';

export interface WriSubstanceInput {
  name: string;
  quantityTonnes: number | null;
  /** German water hazard class; null/absent = not classified. */
  wgk?: Wgk | null;
}

/** WGK-3 equivalence factors used by the ARS inventory (WGK 3 = 1, 2 = 0.1, 1 = 0.01, nwg = 0). */
export const WGK_FACTOR: Readonly<Record<Wgk, number>> = { 3: 1, 2: 0.1, 1: 0.01, nwg: 0 };

export interface WriLine {
  index: number;
  name: string;
  quantityKg: number | null;
  wgk: Wgk | null;
  factor: number;
  /** True when the substance had no WGK and was counted as WGK 3. */
  assumedWgk3: boolean;
  wgk3EquivalentKg: number;
}

export interface WriResult {
  wgk3EquivalentKg: number;
  /** null when there is nothing hazardous to water (no substances, or all nwg / unknown quantity). */
  wri: number | null;
  wriClass: WriClass | null;
  breakdown: WriLine[];
}

export function wriClassOf(wri: number): WriClass {
  if (wri < 5) return '<5';
  if (wri < 6) return '5-6';
  if (wri < 7) return '6-7';
  if (wri < 8) return '7-8';
  if (wri < 9) return '8-9';
  return '>=9';
}

export function computeWri(substances: WriSubstanceInput[]): WriResult {
  const breakdown = substances.map((s, index): WriLine => {
    // A substance without a WGK counts as WGK 3: German water law (AwSV) treats unclassified
    // substances as highly hazardous to water until classified.
    const assumedWgk3 = s.wgk === undefined || s.wgk === null;
    const factor = assumedWgk3 ? 1 : WGK_FACTOR[s.wgk as Wgk];
    const quantityKg = s.quantityTonnes === null ? null : s.quantityTonnes * 1000;
    return {
      index,
      name: s.name,
      quantityKg,
      wgk: s.wgk ?? null,
      factor,
      assumedWgk3,
      wgk3EquivalentKg: (quantityKg ?? 0) * factor,
    };
  });
  const wgk3EquivalentKg = breakdown.reduce((a, l) => a + l.wgk3EquivalentKg, 0);
  if (!(wgk3EquivalentKg > 0)) return { wgk3EquivalentKg, wri: null, wriClass: null, breakdown };
  const wri = Math.log10(wgk3EquivalentKg);
  return { wgk3EquivalentKg, wri, wriClass: wriClassOf(wri), breakdown };
}
