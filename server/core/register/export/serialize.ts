// Serialises site records to GeoJSON, CSV (formula-injection safe) or KML.
import { stringify } from 'csv-stringify/sync';
import type { Feature, FeatureCollection } from 'geojson';
import tokml from 'tokml';
import type { SiteRecord } from '../site-record.js';
import { type Scalar, siteProperties, toScalar } from './flatten.js';

export function toFeatureCollection(sites: readonly SiteRecord[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites.map(
      (s): Feature => ({
        type: 'Feature',
        id: s.id,
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: siteProperties(s),
      }),
    ),
  };
}

export function toGeoJsonText(sites: readonly SiteRecord[]): string {
  return JSON.stringify(toFeatureCollection(sites));
}

/** Cells a spreadsheet would evaluate as a formula (OWASP CSV injection): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` so spreadsheets show the text instead of evaluating it. Numbers are ours, never escaped. */
export function escapeCell(v: Scalar): Scalar {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

export function toCsv(sites: readonly SiteRecord[]): string {
  const rows = sites.map((s) => {
    const props = siteProperties(s);
    const row: Record<string, Scalar> = { lon: s.lon, lat: s.lat };
    for (const [k, v] of Object.entries(props)) row[k] = escapeCell(toScalar(v));
    return row;
  });
  const columns = ['lon', 'lat', ...Object.keys(siteProperties(EMPTY))];
  return stringify(rows, {
    header: true,
    columns,
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}

export function toKml(sites: readonly SiteRecord[]): string {
  const fc = toFeatureCollection(sites);
  for (const f of fc.features) {
    const flat: Record<string, Scalar> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const s = toScalar(v);
      if (s !== null) flat[k] = s;
    }
    f.properties = flat;
  }
  return tokml(fc, { documentName: 'HazAtlas sites', name: 'name', description: 'notes' });
}

/** A record with every key present, used only to list the CSV columns when there are no rows. */
const EMPTY: SiteRecord = {
  id: '',
  name: '',
  nameLocal: null,
  kind: '',
  sector: null,
  operator: null,
  status: null,
  lon: 0,
  lat: 0,
  footprint: null,
  address: null,
  locality: null,
  receivingRiver: null,
  notes: null,
  sources: [],
  substances: [],
  tmf: null,
  createdAt: '',
  updatedAt: '',
  version: 0,
  derived: null,
};
