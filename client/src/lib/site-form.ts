// Form model for creating/editing a site: string-valued inputs, conversion to the API body, and
// mapping of server field issues ('substances.0.casNumber') back onto inputs.
import type { FieldIssue, Site } from '../../../shared/api.js';

export interface SubstanceInput {
  name: string;
  casNumber: string;
  annexICategory: string;
  quantityTonnes: string;
  wgk: string;
  estimate: boolean;
}

export interface TmfInput {
  volumeM3: string;
  areaHa: string;
  maxDamHeightM: string;
  damRaiseType: string;
  material: string;
  toxicConstituents: string[];
  yearCommissioned: string;
  lastIndependentReview: string;
  emergencyPlan: boolean;
  floodExposure: string;
  seismicExposure: string;
}

export interface SiteFormState {
  name: string;
  nameLocal: string;
  kind: string;
  sector: string;
  operator: string;
  status: string;
  lon: string;
  lat: string;
  receivingRiver: string;
  notes: string;
  sourceTitle: string;
  sourceUrl: string;
  substances: SubstanceInput[];
  tmf: TmfInput;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function emptyTmf(): TmfInput {
  return {
    volumeM3: '',
    areaHa: '',
    maxDamHeightM: '',
    damRaiseType: 'upstream',
    material: '',
    toxicConstituents: [],
    yearCommissioned: '',
    lastIndependentReview: '',
    emergencyPlan: false,
    floodExposure: 'low',
    seismicExposure: 'low',
  };
}

export function formFromSite(site: Site | null, at?: { lon: number; lat: number }): SiteFormState {
  const tmf = site?.tmf ?? null;
  return {
    name: site?.name ?? '',
    nameLocal: str(site?.nameLocal),
    kind: site?.kind ?? 'hazardous_activity',
    sector: str(site?.sector) || 'chemical',
    operator: str(site?.operator),
    status: str(site?.status) || 'operating',
    lon: site ? String(site.lon) : at ? at.lon.toFixed(5) : '',
    lat: site ? String(site.lat) : at ? at.lat.toFixed(5) : '',
    receivingRiver: str(site?.receivingRiver),
    notes: str(site?.notes),
    sourceTitle: str(site?.sources[0]?.title),
    sourceUrl: str(site?.sources[0]?.url),
    substances: (site?.substances ?? []).map((s) => ({
      name: s.name,
      casNumber: str(s.casNumber ?? s.cas),
      annexICategory: str(s.annexICategory),
      quantityTonnes: str(s.quantityTonnes),
      wgk: str(s.wgk),
      estimate: s.estimate,
    })),
    tmf: tmf
      ? {
          ...emptyTmf(),
          ...Object.fromEntries(
            Object.entries(tmf).map(([k, v]) => [k, typeof v === 'boolean' || Array.isArray(v) ? v : str(v)]),
          ),
        }
      : emptyTmf(),
  };
}

/** '' → null; otherwise a number (NaN stays NaN so the server reports it as not a number). */
const numOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The JSON body for POST /api/sites (and PATCH with `version` added). */
export function bodyFromForm(f: SiteFormState, existing: Site | null): Record<string, unknown> {
  const sources = [...(existing?.sources.slice(1) ?? [])];
  if (f.sourceTitle.trim()) {
    sources.unshift({
      title: f.sourceTitle.trim(),
      ...(f.sourceUrl.trim() ? { url: f.sourceUrl.trim() } : {}),
    });
  }
  return {
    name: f.name,
    nameLocal: textOrNull(f.nameLocal),
    kind: f.kind,
    sector: f.sector,
    operator: textOrNull(f.operator),
    status: f.status,
    location: { lon: numOrNull(f.lon), lat: numOrNull(f.lat) },
    receivingRiver: textOrNull(f.receivingRiver),
    notes: textOrNull(f.notes),
    sources,
    substances: f.substances.map((s) => ({
      name: s.name,
      casNumber: textOrNull(s.casNumber),
      annexICategory: textOrNull(s.annexICategory),
      quantityTonnes: numOrNull(s.quantityTonnes),
      wgk: s.wgk === 'nwg' ? 'nwg' : numOrNull(s.wgk),
      estimate: s.estimate,
    })),
    tmf:
      f.kind === 'tmf'
        ? {
            volumeM3: numOrNull(f.tmf.volumeM3),
            areaHa: numOrNull(f.tmf.areaHa),
            maxDamHeightM: numOrNull(f.tmf.maxDamHeightM),
            damRaiseType: f.tmf.damRaiseType,
            material: f.tmf.material,
            toxicConstituents: f.tmf.toxicConstituents,
            yearCommissioned: numOrNull(f.tmf.yearCommissioned),
            lastIndependentReview: textOrNull(f.tmf.lastIndependentReview),
            emergencyPlan: f.tmf.emergencyPlan,
            floodExposure: f.tmf.floodExposure,
            seismicExposure: f.tmf.seismicExposure,
          }
        : null,
  };
}

/** Issues keyed by form input id: 'location.lon' → 'lon', 'sources.0.title' → 'sourceTitle'. */
export function issuesByField(issues: readonly FieldIssue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    let key = i.path;
    if (key === 'location.lon') key = 'lon';
    else if (key === 'location.lat') key = 'lat';
    else if (key === 'location') key = 'lon';
    else if (key === 'sources' || key.startsWith('sources.0.title')) key = 'sourceTitle';
    else if (key.startsWith('sources.0.url')) key = 'sourceUrl';
    const prev = out.get(key);
    out.set(key, prev ? `${prev}; ${i.message}` : i.message);
  }
  return out;
}
