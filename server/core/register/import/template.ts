// The downloadable import template: every column the importer reads, with one filled-in example row
// (modelled on HIP Azotara Pančevo in data/seed/sites.json, but named as an example so that checking the
// template against a seeded register does not find it a duplicate of the real plant).
import { stringify } from 'csv-stringify/sync';

export const TEMPLATE_COLUMNS = [
  'name',
  'nameLocal',
  'kind',
  'sector',
  'operator',
  'status',
  'lon',
  'lat',
  'address',
  'locality',
  'receivingRiver',
  'notes',
  'sources',
  'substance_name',
  'substance_cas',
  'substance_quantity_t',
  'substance_wgk',
  'substance_annex_i_category',
] as const;

const EXAMPLE: Record<(typeof TEMPLATE_COLUMNS)[number], string> = {
  name: 'Example fertiliser plant (replace this row)',
  nameLocal: 'Пример: завод удобрений',
  kind: 'hazardous_activity',
  sector: 'fertiliser',
  operator: 'HIP Azotara d.o.o.',
  status: 'operating',
  lon: '20.72',
  lat: '44.83',
  address: '',
  locality: 'Pančevo',
  receivingRiver: 'Danube',
  notes: 'Example row: replace it with your sites. Several substances: separate cells with |.',
  sources: 'https://www.hip-azotara.rs',
  substance_name: 'Ammonia|Ammonium nitrate',
  substance_cas: '7664-41-7|6484-52-2',
  substance_quantity_t: '15000|20000',
  substance_wgk: '2|1',
  substance_annex_i_category: 'H2|ammonium-nitrate-b',
};

export function importTemplateCsv(dialect: 'standard' | 'excel' = 'standard'): string {
  const excel = dialect === 'excel';
  const row = { ...EXAMPLE, ...(excel ? { lon: '20,70', lat: '44,82' } : {}) };
  const text = stringify([row], {
    header: true,
    columns: [...TEMPLATE_COLUMNS],
    delimiter: excel ? ';' : ',',
  });
  return excel ? `\uFEFF${text}` : text;
}
