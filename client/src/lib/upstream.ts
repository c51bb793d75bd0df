// Upstream threats as the client reads them from GET /api/upstream.
import { errorFrom } from './api.js';

export interface UpstreamSite {
  id: string;
  name: string;
  location: { lon: number; lat: number };
  kind: string;
  sector: string | null;
  country: string | null;
  river: string | null;
  riverKm: number;
  arrivalH: number;
  wri: number | null;
  thi: number | null;
  annexI: boolean;
}

export interface UpstreamResult {
  snap: { lon: number; lat: number; distanceKm: number; river: string | null };
  limits: { maxKm: number | null; maxHours: number | null };
  total: number;
  truncated: boolean;
  sites: UpstreamSite[];
  rankedByHazard: string[];
  rankedByArrival: string[];
  countries: string[];
  velocityModel: string;
}

export interface UpstreamQuery {
  lon: number;
  lat: number;
  maxKm?: number | undefined;
  maxHours?: number | undefined;
}

export async function fetchUpstream(q: UpstreamQuery, signal?: AbortSignal): Promise<UpstreamResult> {
  const p = new URLSearchParams({ lon: q.lon.toFixed(6), lat: q.lat.toFixed(6), limit: '100' });
  if (q.maxKm !== undefined) p.set('maxKm', String(q.maxKm));
  if (q.maxHours !== undefined) p.set('maxHours', String(q.maxHours));
  const res = await fetch(`/api/upstream?${p}`, signal ? { signal } : undefined);
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as UpstreamResult;
}
