// The CSV import template offered to users: the columns parseCsv reads (site schema names, WGS84
// lon/lat, flat substance_* columns with "|" between several substances) and one example row.
import { stringify } from 'csv-stringify/sync';

export const SITE_CSV_COLUMNS = [
  'name',
  'nameLocal',
  'kind',
  'sector',
  'status',
  'operator',
  'locality',
  'receivingRiver',
  'lon',
  'lat',
  'sources',
  'substance_name',
  'substance_cas',
  'substance_quantity_t',
  'substance_wgk',
] as const;

// Novi Sad (Serbia) lies on the Danube's left bank at about 19.85 E, 45.25 N (Natural Earth populated
// places); chlorine is CAS 7782-50-5. The row is an example to overwrite, not a registered site.
const EXAMPLE: Record<(typeof SITE_CSV_COLUMNS)[number], string> = {
  name: 'Example water works chlorine store (replace this row)',
  nameLocal: '',
  kind: 'hazardous_activity',
  sector: 'chemical',
  status: 'operating',
  operator: '',
  locality: 'Novi Sad',
  receivingRiver: 'Danube',
  lon: '19.85',
  lat: '45.25',
  sources: 'where the data come from (permit, inventory, URL)',
  substance_name: 'chlorine',
  substance_cas: '7782-50-5',
  substance_quantity_t: '25',
  // Chlorine is WGK 2 in the German water hazard classes (UBA Rigoletto database).
  substance_wgk: '2',
};

export const SITE_CSV_TEMPLATE: string = stringify([EXAMPLE], {
  header: true,
  columns: [...SITE_CSV_COLUMNS],
});
