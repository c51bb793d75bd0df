// CSV import: one site per row; position in lon/lat (WGS84) or x/y (in the given CRS); substances as a
// JSON `substances` column or `substance_*` columns with `|` between several substances. The dialect
// is detected: `,`, `;` or tab between cells, and with `;` or tab a decimal comma in numbers (Excel
// in continental Europe).
import { parse } from 'csv-parse/sync';
import { checkCrs, convertPoint } from './coords.js';
import type { ParseOptions, ParseOutcome, RawRow, RowError, RowItem } from './types.js';

const SUBSTANCE_COLUMNS: Record<string, string> = {
  substance_name: 'name',
  substance_cas: 'casNumber',
  substance_quantity_t: 'quantityTonnes',
  substance_wgk: 'wgk',
  substance_annex_i_category: 'annexICategory',
  substance_estimate: 'estimate',
};
const COORD_COLUMNS = new Set(['lon', 'lat', 'x', 'y', 'longitude', 'latitude']);

export function parseCsv(text: string, options: ParseOptions = {}): ParseOutcome {
  const crs = checkCrs(options.crs);
  if (!crs.ok) return { ok: false, code: 'UNKNOWN_CRS', message: crs.message };
  let records: CsvRecord[];
  const delimiter = detectDelimiter(text);
  try {
    records = parse(text, csvParseOptions(delimiter)) as CsvRecord[];
  } catch (err) {
    return { ok: false, code: 'BAD_FILE', message: csvErrorMessage(err) };
  }
  const header = Object.keys(records[0]?.record ?? {});
  const reader = records.length > 0 ? csvRowReader(header, delimiter, options.crs, crs.crs) : null;
  if (reader && !reader.ok) return { ok: false, code: 'BAD_FILE', message: reader.message };
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  for (const r of records) {
    const item = (reader as CsvRowReader).read(r);
    if (item.ok) rows.push(item.row);
    else errors.push(...item.errors);
  }
  return { ok: true, rows, errors };
}

/** A record as csv-parse gives it with `info: true`. */
export interface CsvRecord {
  record: Record<string, string>;
  info: { lines: number };
}

/** The csv-parse options of an import, for the whole-file and the streamed parse alike. */
export function csvParseOptions(delimiter: string) {
  return {
    bom: true,
    delimiter,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_column_count: false,
  };
}

export function csvErrorMessage(err: unknown): string {
  return `CSV cannot be parsed: ${err instanceof Error ? err.message : err}`;
}

export interface CsvRowReader {
  ok: true;
  read(r: CsvRecord): RowItem;
}

/**
 * Turns records into rows once the header is known (a file that has neither lon/lat nor x/y columns is
 * refused as a whole); `crsOption` is the crs parameter as given, `crs` its checked EPSG code.
 */
export function csvRowReader(
  header: readonly string[],
  delimiter: string,
  crsOption: string | undefined,
  crs: string,
): CsvRowReader | { ok: false; message: string } {
  const hasLonLat = ['lon', 'longitude'].some((c) => header.includes(c));
  const hasXY = header.includes('x') && header.includes('y');
  if (!hasLonLat && !hasXY)
    return { ok: false, message: 'CSV needs lon,lat (WGS84) or x,y (with crs) columns.' };
  if (hasLonLat && crsOption !== undefined && crs !== 'EPSG:4326' && !hasXY) {
    return {
      ok: false,
      message: `lon/lat columns are WGS84; give projected coordinates as x,y columns to use ${crs}.`,
    };
  }
  // With `,` between cells a comma cannot be a decimal separator; with `;` or tab it usually is.
  const decimalComma = delimiter !== ',';
  const read = ({ record, info }: CsvRecord): RowItem => {
    const line = info.lines;
    if (decimalComma) {
      for (const [k, v] of Object.entries(record)) if (DECIMAL_COMMA.test(v)) record[k] = v.replace(',', '.');
    }
    const point = hasXY
      ? convertPoint(crs, num(record.x), num(record.y))
      : convertPoint('EPSG:4326', num(record.lon ?? record.longitude), num(record.lat ?? record.latitude), [
          'lon',
          'lat',
        ]);
    if (!point.ok) return { ok: false, line, errors: [{ line, field: point.field, message: point.message }] };
    const props: Record<string, unknown> = {};
    const subs: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(record)) {
      if (v === '' || COORD_COLUMNS.has(k)) continue;
      const subKey = SUBSTANCE_COLUMNS[k];
      if (subKey) subs[subKey] = v.split('|').map((p) => p.trim());
      else props[k] = v;
    }
    if (typeof props.substances === 'string') {
      try {
        props.substances = JSON.parse(props.substances);
      } catch {
        return { ok: false, line, errors: [{ line, field: 'substances', message: 'must be a JSON array' }] };
      }
    } else if (subs.name) {
      props.substances = subs.name.map((name, i) => {
        // Flat files rarely carry the flag: a quantity in a substance column is a reported one.
        const s: Record<string, string> = { name, estimate: 'false' };
        for (const [key, values] of Object.entries(subs)) {
          const value = values[i];
          if (key !== 'name' && value !== undefined && value !== '') s[key] = value;
        }
        return s;
      });
    }
    // A row without any substance cells lists no substances (rather than failing as "missing").
    props.substances ??= [];
    return { ok: true, row: { line, props, lon: point.lon, lat: point.lat, footprint: null } };
  };
  return { ok: true, read };
}

/** A number written with a decimal comma ("45,123", "-0,5"); never a list ("1,2,3") or thousands. */
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

/** The separator that splits the header line into the most cells (outside quotes). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const counts: Array<[',' | ';' | '\t', number]> = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ',';
}

/** Empty and missing cells are NaN so the coordinate check names the column. */
function num(v: string | undefined): number {
  return v === undefined || v.trim() === '' ? Number.NaN : Number(v);
}
