// The per-site transboundary report as plain data: site facts, hazard indices, the downstream trace
// summary (with arrival times when a release is given), consultation zones and receptors, sources.
// Built from already computed parts, so the same object feeds the HTML, JSON and CSV renderers.
import type { FeatureCollection, LineString } from 'geojson';
import type { AnnexIResult, AnnexIRule, SubstanceRatio } from '../hazard/annex-i.js';
import type { ThiPart, ThiResult } from '../hazard/thi.js';
import type { WriLine, WriResult } from '../hazard/wri.js';
import type { ReceptorInZone } from '../planning/site-zones.js';
import type { SiteZones } from '../planning/zone-table.js';
import type { SiteRecord, SourceFields, SubstanceFields, TmfFields } from '../register/site-record.js';
import type { PathProps, TraceResult } from '../trace/trace.js';
import type { ReleaseSummary, Threshold } from '../transport/arrival.js';
import type { Arrival } from '../transport/plume.js';
import { annexIRuleText } from './annex-i-text.js';
import { hasArrival, type SiteTrace } from './site-trace.js';

export const REPORT_FORMAT_VERSION = 1;

export interface ReportSite {
  id: string;
  name: string;
  nameLocal: string | null;
  kind: SiteRecord['kind'];
  sector: SiteRecord['sector'];
  operator: string | null;
  status: SiteRecord['status'];
  lon: number;
  lat: number;
  address: string | null;
  locality: string | null;
  countryIso3: string | null;
  countryName: string | null;
  receivingRiver: string | null;
  river: string | null;
  snapDistanceKm: number | null;
  basinName: string | null;
  outletName: string | null;
  kmToFirstBorder: number | null;
  distanceToBorderKm: number | null;
  downstreamCountries: string[];
  notes: string | null;
  updatedAt: string;
  version: number;
}

export interface ReportIndices {
  annexI: {
    hazardous: boolean;
    /** The rule that fired, in words. */
    rule: string;
    ruleDetail: AnnexIRule;
    substances: SubstanceRatio[];
  } | null;
  wri: { value: number | null; class: string | null; wgk3EquivalentKg: number; lines: WriLine[] } | null;
  /** Tailings facilities only; `computed: false` says why the index could not be computed. */
  thi:
    | { computed: true; value: number; class: string; parts: ThiPart[] }
    | { computed: false; reason: string }
    | null;
}

/** Null arrival: no release was given, so only distances are known. */
export interface ReportCountry {
  order: number;
  iso3: string;
  name: string;
  sharedWith: string[];
  entryKm: number;
  exitKm: number;
  arrival: Arrival | null;
}

export interface ReportCrossing {
  km: number;
  lon: number;
  lat: number;
  from: string;
  to: string;
  kind: string;
  arrival: Arrival | null;
}

export interface ReportOutlet {
  name: string;
  kind: string;
  river: string | null;
  km: number;
  lon: number;
  lat: number;
  main: boolean;
  arrival: Arrival | null;
}

export type ReportTrace =
  | {
      status: 'ok';
      snap: TraceResult['snap'];
      lengthKm: number;
      truncated: boolean;
      rivers: TraceResult['rivers'];
      countries: ReportCountry[];
      crossings: ReportCrossing[];
      outlets: ReportOutlet[];
      /** The traced rivers as GeoJSON (for the map snapshot; not in CSV or HTML tables). */
      path: FeatureCollection<LineString, PathProps>;
    }
  | { status: 'unavailable'; code: string; message: string };

export interface ReportZones extends SiteZones {
  receptors: ReceptorInZone[];
}

export interface SiteReport {
  report: 'hazatlas-site-report';
  formatVersion: number;
  generatedAt: string;
  site: ReportSite;
  substances: SubstanceFields[];
  tmf: TmfFields | null;
  indices: ReportIndices;
  trace: ReportTrace;
  /** The release scenario and the model's assumptions; null without a release. */
  release: ReleaseSummary | null;
  threshold: Threshold | null;
  /** Consultation zones and the receptors in them; null when they were not computed. */
  zones: ReportZones | null;
  sources: SourceFields[];
}

export interface ReportInput {
  site: SiteRecord;
  trace: SiteTrace;
  zones?: ReportZones | null;
  generatedAt: Date;
}

export function buildSiteReport(input: ReportInput): SiteReport {
  const { site } = input;
  const withRelease = input.trace.ok && hasArrival(input.trace.trace) ? input.trace.trace : null;
  return {
    report: 'hazatlas-site-report',
    formatVersion: REPORT_FORMAT_VERSION,
    generatedAt: input.generatedAt.toISOString(),
    site: reportSite(site),
    substances: site.substances,
    tmf: site.tmf,
    indices: indicesOf(site),
    trace: traceOf(input.trace),
    release: withRelease?.release ?? null,
    threshold: withRelease?.threshold ?? null,
    zones: input.zones ?? null,
    sources: site.sources,
  };
}

function reportSite(s: SiteRecord): ReportSite {
  const d = s.derived;
  return {
    id: s.id,
    name: s.name,
    nameLocal: s.nameLocal,
    kind: s.kind,
    sector: s.sector,
    operator: s.operator,
    status: s.status,
    lon: s.location.lon,
    lat: s.location.lat,
    address: s.address,
    locality: s.locality,
    countryIso3: d?.countryIso3 ?? null,
    countryName: d?.countryName ?? null,
    receivingRiver: s.receivingRiver,
    river: d?.river ?? null,
    snapDistanceKm: d?.snapDistanceKm ?? null,
    basinName: d?.basinName ?? null,
    outletName: d?.outletName ?? null,
    kmToFirstBorder: d?.kmToFirstBorder ?? null,
    distanceToBorderKm: d?.distanceToBorderKm ?? null,
    downstreamCountries: d?.downstreamCountries ?? [],
    notes: s.notes,
    updatedAt: s.updatedAt,
    version: s.version,
  };
}

/** The store writes these breakdowns from the hazard core (server/core/register/derive.ts). */
function indicesOf(s: SiteRecord): ReportIndices {
  const d = s.derived;
  const annexI = (d?.annexI ?? null) as AnnexIResult | null;
  const wri = (d?.wriBreakdown ?? null) as WriResult | null;
  const thi = (d?.thiBreakdown ?? null) as ThiResult | null;
  return {
    annexI: annexI
      ? {
          hazardous: annexI.hazardous,
          rule: annexIRuleText(annexI.rule),
          ruleDetail: annexI.rule,
          substances: annexI.substances,
        }
      : null,
    wri: wri
      ? { value: wri.wri, class: wri.wriClass, wgk3EquivalentKg: wri.wgk3EquivalentKg, lines: wri.breakdown }
      : null,
    thi: thi
      ? thi.ok
        ? { computed: true, value: thi.thi, class: thi.thiClass, parts: thi.parts }
        : { computed: false, reason: thi.reason }
      : null,
  };
}

function traceOf(t: SiteTrace): ReportTrace {
  if (!t.ok) return { status: 'unavailable', code: t.code, message: t.message };
  const tr = t.trace;
  const arrivals = hasArrival(tr) ? tr : null;
  return {
    status: 'ok',
    snap: tr.snap,
    lengthKm: tr.lengthKm,
    truncated: tr.truncated,
    rivers: tr.rivers,
    countries: tr.countries.map((c, i) => ({
      order: i + 1,
      iso3: c.iso3,
      name: c.name,
      sharedWith: c.sharedWith,
      entryKm: c.entryKm,
      exitKm: c.exitKm,
      arrival: arrivals?.countries[i]?.arrival ?? null,
    })),
    crossings: tr.crossings.map((c, i) => ({ ...c, arrival: arrivals?.crossings[i]?.arrival ?? null })),
    outlets: tr.outlets.map((o, i) => ({ ...o, arrival: arrivals?.outlets[i]?.arrival ?? null })),
    path: tr.path,
  };
}
