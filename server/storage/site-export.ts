// Exports the sites matching a filter, with derived fields, as GeoJSON, CSV or KML text, or a
// GeoPackage (layer "sites": points, flat typed columns named as in the API).
import { flatProperties } from '../core/register/export/flatten.js';
import { EMPTY_SITE, toCsv, toGeoJsonText, toKml } from '../core/register/export/serialize.js';
import type { ExportFormat, SiteExportQuery } from '../core/register/site-filter.js';
import type { SiteRecord } from '../core/register/site-record.js';
import type { Db } from './db.js';
import { fieldsOf, type GpkgValue, writeGpkg } from './gpkg.js';
import { matchingIds } from './site-query.js';
import { readSites } from './site-read.js';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml',
  gpkg: 'application/geopackage+sqlite3',
};

export function exportSites(db: Db, q: SiteExportQuery): string | Buffer {
  // Read in one transaction so the export is a consistent snapshot.
  const sites = db.transaction(() => readSites(db, matchingIds(db, q)))();
  if (q.format === 'geojson') return toGeoJsonText(sites);
  if (q.format === 'csv') return toCsv(sites, q.dialect);
  if (q.format === 'gpkg') return sitesGpkg(sites);
  return toKml(sites);
}

/** Whole-number columns; every other number is REAL, whatever this export's values happen to be. */
const SITE_INTEGERS = new Set(['version', 'basinId']);

export function sitesGpkg(sites: readonly SiteRecord[]): Buffer {
  const rows = sites.map((s) => flatProperties(s) as Record<string, GpkgValue>);
  return writeGpkg([
    {
      name: 'sites',
      geometryType: 'POINT',
      fields: fieldsOf([flatProperties(EMPTY_SITE) as Record<string, GpkgValue>, ...rows], SITE_INTEGERS),
      features: sites.map((s, i) => ({
        geometry: { type: 'Point', coordinates: [s.location.lon, s.location.lat] },
        properties: rows[i] ?? {},
      })),
    },
  ]);
}
