// The basin transboundary matrix: origin country × affected country, from each site's stored country
// entries along its main downstream path (no trace at query time).
import { stringify } from 'csv-stringify/sync';
import { escapeCell } from '../csv-cell.js';
import type { SitePosition } from './site-position.js';
import { hoursToOutlet, type UpstreamIndex } from './upstream-index.js';

export interface MatrixSite {
  id: string;
  /** Country the site stands in (null off the country polygons: then its river's first country). */
  countryIso3: string | null;
  annexIHazardous: boolean;
  wri: number | null;
  thi: number | null;
  position: SitePosition | null;
}

export interface MatrixCell {
  origin: string;
  affected: string;
  sites: number;
  annexI: number;
  maxWri: number | null;
  maxThi: number | null;
  /** Shortest travel time from a site to the affected country's border along the main path. */
  minArrivalH: number;
  minBorderKm: number;
  siteIds: string[];
}

export interface BasinMatrix {
  /** Origin countries (rows) and affected countries (columns), by number of sites, then code. */
  rows: string[];
  columns: string[];
  cells: MatrixCell[];
  totals: { sites: number; onNetwork: number; transboundarySites: number };
  /** Per origin: its sites on the network and how many of them reach another country. */
  rowTotals: { origin: string; sites: number; transboundarySites: number }[];
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export function basinMatrix(ix: UpstreamIndex, sites: readonly MatrixSite[]): BasinMatrix {
  const cells = new Map<string, MatrixCell>();
  const rowTotals = new Map<string, { origin: string; sites: number; transboundarySites: number }>();
  let onNetwork = 0;
  let transboundary = 0;
  for (const s of sites) {
    const p = s.position;
    if (!p) continue;
    onNetwork += 1;
    const origin = s.countryIso3 ?? p.countryEntries[0]?.iso3;
    if (!origin) continue;
    const row = rowTotals.get(origin) ?? { origin, sites: 0, transboundarySites: 0 };
    row.sites += 1;
    rowTotals.set(origin, row);
    const siteH = hoursToOutlet(ix, p);
    let crosses = false;
    for (const e of p.countryEntries) {
      if (e.iso3 === origin) continue;
      crosses = true;
      const arrivalH = Math.max(0, siteH - hoursToOutlet(ix, e));
      const key = `${origin}>${e.iso3}`;
      const c = cells.get(key) ?? {
        origin,
        affected: e.iso3,
        sites: 0,
        annexI: 0,
        maxWri: null,
        maxThi: null,
        minArrivalH: Number.POSITIVE_INFINITY,
        minBorderKm: Number.POSITIVE_INFINITY,
        siteIds: [],
      };
      c.sites += 1;
      if (s.annexIHazardous) c.annexI += 1;
      c.maxWri = maxOf(c.maxWri, s.wri);
      c.maxThi = maxOf(c.maxThi, s.thi);
      c.minArrivalH = Math.min(c.minArrivalH, arrivalH);
      c.minBorderKm = Math.min(c.minBorderKm, e.km);
      c.siteIds.push(s.id);
      cells.set(key, c);
    }
    if (crosses) {
      transboundary += 1;
      row.transboundarySites += 1;
    }
  }
  const list = [...cells.values()].map((c) => ({
    ...c,
    maxWri: c.maxWri === null ? null : round(c.maxWri),
    maxThi: c.maxThi === null ? null : round(c.maxThi),
    minArrivalH: round(c.minArrivalH, 2),
    minBorderKm: round(c.minBorderKm, 1),
  }));
  const byWeight = (key: 'origin' | 'affected') => {
    const w = new Map<string, number>();
    for (const c of list) w.set(c[key], (w.get(c[key]) ?? 0) + c.sites);
    return [...w].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  };
  const rows = byWeight('origin');
  const columns = byWeight('affected');
  list.sort(
    (a, b) =>
      rows.indexOf(a.origin) - rows.indexOf(b.origin) ||
      columns.indexOf(a.affected) - columns.indexOf(b.affected),
  );
  return {
    rows,
    columns,
    cells: list,
    totals: { sites: sites.length, onNetwork, transboundarySites: transboundary },
    rowTotals: [...rowTotals.values()].sort(
      (a, b) => b.transboundarySites - a.transboundarySites || a.origin.localeCompare(b.origin),
    ),
  };
}

export const MATRIX_CSV_COLUMNS = [
  'origin',
  'affected',
  'sites',
  'annexI',
  'maxWri',
  'maxThi',
  'minArrivalH',
  'minBorderKm',
] as const;

/** One line per cell; text cells are escaped against spreadsheet formula injection like the register's CSV. */
export function matrixCsv(m: BasinMatrix): string {
  return stringify(
    m.cells.map((c) => MATRIX_CSV_COLUMNS.map((k) => escapeCell(c[k]))),
    { header: true, columns: [...MATRIX_CSV_COLUMNS] },
  );
}
