// Classifies a site's substances against Annex I of the UNECE Industrial Accidents Convention:
// named-substance rule, category rule, then the summation (aggregation) rule per hazard group.
import { checkCas } from './cas.js';

export type AnnexIGroup = 'health' | 'physical' | 'environment';

export interface AnnexIEntry {
  id: string;
  name: string;
  kind: 'category' | 'named';
  group: AnnexIGroup;
  thresholdTonnes: number;
  casNumbers?: string[];
  source: string;
  note?: string;
}

export interface AnnexITable {
  entries: AnnexIEntry[];
}

export interface AnnexISubstanceInput {
  name: string;
  casNumber?: string | null;
  /** Id of a table entry: a category (e.g. 'H2') or a named substance (e.g. 'ammonium-nitrate-b'). */
  annexICategory?: string | null;
  /** Null when the quantity is unknown; such lines are reported but cannot count. */
  quantityTonnes: number | null;
}

export type SubstanceMatch =
  | { kind: 'named'; entryId: string; by: 'cas' | 'id' | 'cas-ambiguous' }
  | { kind: 'category'; entryId: string }
  | { kind: 'unmatched'; reason: string };

export interface SubstanceRatio {
  index: number;
  name: string;
  match: SubstanceMatch;
  group: AnnexIGroup | null;
  quantityTonnes: number | null;
  thresholdTonnes: number | null;
  /** This line's quantity over its threshold (null when unmatched or quantity unknown). */
  ratio: number | null;
}

export interface EntryTotal {
  entryId: string;
  group: AnnexIGroup;
  quantityTonnes: number;
  thresholdTonnes: number;
  ratio: number;
}

export type AnnexIRule =
  | { kind: 'named'; substanceId: string; quantityTonnes: number; thresholdTonnes: number; ratio: number }
  | { kind: 'category'; categoryId: string; quantityTonnes: number; thresholdTonnes: number; ratio: number }
  | { kind: 'aggregation'; group: AnnexIGroup; sumRatio: number; contributions: EntryTotal[] }
  | { kind: 'none'; maxRatio: number };

export interface AnnexIResult {
  hazardous: boolean;
  rule: AnnexIRule;
  substances: SubstanceRatio[];
  /** Quantities summed per table entry: Annex I thresholds apply to the total held at the activity. */
  totals: EntryTotal[];
}

const GROUPS: readonly AnnexIGroup[] = ['health', 'physical', 'environment'];

function matchSubstance(s: AnnexISubstanceInput, table: AnnexITable): SubstanceMatch {
  const byId = new Map(table.entries.map((e) => [e.id, e]));
  const declared = s.annexICategory ? byId.get(s.annexICategory) : undefined;
  if (s.annexICategory && !declared) {
    return { kind: 'unmatched', reason: `unknown Annex I entry '${s.annexICategory}'` };
  }
  // A declared named entry (e.g. one ammonium nitrate grade) is the most specific statement.
  if (declared?.kind === 'named') return { kind: 'named', entryId: declared.id, by: 'id' };
  // A named substance takes precedence over its category (Annex I, introductory note).
  const cas = s.casNumber ? checkCas(s.casNumber) : null;
  if (cas?.ok) {
    const named = table.entries.filter((e) => e.kind === 'named' && e.casNumbers?.includes(cas.cas));
    if (named.length === 1 && named[0]) return { kind: 'named', entryId: named[0].id, by: 'cas' };
    if (named.length > 1) {
      // Several grades share one CAS number (ammonium nitrate): without a declared grade take the
      // lowest threshold, so the screening errs on the side of reporting.
      const strictest = named.reduce((a, b) => (b.thresholdTonnes < a.thresholdTonnes ? b : a));
      return { kind: 'named', entryId: strictest.id, by: 'cas-ambiguous' };
    }
  }
  if (declared) return { kind: 'category', entryId: declared.id };
  return { kind: 'unmatched', reason: 'no named substance with this CAS number and no category given' };
}

export function classifyAnnexI(substances: AnnexISubstanceInput[], table: AnnexITable): AnnexIResult {
  const byId = new Map(table.entries.map((e) => [e.id, e]));
  const lines: SubstanceRatio[] = substances.map((s, index) => {
    const match = matchSubstance(s, table);
    const entry = match.kind === 'unmatched' ? undefined : byId.get(match.entryId);
    const q = s.quantityTonnes;
    return {
      index,
      name: s.name,
      match,
      group: entry?.group ?? null,
      quantityTonnes: q,
      thresholdTonnes: entry?.thresholdTonnes ?? null,
      ratio: entry && q !== null ? q / entry.thresholdTonnes : null,
    };
  });

  const totalsById = new Map<string, EntryTotal>();
  for (const l of lines) {
    if (l.match.kind === 'unmatched' || l.quantityTonnes === null || l.group === null) continue;
    const entry = byId.get(l.match.entryId);
    if (!entry) continue;
    const t = totalsById.get(entry.id) ?? {
      entryId: entry.id,
      group: entry.group,
      quantityTonnes: 0,
      thresholdTonnes: entry.thresholdTonnes,
      ratio: 0,
    };
    t.quantityTonnes += l.quantityTonnes;
    t.ratio = t.quantityTonnes / t.thresholdTonnes;
    totalsById.set(entry.id, t);
  }
  const totals = [...totalsById.values()];
  const highest = (kind: 'named' | 'category') =>
    totals
      .filter((t) => byId.get(t.entryId)?.kind === kind && t.ratio >= 1)
      .sort((a, b) => b.ratio - a.ratio)[0];

  const named = highest('named');
  if (named) {
    const { entryId, quantityTonnes, thresholdTonnes, ratio } = named;
    return {
      hazardous: true,
      rule: { kind: 'named', substanceId: entryId, quantityTonnes, thresholdTonnes, ratio },
      substances: lines,
      totals,
    };
  }
  const category = highest('category');
  if (category) {
    const { entryId, quantityTonnes, thresholdTonnes, ratio } = category;
    return {
      hazardous: true,
      rule: { kind: 'category', categoryId: entryId, quantityTonnes, thresholdTonnes, ratio },
      substances: lines,
      totals,
    };
  }
  const sums = GROUPS.map((group) => {
    const contributions = totals.filter((t) => t.group === group);
    return { group, contributions, sumRatio: contributions.reduce((a, t) => a + t.ratio, 0) };
  }).sort((a, b) => b.sumRatio - a.sumRatio);
  const top = sums[0];
  if (top && top.sumRatio >= 1) {
    return { hazardous: true, rule: { kind: 'aggregation', ...top }, substances: lines, totals };
  }
  return {
    hazardous: false,
    rule: { kind: 'none', maxRatio: top?.sumRatio ?? 0 },
    substances: lines,
    totals,
  };
}
