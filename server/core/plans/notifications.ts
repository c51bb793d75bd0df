// The notification timeline of a plan for a release: when the water reaches each downstream country
// and each station on the main path, and by when each country must be warned under the plan's rule.
// Pure: the trace with its release, the stations' places and the plan's contacts come in as values.
import type { ProfilePoint, TraceWithRelease } from '../transport/arrival.js';
import type { CaseValue } from '../transport/plume.js';
import type { Contact, NotificationRule } from './plan-schema.js';
import type { StationKind } from './station-schema.js';

export interface TimePair {
  probable: string;
  bound: string;
}

export type NotifyRule = 'lead_time' | 'arrival_within_lead_time' | 'limit_exceeded';

export interface CountryNotification {
  kind: 'country';
  iso3: string;
  name: string;
  /** River km from the release to where the water first touches the country. */
  entryKm: number;
  /** ISO 8601 times of the leading edge: most probable, and maximum probable (earliest). */
  arrivalAt: TimePair;
  arrivalH: CaseValue;
  peakMgL: CaseValue;
  /** The latest time the country must be warned under the plan; null without a plan. */
  notifyBy: string | null;
  rule: NotifyRule | null;
  reason: string;
  /** The plan's contact points for the country; null when the caller may not read them. */
  contacts: Contact[] | null;
}

export interface StationNotification {
  kind: 'station';
  stationId: string;
  name: string;
  stationKind: StationKind;
  river: string | null;
  riverKm: number | null;
  country: string | null;
  lon: number;
  lat: number;
  kmFromStart: number;
  arrivalAt: TimePair;
  arrivalH: CaseValue;
  peakMgL: CaseValue;
}

export type Notification = CountryNotification | StationNotification;

/** One piece of the trace's main path (reach and the km it covers), to place stations on it. */
export interface PathStep {
  reachId: number;
  fromReachKm: number;
  toReachKm: number;
  startKm: number;
}

export interface PlacedStation {
  id: string;
  name: string;
  kind: StationKind;
  river: string | null;
  riverKm: number | null;
  country: string | null;
  lon: number;
  lat: number;
  reachId: number;
  reachOffsetKm: number;
}

export interface TimelinePlan {
  id: string;
  name: string;
  rule: NotificationRule;
}

export interface TimelineInput {
  trace: TraceWithRelease;
  steps: readonly PathStep[];
  /** Path km (Natural Earth, as the steps count) to the trace's own km (calibrated to river chainage). */
  pathKm?: (rawKm: number) => number;
  releasedAt: Date;
  /** The country where the release happens (never notified: it notifies). */
  originIso3: string | null;
  plan: TimelinePlan | null;
  stations: readonly PlacedStation[];
  /** The plan's contacts by country, or null when hidden from the caller. */
  contacts: ReadonlyMap<string, Contact[]> | null;
  /** Country names for countries met only on a shared stretch. */
  nameOf: (iso3: string) => string;
}

const HOUR_MS = 3_600_000;
const at = (t0: Date, h: number) => new Date(t0.getTime() + h * HOUR_MS).toISOString();
const pair = (t0: Date, v: CaseValue): TimePair => ({ probable: at(t0, v.probable), bound: at(t0, v.bound) });
const r2 = (x: number) => Math.round(x * 100) / 100;
const sig = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));

/** Leading edge and peak at a km of the main path, interpolated linearly in the trace's profile. */
export function profileAt(
  profile: readonly ProfilePoint[],
  km: number,
): { edgeH: CaseValue; peakMgL: CaseValue } {
  const first = profile[0];
  if (!first) return { edgeH: { probable: 0, bound: 0 }, peakMgL: { probable: 0, bound: 0 } };
  let i = 0;
  while (i < profile.length - 2 && profile[i + 1]!.km < km) i++;
  const a = profile[i]!;
  const b = profile[i + 1] ?? a;
  const f = b.km > a.km ? Math.min(1, Math.max(0, (km - a.km) / (b.km - a.km))) : 0;
  const lerp = (x: CaseValue, y: CaseValue, round: (v: number) => number): CaseValue => ({
    probable: round(x.probable + f * (y.probable - x.probable)),
    bound: round(x.bound + f * (y.bound - x.bound)),
  });
  return { edgeH: lerp(a.leadingEdgeH, b.leadingEdgeH, r2), peakMgL: lerp(a.peakMgL, b.peakMgL, sig) };
}

/** Km from the release of each station that lies on the main path, in path order. */
export function stationsOnPath(
  steps: readonly PathStep[],
  stations: readonly PlacedStation[],
): { station: PlacedStation; kmFromStart: number }[] {
  const byReach = new Map<number, PlacedStation[]>();
  for (const s of stations) byReach.set(s.reachId, [...(byReach.get(s.reachId) ?? []), s]);
  const out: { station: PlacedStation; kmFromStart: number }[] = [];
  for (const step of steps) {
    for (const s of byReach.get(step.reachId) ?? []) {
      if (s.reachOffsetKm < step.fromReachKm - 1e-9 || s.reachOffsetKm > step.toReachKm + 1e-9) continue;
      out.push({ station: s, kmFromStart: step.startKm + s.reachOffsetKm - step.fromReachKm });
    }
  }
  return out.sort((a, b) => a.kmFromStart - b.kmFromStart);
}

function countryRule(
  plan: TimelinePlan | null,
  releasedAt: Date,
  edge: TimePair,
  edgeH: CaseValue,
  peakMgL: CaseValue,
  iso3: string,
): { notifyBy: string | null; rule: NotifyRule | null; reason: string } {
  if (!plan)
    return {
      notifyBy: null,
      rule: null,
      reason: `No plan covers this release; the probable leading edge reaches ${iso3} at ${edge.probable}. Give plan=ID for deadlines.`,
    };
  const { leadTimeH, immediateAboveMgL, immediateWithinH, example } = plan.rule;
  const note = example ? ' (example rule, to be set by the countries)' : '';
  const immediately = new Date(releasedAt.getTime() + immediateWithinH * HOUR_MS).toISOString();
  if (immediateAboveMgL !== null && peakMgL.bound > immediateAboveMgL)
    return {
      notifyBy: immediately,
      rule: 'limit_exceeded',
      reason: `Maximum-probable peak ${peakMgL.bound} mg/L in ${iso3}'s water exceeds ${immediateAboveMgL} mg/L: ${plan.name} asks for notification at once (within ${immediateWithinH} h)${note}.`,
    };
  if (edgeH.probable - leadTimeH <= immediateWithinH)
    return {
      notifyBy: immediately,
      rule: 'arrival_within_lead_time',
      reason: `The probable leading edge reaches ${iso3} ${edgeH.probable} h after the release, within the ${leadTimeH} h notice ${plan.name} asks for: notify at once (within ${immediateWithinH} h)${note}.`,
    };
  return {
    notifyBy: new Date(Date.parse(edge.probable) - leadTimeH * HOUR_MS).toISOString(),
    rule: 'lead_time',
    reason: `${plan.name}: notify ${leadTimeH} h before the probable leading edge reaches ${iso3} (${edge.probable})${note}.`,
  };
}

/** Every downstream country (both banks of a border stretch) and every station on the main path, by time. */
export function notificationTimeline(input: TimelineInput): Notification[] {
  const { trace, releasedAt, plan, contacts } = input;
  const out: Notification[] = [];
  const seen = new Set<string>(input.originIso3 ? [input.originIso3] : []);
  for (const c of trace.countries) {
    for (const iso3 of [c.iso3, ...c.sharedWith]) {
      if (seen.has(iso3)) continue;
      seen.add(iso3);
      const edgeH = c.arrival.leadingEdgeH;
      const arrivalAt = pair(releasedAt, edgeH);
      out.push({
        kind: 'country',
        iso3,
        name: iso3 === c.iso3 ? c.name : input.nameOf(iso3),
        entryKm: c.entryKm,
        arrivalAt,
        arrivalH: edgeH,
        peakMgL: c.arrival.peakMgL,
        ...countryRule(plan, releasedAt, arrivalAt, edgeH, c.arrival.peakMgL, iso3),
        contacts: contacts ? (contacts.get(iso3) ?? []) : null,
      });
    }
  }
  for (const { station: s, kmFromStart: rawKm } of stationsOnPath(input.steps, input.stations)) {
    const kmFromStart = input.pathKm ? input.pathKm(rawKm) : rawKm;
    const { edgeH, peakMgL } = profileAt(trace.profile, kmFromStart);
    out.push({
      kind: 'station',
      stationId: s.id,
      name: s.name,
      stationKind: s.kind,
      river: s.river,
      riverKm: s.riverKm,
      country: s.country,
      lon: s.lon,
      lat: s.lat,
      kmFromStart: Math.round(kmFromStart * 10) / 10,
      arrivalAt: pair(releasedAt, edgeH),
      arrivalH: edgeH,
      peakMgL,
    });
  }
  const key = (n: Notification) => (n.kind === 'country' ? n.arrivalH.probable : n.arrivalH.probable);
  return out.sort((a, b) => key(a) - key(b) || (a.kind === b.kind ? 0 : a.kind === 'country' ? -1 : 1));
}

/** What the plan adds to a trace: the chosen plan, the notifying country's contacts and the timeline. */
export interface NotificationBlockLike {
  plan: { id: string; name: string; rule: NotificationRule } | null;
  notifyingContacts: Contact[] | null;
  contactsHidden: boolean;
  notifications: Notification[];
}
