// Drafts of the UNECE Industrial Accident Notification (IAN) System's Early Warning and Information
// Report, one per possibly affected country, prefilled from a site and a release scenario. The
// section names follow the IAN report; anything the register cannot know is a marked placeholder.
import type { ReleaseSummary } from '../transport/arrival.js';
import type { Arrival, CaseValue } from '../transport/plume.js';
import type { ReportCountry, SiteReport } from './report-model.js';

/** Text a point of contact must replace before sending. */
export const PLACEHOLDER = '[to be completed by the notifying point of contact]';

export const NOTE_DRAFT =
  'Draft prepared by HazAtlas from the hazard register and a modelled release scenario; check every value before sending.';
export const NOTE_TIMES =
  'Arrival times are hours after the release: "probable" with mean velocity, "fastest" with the maximum-probable velocity (earliest arrival, highest peak).';
export const NOTE_NO_RELEASE =
  'No release quantity was given: arrival times and concentrations are not estimated.';

export interface ClockTimes {
  probable: string;
  bound: string;
}

export interface NotificationDraft {
  reportType: 'early_warning_and_information';
  status: 'draft';
  draftId: string;
  generatedAt: string;
  /** 1 = the first country the water reaches after the country of origin. */
  sequence: number;
  notifyingCountry: {
    iso3: string | null;
    name: string | null;
    pointOfContact: { organisation: string; name: string; phone: string; email: string };
  };
  notifiedCountry: { iso3: string; name: string };
  accident: {
    /** ISO 8601; `dateTimeGiven: false` means it defaulted to the drafting time. */
    dateTime: string;
    dateTimeGiven: boolean;
    type: string;
    description: string;
  };
  location: {
    siteName: string;
    address: string | null;
    locality: string | null;
    countryIso3: string | null;
    lon: number;
    lat: number;
    river: string | null;
    basin: string | null;
  };
  installation: {
    siteId: string;
    name: string;
    kind: string;
    sector: string;
    operator: string | null;
    annexIHazardous: boolean | null;
    annexIRule: string | null;
  };
  substances: {
    released: {
      substance: string;
      substanceGiven: boolean;
      quantityKg: number | null;
      amount: ReleaseSummary['amount'] | null;
    };
    /** The site's registered inventory, for the notified party's reference. */
    inventory: { name: string; casNumber: string | null; quantityTonnes: number; estimate: boolean }[];
  };
  affectedMedia: {
    media: 'water';
    river: string | null;
    riversDownstream: string[];
    outlet: string | null;
  };
  possibleTransboundaryEffects: {
    /** River km from the site to the first contact with the notified country. */
    borderKm: number;
    /** The stretch is shared with these countries (a border river). */
    sharedWith: string[];
    /** Hours after the release; null without a release scenario. */
    arrival: Arrival | null;
    leadingEdgeAt: ClockTimes | null;
    peakAt: ClockTimes | null;
    peakMgL: CaseValue | null;
    /** True/false when a concentration limit was given: the maximum-probable peak exceeds it. */
    aboveLimit: boolean | null;
    limitMgL: number | null;
  };
  /** All countries the water reaches, in order, for context. */
  countriesDownstream: {
    iso3: string;
    name: string;
    sharedWith: string[];
    entryKm: number;
    peakH: CaseValue | null;
  }[];
  measures: { taken: string; planned: string };
  additionalInformation: string[];
}

export interface NotificationInput {
  report: SiteReport;
  accidentAt: Date | null;
  generatedAt: Date;
}

interface Affected {
  iso3: string;
  name: string;
  row: ReportCountry;
}

/** Countries other than the origin, each at its first contact with the water, nearest first. */
export function affectedCountries(report: SiteReport, names: (iso3: string) => string): Affected[] {
  if (report.trace.status !== 'ok') return [];
  const origin = report.site.countryIso3 ?? report.trace.countries[0]?.iso3 ?? null;
  const out: Affected[] = [];
  for (const row of report.trace.countries) {
    for (const iso3 of [row.iso3, ...row.sharedWith]) {
      if (iso3 === origin || out.some((a) => a.iso3 === iso3)) continue;
      out.push({ iso3, name: iso3 === row.iso3 ? row.name : names(iso3), row });
    }
  }
  return out;
}

const addHours = (t: Date, h: number) => new Date(t.getTime() + h * 3_600_000).toISOString();
const clock = (t: Date, v: CaseValue): ClockTimes => ({
  probable: addHours(t, v.probable),
  bound: addHours(t, v.bound),
});

export function buildNotifications(input: NotificationInput): NotificationDraft[] {
  const { report } = input;
  const when = input.accidentAt ?? input.generatedAt;
  const trace = report.trace.status === 'ok' ? report.trace : null;
  // A shared stretch names only its first country; the others are named where they run alone.
  const nameOf = (iso3: string) => trace?.countries.find((c) => c.iso3 === iso3)?.name ?? iso3;
  const affected = affectedCountries(report, nameOf);
  const release = report.release;
  const s = report.site;
  const originIso3 = s.countryIso3 ?? trace?.countries[0]?.iso3 ?? null;
  const limit = report.threshold?.limitMgL ?? null;
  const mainOutlet = trace?.outlets.find((o) => o.main) ?? trace?.outlets[0] ?? null;
  const substance = release?.substance ?? null;
  const quantity = release ? `${formatKg(release.massKg)} of ${substance ?? 'an unnamed substance'}` : null;

  return affected.map((a, i) => {
    const arrival = a.row.arrival;
    return {
      reportType: 'early_warning_and_information',
      status: 'draft',
      draftId: `${s.id}-${a.iso3}-${when.toISOString().slice(0, 16).replace(/[-:]/g, '')}`,
      generatedAt: input.generatedAt.toISOString(),
      sequence: i + 1,
      notifyingCountry: {
        iso3: originIso3,
        name: s.countryName ?? (originIso3 ? nameOf(originIso3) : null),
        pointOfContact: {
          organisation: PLACEHOLDER,
          name: PLACEHOLDER,
          phone: PLACEHOLDER,
          email: PLACEHOLDER,
        },
      },
      notifiedCountry: { iso3: a.iso3, name: a.name },
      accident: {
        dateTime: when.toISOString(),
        dateTimeGiven: input.accidentAt !== null,
        type: 'Release of hazardous substances to water',
        description: `${quantity ? `Release of ${quantity}` : 'Release'} from ${s.name} into the ${
          s.river ?? s.receivingRiver ?? 'receiving river'
        }. ${PLACEHOLDER}`,
      },
      location: {
        siteName: s.name,
        address: s.address,
        locality: s.locality,
        countryIso3: s.countryIso3,
        lon: s.lon,
        lat: s.lat,
        river: s.river ?? s.receivingRiver,
        basin: s.basinName,
      },
      installation: {
        siteId: s.id,
        name: s.name,
        kind: s.kind,
        sector: s.sector,
        operator: s.operator,
        annexIHazardous: report.indices.annexI?.hazardous ?? null,
        annexIRule: report.indices.annexI?.rule ?? null,
      },
      substances: {
        released: {
          substance: substance ?? PLACEHOLDER,
          substanceGiven: substance !== null,
          quantityKg: release?.massKg ?? null,
          amount: release?.amount ?? null,
        },
        inventory: report.substances.map((x) => ({
          name: x.name,
          casNumber: x.casNumber,
          quantityTonnes: x.quantityTonnes,
          estimate: x.estimate,
        })),
      },
      affectedMedia: {
        media: 'water',
        river: s.river ?? s.receivingRiver,
        riversDownstream: (trace?.rivers ?? []).map((r) => r.name).filter((n): n is string => n !== null),
        outlet: mainOutlet?.name ?? s.outletName,
      },
      possibleTransboundaryEffects: {
        borderKm: a.row.entryKm,
        sharedWith: [a.row.iso3, ...a.row.sharedWith].filter((c) => c !== a.iso3),
        arrival,
        leadingEdgeAt: arrival ? clock(when, arrival.leadingEdgeH) : null,
        peakAt: arrival ? clock(when, arrival.peakH) : null,
        peakMgL: arrival?.peakMgL ?? null,
        aboveLimit: limit !== null && arrival ? arrival.peakMgL.bound > limit : null,
        limitMgL: limit,
      },
      countriesDownstream: (trace?.countries ?? []).map((c) => ({
        iso3: c.iso3,
        name: c.name,
        sharedWith: c.sharedWith,
        entryKm: c.entryKm,
        peakH: c.arrival?.peakH ?? null,
      })),
      measures: { taken: PLACEHOLDER, planned: PLACEHOLDER },
      additionalInformation: [NOTE_DRAFT, NOTE_TIMES, ...(release?.assumptions ?? [NOTE_NO_RELEASE])],
    };
  });
}

function formatKg(kg: number): string {
  return kg >= 1000
    ? `${Number((kg / 1000).toPrecision(4)).toLocaleString('en-GB')} t`
    : `${Number(kg.toPrecision(4)).toLocaleString('en-GB')} kg`;
}
