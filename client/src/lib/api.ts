// Thin typed client for the HazAtlas HTTP API: one error type that carries the server's
// {error:{code,message,details}} so forms can put field messages next to their fields.

import type {
  Basin,
  Catchments,
  FieldIssue,
  ImportReport,
  Site,
  SiteList,
  TraceResult,
} from '../../../shared/api.js';
import { adminCalls } from './admin-api.js';
import { plansCalls } from './plans-api.js';
import { receptorCalls } from './receptors-api.js';
import type { CountryOption, SearchHit } from './search.js';
import { csrfHeaders, noteStatus } from './session.js';
import type { Filters } from './url-state.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }

  /** Field issues of a 400 VALIDATION answer, [] otherwise. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' && d !== null && typeof (d as FieldIssue).path === 'string',
    );
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Turns a non-2xx answer into ApiError, whatever its body (JSON error, HTML from a proxy, nothing). */
export async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: keep the status text.
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError(
      res.status,
      typeof err.code === 'string' ? err.code : 'ERROR',
      err.message,
      err.details,
    );
  }
  return new ApiError(res.status, 'HTTP', `${res.status} ${res.statusText}`.trim());
}

/** The /api/sites query string for a set of filters (empty ones are left out). */
export function sitesQuery(f: Filters, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  const set = (k: string, v: string | undefined) => {
    if (v) p.set(k, v);
  };
  set('q', f.q);
  set('basin', f.basin);
  set('country', f.country);
  set('kind', f.kind);
  set('sector', f.sector);
  set('status', f.status);
  if (f.bbox) p.set('bbox', f.bbox.join(','));
  if (f.minWri !== undefined) p.set('minWri', String(f.minWri));
  if (f.minThi !== undefined) p.set('minThi', String(f.minThi));
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}

/** The API nests coordinates in `location`; the client reads them flat as `lon`/`lat`. */
export function flattenLocation<T extends object>(x: T): T & { lon: number; lat: number } {
  const loc = (x as { location?: { lon?: unknown; lat?: unknown } }).location;
  const flat = x as T & { lon: number; lat: number };
  return {
    ...x,
    lon: typeof loc?.lon === 'number' ? loc.lon : flat.lon,
    lat: typeof loc?.lat === 'number' ? loc.lat : flat.lat,
  };
}

export interface TraceParams {
  lon: number;
  lat: number;
  /** A registered site: the trace starts at its stored connection to the network, not at lon/lat. */
  siteId?: string;
  maxKm?: number;
  snapMaxKm?: number;
}

/** The start of a trace as query parameters: a registered site by id, else the point. */
export function traceStart(p: { lon: number; lat: number; siteId?: string }): URLSearchParams {
  return p.siteId
    ? new URLSearchParams({ siteId: p.siteId })
    : new URLSearchParams({ lon: p.lon.toFixed(6), lat: p.lat.toFixed(6) });
}

/** Adds the session's CSRF token to writes (cookie sessions need it; the server checks it). */
function withCsrf(init: RequestInit | undefined): RequestInit | undefined {
  const extra = csrfHeaders(init?.method);
  if (Object.keys(extra).length === 0) return init;
  return { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), ...extra } };
}

export function createApi(fetchImpl: Fetch = (i, init) => fetch(i, init), base = '') {
  async function call<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await fetchImpl(`${base}${path}`, withCsrf(init));
    noteStatus(res.status);
    if (!res.ok) throw await errorFrom(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  // A committed import with bad rows answers 422 with the same report body: that is a result, not a failure.
  async function importCall<R extends { accepted: number } = ImportReport>(
    path: string,
    form: FormData,
  ): Promise<R> {
    const res = await fetchImpl(`${base}${path}`, withCsrf({ method: 'POST', body: form }));
    noteStatus(res.status);
    if (res.ok || res.status === 422) {
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as R | null;
      if (body && typeof body.accepted === 'number') return body;
    }
    throw await errorFrom(res);
  }
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    basins: () => call<Basin[]>('/api/basins'),
    /** The place finder: countries (with their sites), sites, populated places, rivers. */
    search: (q: string, signal?: AbortSignal) =>
      call<{ q: string; items: SearchHit[] }>(`/api/search?${new URLSearchParams({ q })}`, { signal }).then(
        (r) => r.items,
      ),
    /** Countries that hold registered sites (the list's country filter). */
    countries: () => call<CountryOption[]>('/api/countries'),
    /** Every country's English and Russian name (lib/country-names.ts). */
    countryNames: () => call<{ iso3: string; name: string; nameRu: string | null }[]>('/api/countries/names'),
    /** Label points only (name, kind, bbox): the map draws the areas from the vector tiles. */
    catchments: () => call<Catchments>('/api/basins/catchments?only=labels'),
    sites: (f: Filters, limit = 1000) =>
      call<SiteList>(`/api/sites?${sitesQuery(f, { limit, sort: '-wri' })}`).then((r) => ({
        ...r,
        items: r.items.map(flattenLocation),
      })),
    site: (id: string) => call<Site>(`/api/sites/${encodeURIComponent(id)}`).then(flattenLocation),
    trace: (p: TraceParams, signal?: AbortSignal) => {
      const q = traceStart(p);
      if (p.maxKm !== undefined) q.set('maxKm', String(p.maxKm));
      if (p.snapMaxKm !== undefined) q.set('snapMaxKm', String(p.snapMaxKm));
      return call<TraceResult>(`/api/trace?${q}`, signal ? { signal } : undefined);
    },
    createSite: (body: unknown) => call<Site>('/api/sites', json('POST', body)).then(flattenLocation),
    updateSite: (id: string, body: unknown) =>
      call<Site>(`/api/sites/${encodeURIComponent(id)}`, json('PATCH', body)).then(flattenLocation),
    deleteSite: (id: string, version: number) =>
      call<void>(`/api/sites/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' }),
    siteHistory: (id: string) => call<SiteHistory>(`/api/sites/${encodeURIComponent(id)}/history`),
    importSites: (
      file: Blob,
      name: string,
      opts: { format: string; crs: string; dryRun: boolean; skipInvalid?: boolean },
    ) => {
      const form = new FormData();
      form.append('file', file, name);
      const q = new URLSearchParams({ format: opts.format, dryRun: String(opts.dryRun) });
      if (opts.skipInvalid) q.set('skipInvalid', 'true');
      if (opts.crs) q.set('crs', opts.crs);
      return importCall(`/api/sites/import?${q}`, form);
    },
    ...adminCalls(call, json),
    ...receptorCalls(call, importCall),
    ...plansCalls(call, json),
  };
}

export type Api = ReturnType<typeof createApi>;

/** GET /api/sites/:id/history: every change, oldest first (before/after hold the site's own fields). */
export interface SiteHistory {
  siteId: string;
  deleted: boolean;
  items: {
    id: number;
    action: 'create' | 'update' | 'delete' | 'restore' | 'import';
    at: string;
    actor: string;
    importId: string | null;
    version: number | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
}
