// Exports the sites matching a filter, with derived fields, as GeoJSON, CSV or KML text.
import { toCsv, toGeoJsonText, toKml } from '../core/register/export/serialize.js';
import type { ExportFormat, SiteExportQuery } from '../core/register/site-filter.js';
import type { Db } from './db.js';
import { matchingIds } from './site-query.js';
import { readSites } from './site-read.js';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml',
};

export function exportSites(db: Db, q: SiteExportQuery): string {
  // Read in one transaction so the export is a consistent snapshot.
  const sites = db.transaction(() => readSites(db, matchingIds(db, q)))();
  if (q.format === 'geojson') return toGeoJsonText(sites);
  if (q.format === 'csv') return toCsv(sites, q.dialect);
  return toKml(sites);
}
