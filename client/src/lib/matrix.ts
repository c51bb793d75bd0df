// The basin transboundary matrix as the client reads it from GET /api/matrix, and its CSV link.
import { errorFrom } from './api.js';

export interface MatrixCell {
  origin: string;
  affected: string;
  sites: number;
  annexI: number;
  maxWri: number | null;
  maxThi: number | null;
  minArrivalH: number;
  minBorderKm: number;
  siteIds: string[];
}

export interface Matrix {
  basin: { id: number; name: string } | null;
  rows: string[];
  columns: string[];
  cells: MatrixCell[];
  totals: { sites: number; onNetwork: number; transboundarySites: number };
  rowTotals: { origin: string; sites: number; transboundarySites: number }[];
  countryNames: Record<string, string>;
  velocityModel: string;
}

export const MATRIX_METRICS = ['sites', 'annexI', 'maxWri', 'maxThi', 'minArrivalH'] as const;
export type MatrixMetric = (typeof MATRIX_METRICS)[number];

const query = (basinId: number | undefined) => (basinId === undefined ? '' : `?basin=${basinId}`);

export async function fetchMatrix(basinId: number | undefined, signal?: AbortSignal): Promise<Matrix> {
  const res = await fetch(`/api/matrix${query(basinId)}`, signal ? { signal } : undefined);
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as Matrix;
}

export const matrixCsvUrl = (basinId: number | undefined): string => `/api/matrix.csv${query(basinId)}`;

/** A cell's value for the chosen metric, and its strength 0..1 within the matrix for shading. */
export function cellValue(c: MatrixCell, m: MatrixMetric): number | null {
  return c[m];
}

export function shade(m: Matrix, metric: MatrixMetric, c: MatrixCell): number {
  const values = m.cells.map((x) => cellValue(x, metric)).filter((v): v is number => v !== null);
  const v = cellValue(c, metric);
  if (v === null || values.length === 0) return 0;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi === lo) return 1;
  // Arrival time: sooner is more urgent, so shorter times shade darker.
  const t = (v - lo) / (hi - lo);
  return metric === 'minArrivalH' ? 1 - t : t;
}
