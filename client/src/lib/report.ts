// The site report as the client reads it (GET /api/sites/:id/report?format=json; mirrors
// server/core/report/report-model.ts) and the URLs of its printable and CSV forms.

import type { CrossingKind, TraceResult } from '../../../shared/api.js';
import { errorFrom } from './api.js';
import { type Arrival, type ReleaseParams, releaseQuery } from './release.js';

export interface ReportCountry {
  order: number;
  iso3: string;
  name: string;
  sharedWith: string[];
  entryKm: number;
  exitKm: number;
  arrival: Arrival | null;
}

export type ReportTrace =
  | (Omit<TraceResult, 'countries' | 'crossings' | 'outlets'> & {
      status: 'ok';
      countries: ReportCountry[];
      crossings: {
        km: number;
        lon: number;
        lat: number;
        from: string;
        to: string;
        kind: CrossingKind;
        arrival: Arrival | null;
      }[];
      outlets: {
        name: string;
        kind: string;
        km: number;
        lon: number;
        lat: number;
        main: boolean;
        arrival: Arrival | null;
      }[];
    })
  | { status: 'unavailable'; code: string; message: string };

export interface SiteReport {
  generatedAt: string;
  site: {
    id: string;
    name: string;
    nameLocal: string | null;
    kind: string;
    sector: string;
    operator: string | null;
    status: string;
    lon: number;
    lat: number;
    countryIso3: string | null;
    countryName: string | null;
    river: string | null;
    receivingRiver: string | null;
    basinName: string | null;
    outletName: string | null;
    kmToFirstBorder: number | null;
    downstreamCountries: string[];
  };
  substances: {
    name: string;
    casNumber: string | null;
    quantityTonnes: number;
    wgk: string | number;
    estimate: boolean;
  }[];
  indices: {
    annexI: { hazardous: boolean; rule: string } | null;
    wri: { value: number | null; class: string | null; wgk3EquivalentKg: number } | null;
    thi:
      | {
          computed: true;
          value: number;
          class: string;
          parts: { part: string; score: number; reason: string }[];
        }
      | { computed: false; reason: string }
      | null;
  };
  trace: ReportTrace;
  release: { massKg: number; substance: string | null; assumptions: string[] } | null;
  threshold: { limitMgL: number; countriesAbove: string[] } | null;
  zones: {
    kasClass: string;
    reason: string;
    zones: { zone: string; radiusM: number }[];
    receptors: {
      id: string;
      name: string;
      kind: string;
      zone: string;
      distanceM: number;
      population: number | null;
    }[];
  } | null;
  sources: { title: string; url?: string; accessed?: string }[];
}

/** The release scenario of a report: the same parameters as the trace's (the routes take them all). */
export type ReportParams = ReleaseParams;

/** A release needs a mass (or volume × concentration); a substance or a rate alone is no scenario. */
const hasMass = (p: ReportParams) =>
  p.releaseKg !== undefined || (p.releaseVolumeM3 !== undefined && p.releaseConcentrationMgL !== undefined);

export function reportQuery(p: ReportParams & { format: string }): string {
  const q = new URLSearchParams({ format: p.format });
  if (hasMass(p)) for (const [k, v] of releaseQuery(p)) q.set(k, v);
  return q.toString();
}

export const reportUrl = (id: string, p: ReportParams & { format: 'html' | 'json' | 'csv' }) =>
  `/api/sites/${encodeURIComponent(id)}/report?${reportQuery(p)}`;

/** Printable drafts come in English or Russian (`lang`); other UI languages get English. */
export const notificationsUrl = (id: string, p: ReportParams & { format: 'html' | 'json'; lang?: string }) =>
  `/api/sites/${encodeURIComponent(id)}/notifications?${reportQuery(p)}${p.lang === 'ru' ? '&lang=ru' : ''}`;

export async function fetchReport(id: string, p: ReportParams, signal?: AbortSignal): Promise<SiteReport> {
  const res = await fetch(reportUrl(id, { ...p, format: 'json' }), signal ? { signal } : undefined);
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as SiteReport;
}

/** The trace's release scenario, carried whole into the report and the notification drafts. */
export const reportParamsFrom = (r: ReleaseParams | null): ReportParams => (r && hasMass(r) ? { ...r } : {});
