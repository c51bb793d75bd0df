// Tailings Hazard Index (UBA / UNECE TMF methodology): log10 of the stored volume plus additive
// scores for toxicity, management, flood, seismicity and dam safety, each with its reason.

import type {
  DamRaiseType,
  FloodExposure,
  SeismicExposure,
  SiteStatus,
  ToxicConstituent,
} from '../../../shared/codes.js';

export interface ScoreItem {
  score: number;
  assumption: boolean;
  reason: string;
}

export interface ThiScores {
  toxicity: { constituents: Record<ToxicConstituent, ScoreItem>; unknown: ScoreItem };
  management: { status: Record<SiteStatus, ScoreItem>; noEmergencyPlan: ScoreItem };
  flood: Record<FloodExposure, ScoreItem>;
  seismic: Record<SeismicExposure, ScoreItem>;
  damSafety: {
    raiseType: Record<DamRaiseType, ScoreItem>;
    reviewOverdueYears: number;
    reviewOverdue: ScoreItem;
  };
  classes: { label: string; minInclusive: number | null; maxExclusive: number | null }[];
}

export interface ThiInput {
  volumeM3: number;
  toxicConstituents: readonly ToxicConstituent[];
  status: SiteStatus;
  emergencyPlan: boolean;
  floodExposure: FloodExposure;
  seismicExposure: SeismicExposure;
  damRaiseType: DamRaiseType;
  /** ISO date (YYYY-MM-DD) of the last independent dam safety review, or null if none is known. */
  lastIndependentReview: string | null;
}

export type ThiPartName = 'capacity' | 'toxicity' | 'management' | 'flood' | 'seismic' | 'damSafety';

export interface ThiPart {
  part: ThiPartName;
  score: number;
  reason: string;
  /** True when any score in this part is our assumption rather than a published UBA value. */
  assumption: boolean;
}

export type ThiResult =
  | { ok: true; thi: number; thiClass: string; parts: ThiPart[] }
  | { ok: false; reason: string };

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function part(name: ThiPartName, items: ScoreItem[]): ThiPart {
  return {
    part: name,
    score: items.reduce((a, i) => a + i.score, 0),
    reason: items.map((i) => i.reason).join('; '),
    assumption: items.some((i) => i.assumption),
  };
}

function toxicityPart(input: ThiInput, t: ThiScores): ThiPart {
  if (input.toxicConstituents.length === 0) return part('toxicity', [t.toxicity.unknown]);
  // The tailings are as hazardous to water as their worst constituent.
  const worst = input.toxicConstituents
    .map((c) => t.toxicity.constituents[c])
    .reduce((a, b) => (b.score > a.score ? b : a));
  return part('toxicity', [worst]);
}

function reviewOverdue(lastReview: string | null, asOf: Date, years: number): boolean {
  if (lastReview === null) return true;
  const at = Date.parse(lastReview);
  return !Number.isFinite(at) || asOf.getTime() - at > years * YEAR_MS;
}

export function thiClassOf(thi: number, t: ThiScores): string {
  const c = t.classes.find(
    (k) =>
      (k.minInclusive === null || thi >= k.minInclusive) && (k.maxExclusive === null || thi < k.maxExclusive),
  );
  return c?.label ?? 'unclassified';
}

export function computeThi(input: ThiInput, t: ThiScores, asOf: Date): ThiResult {
  if (!(input.volumeM3 > 0) || !Number.isFinite(input.volumeM3)) {
    return { ok: false, reason: 'volumeM3 must be a positive number to take its logarithm' };
  }
  const capacity = Math.log10(input.volumeM3);
  const management: ScoreItem[] = [t.management.status[input.status]];
  if (!input.emergencyPlan) management.push(t.management.noEmergencyPlan);
  const dam: ScoreItem[] = [t.damSafety.raiseType[input.damRaiseType]];
  if (reviewOverdue(input.lastIndependentReview, asOf, t.damSafety.reviewOverdueYears)) {
    dam.push(t.damSafety.reviewOverdue);
  }
  const parts: ThiPart[] = [
    {
      part: 'capacity',
      score: capacity,
      reason: `log10(${input.volumeM3} m3) = ${capacity.toFixed(2)}`,
      assumption: false,
    },
    toxicityPart(input, t),
    part('management', management),
    part('flood', [t.flood[input.floodExposure]]),
    part('seismic', [t.seismic[input.seismicExposure]]),
    part('damSafety', dam),
  ];
  const thi = parts.reduce((a, p) => a + p.score, 0);
  return { ok: true, thi, thiClass: thiClassOf(thi, t), parts };
}
