// Client calls and types for contingency plans, contact points, stations, the notification timeline
// and table-top exercises, mixed into the API client (lib/api.ts) for its CSRF and 401/403 handling.
import type { FeatureCollection, LineString } from 'geojson';

type Call = <T>(path: string, init?: RequestInit) => Promise<T>;
type Json = (method: string, body: unknown) => RequestInit;

export interface PlanRule {
  leadTimeH: number;
  immediateAboveMgL: number | null;
  immediateWithinH: number;
  example: boolean;
}

export interface Plan {
  id: string;
  name: string;
  countries: string[];
  rivers: string[];
  rule: PlanRule;
  languages: string[];
  documents: { title: string; url?: string | null }[];
  notes?: string | null;
  version: number;
}

export interface Contact {
  id: number;
  iso3: string;
  role: 'competent_authority' | 'point_of_contact_24_7' | 'other';
  organisation: string;
  phone: string | null;
  email: string | null;
  fax: string | null;
  languages: string[];
  hours: string | null;
  source: string | null;
}

export const STATION_KINDS = ['water_quality', 'gauge', 'intake', 'alarm_post'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export interface Station {
  id: string;
  name: string;
  kind: StationKind;
  river: string | null;
  riverKm: number | null;
  country: string | null;
  lon: number;
  lat: number;
  operator: string | null;
  measures: string[];
}

type Pair = { probable: string; bound: string };
type Case = { probable: number; bound: number };

export type Notification =
  | {
      kind: 'country';
      iso3: string;
      name: string;
      entryKm: number;
      arrivalAt: Pair;
      arrivalH: Case;
      peakMgL: Case;
      notifyBy: string | null;
      rule: 'lead_time' | 'arrival_within_lead_time' | 'limit_exceeded' | null;
      reason: string;
      contacts: Contact[] | null;
    }
  | {
      kind: 'station';
      stationId: string;
      name: string;
      stationKind: StationKind;
      river: string | null;
      riverKm: number | null;
      lon: number;
      lat: number;
      kmFromStart: number;
      arrivalAt: Pair;
      arrivalH: Case;
      peakMgL: Case;
    };

export interface NotificationPlan {
  releasedAt: string;
  originIso3: string | null;
  plan: {
    id: string;
    name: string;
    rule: PlanRule;
    countries: string[];
    chosen: 'given' | 'covering';
  } | null;
  notifyingContacts: Contact[] | null;
  contactsHidden: boolean;
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
      peakMgL: Case;
    }
  | { at: string; kind: 'border_arrival'; iso3: string; name: string; boundAt: string; entryKm: number }
  | { at: string; kind: 'limit_exceedance'; iso3: string; limitMgL: number; peakMgL: Case }
  | { at: string; kind: 'notification_due'; iso3: string; name: string; reason: string };

export interface ExerciseTimeline {
  exerciseId: string;
  startAt: string;
  plan: NotificationPlan['plan'];
  injects: Inject[];
  notifications: Notification[];
  path: FeatureCollection<LineString, { kmFromStart: number; lengthKm: number; branch: string }>;
  profile: { km: number; leadingEdgeH: Case; peakH: Case }[];
}

export interface ExerciseAction {
  id: number;
  kind: 'notification_sent' | 'station_sampled' | 'other';
  iso3: string | null;
  stationId: string | null;
  at: string;
  note: string | null;
  recordedBy: string;
}

export interface Exercise {
  id: string;
  name: string;
  scenario: {
    startAt: string;
    plan: string;
    lon?: number;
    lat?: number;
    siteId?: string;
    releaseKg?: number;
  };
  actions?: ExerciseAction[];
}

export interface AfterActionReport {
  counts: { on_time: number; late: number; missing: number };
  items: {
    expected: string;
    iso3: string | null;
    stationId: string | null;
    label: string;
    deadline: string;
    doneAt: string | null;
    delayMin: number | null;
    verdict: 'on_time' | 'late' | 'missing';
  }[];
  actions: ExerciseAction[];
}

const id = encodeURIComponent;

export function plansCalls(call: Call, json: Json) {
  return {
    plans: () => call<{ total: number; items: Plan[] }>('/api/plans?limit=500'),
    createPlan: (body: unknown) => call<Plan>('/api/plans', json('POST', body)),
    updatePlan: (planId: string, body: unknown) => call<Plan>(`/api/plans/${id(planId)}`, json('PUT', body)),
    deletePlan: (planId: string, version: number) =>
      call<void>(`/api/plans/${id(planId)}?version=${version}`, { method: 'DELETE' }),
    contacts: (planId: string) => call<{ items: Contact[] }>(`/api/plans/${id(planId)}/contacts`),
    addContact: (planId: string, body: unknown) =>
      call<{ items: Contact[] }>(`/api/plans/${id(planId)}/contacts`, json('POST', body)),
    stations: (signal?: AbortSignal) =>
      call<{ total: number; items: Station[] }>('/api/stations?limit=1000', signal ? { signal } : undefined),
    exercises: () => call<{ items: { id: string; name: string; createdAt: string }[] }>('/api/exercises'),
    createExercise: (body: unknown) => call<Exercise>('/api/exercises', json('POST', body)),
    exercise: (exId: string) => call<Exercise>(`/api/exercises/${id(exId)}`),
    exerciseTimeline: (exId: string) => call<ExerciseTimeline>(`/api/exercises/${id(exId)}/timeline`),
    addAction: (exId: string, body: unknown) =>
      call<ExerciseAction>(`/api/exercises/${id(exId)}/actions`, json('POST', body)),
    exerciseReport: (exId: string) => call<AfterActionReport>(`/api/exercises/${id(exId)}/report`),
  };
}
