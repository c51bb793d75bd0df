// Serialises site records to GeoJSON, CSV (formula-injection safe) or KML.
import { stringify } from 'csv-stringify/sync';
import type { Feature, FeatureCollection } from 'geojson';
import tokml from 'tokml';
import { escapeCell } from '../../csv-cell.js';
import type { SiteRecord } from '../site-record.js';
import { featureProperties, flatProperties, type Scalar } from './flatten.js';

export function toFeatureCollection(sites: readonly SiteRecord[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: sites.map(
      (s): Feature => ({
        type: 'Feature',
        id: s.id,
        geometry: { type: 'Point', coordinates: [s.location.lon, s.location.lat] },
        properties: featureProperties(s),
      }),
    ),
  };
}

export function toGeoJsonText(sites: readonly SiteRecord[]): string {
  return JSON.stringify(toFeatureCollection(sites));
}

export function toCsv(sites: readonly SiteRecord[], dialect: 'standard' | 'excel' = 'standard'): string {
  const excel = dialect === 'excel';
  const rows = sites.map((s) => {
    const row: Record<string, Scalar> = { lon: s.location.lon, lat: s.location.lat };
    for (const [k, v] of Object.entries(flatProperties(s))) row[k] = escapeCell(v);
    return row;
  });
  const text = stringify(rows, {
    header: true,
    columns: ['lon', 'lat', ...Object.keys(flatProperties(EMPTY_SITE))],
    delimiter: excel ? ';' : ',',
    // Excel with a European locale reads "45,2" as a number and "45.2" as text (or a date).
    cast: {
      boolean: (b) => (b ? 'true' : 'false'),
      number: (n) => (excel ? String(n).replace('.', ',') : String(n)),
    },
  });
  // The BOM is how Excel knows the file is UTF-8 (else it reads Pančevo as PanÄevo).
  return excel ? `\uFEFF${text}` : text;
}

export function toKml(sites: readonly SiteRecord[]): string {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: sites.map((s): Feature => {
      const props: Record<string, Scalar> = {};
      // tokml cannot write null; an absent Data element reads back as absent.
      for (const [k, v] of Object.entries(flatProperties(s))) if (v !== null) props[k] = v;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.location.lon, s.location.lat] },
        properties: props,
      };
    }),
  };
  return tokml(fc, { documentName: 'HazAtlas sites', name: 'name' });
}

/** A record with every key present, used only to list the CSV columns when there are no rows. */
export const EMPTY_SITE: SiteRecord = {
  id: '',
  name: '',
  nameLocal: null,
  kind: 'hazardous_activity',
  sector: 'other',
  operator: null,
  status: 'operating',
  location: { lon: 0, lat: 0 },
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
