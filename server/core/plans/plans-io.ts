// CSV of a plan's contact points (export and import) and station import rows from CSV or GeoJSON:
// every bad row is reported with its line and what to fix; nothing is written here.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { escapeCell } from '../csv-cell.js';
import { type Contact, ContactFields } from './plan-schema.js';
import { StationFields } from './station-schema.js';

export const CONTACT_COLUMNS = [
  'iso3',
  'role',
  'organisation',
  'phone',
  'email',
  'fax',
  'languages',
  'hours',
  'source',
] as const;

export interface RowError {
  line: number;
  field?: string;
  message: string;
}

export type RowsOutcome<T> = { ok: true; rows: T[]; errors: RowError[] } | { ok: false; message: string };

export function contactsToCsv(contacts: readonly Contact[]): string {
  return stringify(
    contacts.map((c) => ({
      iso3: c.iso3,
      role: c.role,
      organisation: escapeCell(c.organisation),
      phone: escapeCell(c.phone ?? ''),
      email: escapeCell(c.email ?? ''),
      fax: escapeCell(c.fax ?? ''),
      languages: c.languages.join(';'),
      hours: escapeCell(c.hours ?? ''),
      source: escapeCell(c.source ?? ''),
    })),
    { header: true, columns: [...CONTACT_COLUMNS] },
  );
}

function readCsv(
  text: string,
):
  | { ok: true; records: { record: Record<string, string>; line: number }[] }
  | { ok: false; message: string } {
  try {
    const out = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return { ok: true, records: out.map((r) => ({ record: r.record, line: r.info.lines })) };
  } catch (err) {
    return {
      ok: false,
      message: `The CSV cannot be parsed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);

function collect<T>(line: number, parsed: z.ZodSafeParseResult<T>, rows: T[], errors: RowError[]): void {
  if (parsed.success) rows.push(parsed.data);
  else
    for (const i of parsed.error.issues)
      errors.push({ line, field: i.path.join('.') || undefined, message: i.message });
}

export function contactsFromCsv(text: string): RowsOutcome<ContactFields> {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const header = Object.keys(csv.records[0]?.record ?? {});
  const missing = ['iso3', 'role', 'organisation'].filter((c) => !header.includes(c));
  if (csv.records.length === 0)
    return { ok: false, message: `The CSV has no rows. Columns: ${CONTACT_COLUMNS.join(',')}` };
  if (missing.length)
    return {
      ok: false,
      message: `The CSV lacks the column(s) ${missing.join(', ')}. Columns: ${CONTACT_COLUMNS.join(',')}`,
    };
  const unknown = header.filter((h) => !(CONTACT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    return {
      ok: false,
      message: `Unknown column(s) ${unknown.join(', ')}. Columns: ${CONTACT_COLUMNS.join(',')}`,
    };
  const rows: ContactFields[] = [];
  const errors: RowError[] = [];
  for (const { record: r, line } of csv.records) {
    collect(
      line,
      ContactFields.safeParse({
        iso3: r.iso3,
        role: r.role,
        organisation: r.organisation,
        phone: blankToNull(r.phone),
        email: blankToNull(r.email),
        fax: blankToNull(r.fax),
        languages: r.languages
          ? r.languages
              .split(/[;|]/)
              .map((x) => x.trim())
              .filter(Boolean)
          : [],
        hours: blankToNull(r.hours),
        source: blankToNull(r.source),
      }),
      rows,
      errors,
    );
  }
  return { ok: true, rows, errors };
}

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));

/** CSV columns: name, kind, lon, lat, country, operator, river, measures (; separated), published_river_km, code, source_title, source_url. */
export function stationsFromCsv(text: string): RowsOutcome<StationFields> {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  if (csv.records.length === 0)
    return { ok: false, message: 'The CSV has no rows. Columns: name,kind,lon,lat,…' };
  const header = Object.keys(csv.records[0]?.record ?? {});
  const missing = ['name', 'kind', 'lon', 'lat'].filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, message: `The CSV lacks the column(s) ${missing.join(', ')}.` };
  const rows: StationFields[] = [];
  const errors: RowError[] = [];
  for (const { record: r, line } of csv.records) {
    collect(
      line,
      StationFields.safeParse({
        name: r.name,
        kind: r.kind,
        lon: num(r.lon),
        lat: num(r.lat),
        country: blankToNull(r.country),
        operator: blankToNull(r.operator),
        riverHint: blankToNull(r.river),
        measures: r.measures
          ? r.measures
              .split(/[;|]/)
              .map((x) => x.trim())
              .filter(Boolean)
          : [],
        publishedRiverKm: num(r.published_river_km) ?? null,
        code: blankToNull(r.code),
        sources: r.source_title ? [{ title: r.source_title, url: blankToNull(r.source_url) }] : [],
      }),
      rows,
      errors,
    );
  }
  return { ok: true, rows, errors };
}

/** A FeatureCollection of Points whose properties are the station fields (river as `river` or `riverHint`). */
export function stationsFromGeoJson(doc: unknown): RowsOutcome<StationFields> {
  const fc = doc as { type?: unknown; features?: unknown };
  if (
    typeof doc !== 'object' ||
    doc === null ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  )
    return { ok: false, message: 'Send a GeoJSON FeatureCollection of Point features.' };
  const rows: StationFields[] = [];
  const errors: RowError[] = [];
  fc.features.forEach((f: unknown, i) => {
    const feat = f as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown> | null;
    };
    const line = i + 1;
    const coords = feat.geometry?.coordinates;
    if (feat.geometry?.type !== 'Point' || !Array.isArray(coords) || coords.length < 2) {
      errors.push({ line, field: 'geometry', message: 'must be a Point [lon, lat]' });
      return;
    }
    const { river, ...props } = feat.properties ?? {};
    collect(
      line,
      StationFields.safeParse({
        ...props,
        riverHint: props.riverHint ?? river ?? null,
        lon: coords[0],
        lat: coords[1],
      }),
      rows,
      errors,
    );
  });
  return { ok: true, rows, errors };
}
