// Table-top exercises: the injects a facilitator plays (release, first and later station detections,
// border arrivals, limit exceedances, notifications due) and the after-action report that sets each
// participant action against its deadline. Pure: computed from a notification timeline and a log.
import { z } from 'zod';
import type { CaseValue } from '../transport/plume.js';
import type { Notification } from './notifications.js';
import { iso3, text } from './plan-schema.js';

export const ACTION_KINDS = ['notification_sent', 'station_sampled', 'other'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

const isoTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T06:30:00Z',
});

export const ActionBody = z
  .object({
    kind: z.enum(ACTION_KINDS, { error: `kind must be one of ${ACTION_KINDS.join(', ')}` }),
    /** Scenario time at which it was done (the facilitator's clock). */
    at: isoTime,
    iso3: iso3.nullish().transform((v) => v ?? null),
    stationId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullish()
      .transform((v) => v ?? null),
    note: text(2000)
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.kind === 'notification_sent' && !a.iso3)
      ctx.addIssue({ code: 'custom', path: ['iso3'], message: 'say which country was notified (ISO3)' });
    if (a.kind === 'station_sampled' && !a.stationId)
      ctx.addIssue({ code: 'custom', path: ['stationId'], message: 'say which station was sampled' });
  });
export type ActionBody = z.output<typeof ActionBody>;

export interface ExerciseAction extends ActionBody {
  id: number;
  recordedAt: string;
  recordedBy: string;
}

export type Inject =
  | {
      at: string;
      kind: 'release';
      lon: number;
      lat: number;
      river: string | null;
      massKg: number;
      substance: string | null;
    }
  | {
      at: string;
      kind: 'station_detection';
      first: boolean;
      stationId: string;
      name: string;
      riverKm: number | null;
      peakMgL: CaseValue;
    }
  | { at: string; kind: 'border_arrival'; iso3: string; name: string; boundAt: string; entryKm: number }
  | { at: string; kind: 'limit_exceedance'; iso3: string; limitMgL: number; peakMgL: CaseValue }
  | { at: string; kind: 'notification_due'; iso3: string; name: string; reason: string };

const ORDER: Record<Inject['kind'], number> = {
  release: 0,
  notification_due: 1,
  border_arrival: 2,
  limit_exceedance: 3,
  station_detection: 4,
};

export function exerciseInjects(
  release: Extract<Inject, { kind: 'release' }>,
  notifications: readonly Notification[],
  limitMgL: number | null,
): Inject[] {
  const out: Inject[] = [release];
  let first = true;
  for (const n of notifications) {
    if (n.kind === 'station') {
      out.push({
        at: n.arrivalAt.probable,
        kind: 'station_detection',
        first,
        stationId: n.stationId,
        name: n.name,
        riverKm: n.riverKm,
        peakMgL: n.peakMgL,
      });
      first = false;
      continue;
    }
    out.push({
      at: n.arrivalAt.probable,
      kind: 'border_arrival',
      iso3: n.iso3,
      name: n.name,
      boundAt: n.arrivalAt.bound,
      entryKm: n.entryKm,
    });
    if (limitMgL !== null && n.peakMgL.bound > limitMgL)
      out.push({
        at: n.arrivalAt.probable,
        kind: 'limit_exceedance',
        iso3: n.iso3,
        limitMgL,
        peakMgL: n.peakMgL,
      });
    if (n.notifyBy)
      out.push({ at: n.notifyBy, kind: 'notification_due', iso3: n.iso3, name: n.name, reason: n.reason });
  }
  return out
    .map((inject, i) => ({ inject, i }))
    .sort(
      (a, b) =>
        Date.parse(a.inject.at) - Date.parse(b.inject.at) ||
        ORDER[a.inject.kind] - ORDER[b.inject.kind] ||
        a.i - b.i,
    )
    .map((x) => x.inject);
}

export type Verdict = 'on_time' | 'late' | 'missing';

export interface ReportItem {
  expected: 'notification_sent' | 'station_sampled';
  iso3: string | null;
  stationId: string | null;
  label: string;
  deadline: string;
  doneAt: string | null;
  /** Minutes after the deadline (negative: early); null when missing. */
  delayMin: number | null;
  verdict: Verdict;
  actionId: number | null;
}

export interface AfterActionReport {
  items: ReportItem[];
  counts: Record<Verdict, number>;
  /** Logged actions that answer no expectation (other notes, repeated notifications). */
  otherActions: ExerciseAction[];
}

/**
 * Each country due a notification must have a `notification_sent` to it, and the first station the
 * plume reaches a `station_sampled`, by the deadline (notifyBy; the probable arrival). The earliest
 * matching action counts.
 */
export function afterActionReport(
  injects: readonly Inject[],
  actions: readonly ExerciseAction[],
): AfterActionReport {
  const used = new Set<number>();
  const items: ReportItem[] = [];
  const sorted = [...actions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
  const judge = (
    base: Omit<ReportItem, 'doneAt' | 'delayMin' | 'verdict' | 'actionId'>,
    match: (a: ExerciseAction) => boolean,
  ) => {
    const a = sorted.find((x) => !used.has(x.id) && match(x));
    if (a) used.add(a.id);
    const delayMin = a ? Math.round((Date.parse(a.at) - Date.parse(base.deadline)) / 60_000) : null;
    items.push({
      ...base,
      doneAt: a?.at ?? null,
      delayMin,
      verdict: delayMin === null ? 'missing' : delayMin <= 0 ? 'on_time' : 'late',
      actionId: a?.id ?? null,
    });
  };
  for (const i of injects) {
    if (i.kind === 'notification_due')
      judge(
        {
          expected: 'notification_sent',
          iso3: i.iso3,
          stationId: null,
          label: `Notify ${i.name} (${i.iso3})`,
          deadline: i.at,
        },
        (a) => a.kind === 'notification_sent' && a.iso3 === i.iso3,
      );
    if (i.kind === 'station_detection' && i.first)
      judge(
        {
          expected: 'station_sampled',
          iso3: null,
          stationId: i.stationId,
          label: `Sample at ${i.name}`,
          deadline: i.at,
        },
        (a) => a.kind === 'station_sampled' && a.stationId === i.stationId,
      );
  }
  const counts: Record<Verdict, number> = { on_time: 0, late: 0, missing: 0 };
  for (const it of items) counts[it.verdict] += 1;
  return { items, counts, otherActions: sorted.filter((a) => !used.has(a.id)) };
}
