// The report's tables as one CSV: a row per country (in order), border crossing, outlet and
// receptor, with the site and the release scenario on every row; formula-like text neutralised.
import { stringify } from 'csv-stringify/sync';
import { escapeCell } from '../csv-cell.js';
import type { Arrival } from '../transport/plume.js';
import type { SiteReport } from './report-model.js';

export const REPORT_CSV_COLUMNS = [
  'site_id',
  'site_name',
  'release_kg',
  'substance',
  'item',
  'order',
  'code',
  'name',
  'shared_with',
  'km',
  'entry_km',
  'exit_km',
  'zone',
  'distance_m',
  'leading_edge_h_probable',
  'leading_edge_h_fastest',
  'peak_h_probable',
  'peak_h_fastest',
  'peak_mg_l_probable',
  'peak_mg_l_max',
] as const;

type Cell = string | number | null;
type Row = Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], Cell>>;

const arrivalCells = (a: Arrival | null): Row =>
  a
    ? {
        leading_edge_h_probable: a.leadingEdgeH.probable,
        leading_edge_h_fastest: a.leadingEdgeH.bound,
        peak_h_probable: a.peakH.probable,
        peak_h_fastest: a.peakH.bound,
        peak_mg_l_probable: a.peakMgL.probable,
        peak_mg_l_max: a.peakMgL.bound,
      }
    : {};

export function renderReportCsv(r: SiteReport): string {
  const base: Row = {
    site_id: r.site.id,
    site_name: r.site.name,
    release_kg: r.release?.massKg ?? null,
    substance: r.release?.substance ?? null,
  };
  const rows: Row[] = [];
  if (r.trace.status === 'ok') {
    for (const c of r.trace.countries)
      rows.push({
        ...base,
        item: 'country',
        order: c.order,
        code: c.iso3,
        name: c.name,
        shared_with: c.sharedWith.join(' '),
        km: c.entryKm,
        entry_km: c.entryKm,
        exit_km: c.exitKm,
        ...arrivalCells(c.arrival),
      });
    r.trace.crossings.forEach((c, i) => {
      rows.push({
        ...base,
        item: 'crossing',
        order: i + 1,
        code: `${c.from}>${c.to}`,
        name: c.kind,
        km: c.km,
        ...arrivalCells(c.arrival),
      });
    });
    r.trace.outlets.forEach((o, i) => {
      rows.push({
        ...base,
        item: 'outlet',
        order: i + 1,
        code: o.kind,
        name: o.name,
        km: o.km,
        ...arrivalCells(o.arrival),
      });
    });
  }
  r.zones?.receptors.forEach((p, i) => {
    rows.push({
      ...base,
      item: 'receptor',
      order: i + 1,
      code: p.kind,
      name: p.name,
      zone: p.zone,
      distance_m: p.distanceM,
    });
  });
  return stringify(
    rows.map((row) =>
      REPORT_CSV_COLUMNS.map((k) => {
        const v = row[k] ?? null;
        return typeof v === 'string' ? escapeCell(v) : v;
      }),
    ),
    { header: true, columns: [...REPORT_CSV_COLUMNS] },
  );
}
