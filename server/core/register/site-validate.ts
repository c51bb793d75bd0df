// Maps request bodies and import rows onto SiteFields through the zod site schema (site-schema.ts),
// collecting every violation as {path, message}. Pure.
import { z } from 'zod';
import type { RawRow } from './import/types.js';
import { canonicalProps } from './site-props.js';
import type { SiteFields } from './site-record.js';
import {
  type FieldIssue,
  formatZodIssues,
  type SiteInput,
  SiteInput as SiteInputSchema,
  SitePatch,
} from './site-schema.js';

export type Issue = FieldIssue;
/** formatZodIssues, with unknown keys reported one by one under their own path (not the object's). */
export function zodIssues(err: z.ZodError): Issue[] {
  const out: Issue[] = [];
  const formatted = formatZodIssues(err);
  err.issues.forEach((issue, i) => {
    const f = formatted[i] as Issue;
    if (issue.code !== 'unrecognized_keys') out.push(f);
    else
      for (const key of issue.keys)
        out.push({ path: f.path ? `${f.path}.${key}` : key, message: 'is not a known field' });
  });
  return out;
}

export type Checked<T> = ({ ok: true } & T) | { ok: false; issues: Issue[] };

/** The schema with absent optional values normalised to null: the shape the store writes. */
export function toFields(s: Omit<SiteInput, 'id'>): SiteFields {
  return {
    name: s.name,
    nameLocal: s.nameLocal ?? null,
    kind: s.kind,
    sector: s.sector,
    operator: s.operator ?? null,
    status: s.status,
    location: { lon: s.location.lon, lat: s.location.lat },
    footprint: s.footprint ? { type: 'Polygon', coordinates: s.footprint.coordinates } : null,
    address: s.address ?? null,
    locality: s.locality ?? null,
    receivingRiver: s.receivingRiver ?? null,
    notes: s.notes ?? null,
    sources: s.sources,
    substances: s.substances.map((x) => ({
      ...x,
      casNumber: x.casNumber ?? null,
      annexICategory: x.annexICategory ?? null,
    })),
    tmf: s.tmf ?? null,
  };
}

function checkSite(body: unknown): Checked<{ fields: SiteFields; id: string | undefined }> {
  const r = SiteInputSchema.safeParse(body);
  if (!r.success) return { ok: false, issues: zodIssues(r.error) };
  return { ok: true, fields: toFields(r.data), id: r.data.id };
}

const Version = z.number({ message: 'version is required (the version you read)' }).int().min(1);

/** Splits `version` off a body so the strict site schema sees only site fields. */
function withVersion(body: unknown): { rest: unknown; version: unknown } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { rest: body, version: undefined };
  const { version, ...rest } = body as Record<string, unknown>;
  return { rest, version };
}

export function parseCreateBody(body: unknown): Checked<{ fields: SiteFields; id: string | undefined }> {
  return checkSite(body);
}

export function parseReplaceBody(
  body: unknown,
  urlId: string,
): Checked<{ fields: SiteFields; version: number }> {
  const { rest, version } = withVersion(body);
  const site = checkSite(rest);
  const v = Version.safeParse(version);
  const issues = [
    ...(site.ok ? [] : site.issues),
    ...(v.success ? [] : zodIssues(v.error).map((i) => ({ ...i, path: 'version' }))),
  ];
  if (site.ok && site.id !== undefined && site.id !== urlId) {
    issues.push({ path: 'id', message: `id ${site.id} does not match the URL (${urlId})` });
  }
  if (!site.ok || !v.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, fields: site.fields, version: v.data };
}

/** A patch is applied to the current fields and the result re-validated as a whole site. */
export function parsePatchBody(
  body: unknown,
): Checked<{ version: number; apply: (current: SiteFields) => Checked<{ fields: SiteFields }> }> {
  const r = SitePatch.safeParse(body);
  if (!r.success) return { ok: false, issues: zodIssues(r.error) };
  const { version, ...patch } = r.data;
  return {
    ok: true,
    version,
    apply: (current) => {
      const merged: Record<string, unknown> = { ...fieldsOnly(current) };
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
      const site = checkSite(dropNulls(merged));
      return site.ok ? { ok: true, fields: site.fields } : site;
    },
  };
}

const FIELD_KEYS: readonly (keyof SiteFields)[] = [
  'name',
  'nameLocal',
  'kind',
  'sector',
  'operator',
  'status',
  'location',
  'footprint',
  'address',
  'locality',
  'receivingRiver',
  'notes',
  'sources',
  'substances',
  'tmf',
];

/** Only the user fields: `current` may be a full record (id, version, derived...) at run time. */
function fieldsOnly(current: SiteFields): Partial<SiteFields> {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, current[k]]));
}

/** Stored nulls mean "absent"; the schema's required fields must not see them as values. */
function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
}

/**
 * Validates one parsed import row; the position comes from the row's geometry or columns. Files
 * default what the API requires: `status` operating, `substances` none; columns that are no site
 * field come back in `ignored` (a warning, not a rejection).
 */
export function validateImportRow(
  row: RawRow,
): Checked<{ fields: SiteFields; id: string | undefined; version: number | undefined; ignored: string[] }> {
  const props = canonicalProps(row.props);
  if (!props.ok) return props;
  const body: Record<string, unknown> = {
    status: 'operating',
    substances: [],
    ...props.props,
    location: { lon: row.lon, lat: row.lat },
  };
  if (row.footprint) body.footprint = row.footprint;
  const site = checkSite(body);
  if (!site.ok) return site;
  return { ...site, version: exportedVersion(row.props), ignored: props.ignored };
}

/** The `version` column of one of our exports (for update by id), when it is a whole number ≥ 1. */
function exportedVersion(props: Record<string, unknown>): number | undefined {
  const v = props.version;
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}
