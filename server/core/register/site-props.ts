// Normalises imported properties before validation: canonical field names (nameLocal, name_local and
// namelocal are one field), export-only fields dropped, and text values (CSV cells, KML ExtendedData)
// turned into the numbers, booleans and JSON structures the site schema expects.
import type { FieldIssue as Issue } from './site-schema.js';

const FIELDS = [
  'id',
  'name',
  'nameLocal',
  'kind',
  'sector',
  'operator',
  'status',
  'footprint',
  'address',
  'locality',
  'receivingRiver',
  'notes',
  'sources',
  'substances',
  'tmf',
] as const;

/** Written by our exports (identity, timestamps, derived fields); ignored when read back. */
export const EXPORT_ONLY_FIELDS = [
  'version',
  'createdAt',
  'updatedAt',
  'derived',
  'countryIso3',
  'countryName',
  'basinId',
  'basinName',
  'river',
  'snapDistanceKm',
  'outletName',
  'outletKind',
  'downstreamCountries',
  'kmToFirstBorder',
  'distanceToBorderKm',
  'annexIHazardous',
  'wri',
  'wriClass',
  'thi',
  'thiClass',
  'derivedAt',
  'lon',
  'lat',
  'location',
] as const;

const fold = (k: string) => k.replace(/[_\s-]/g, '').toLowerCase();
const CANONICAL = new Map<string, string>(FIELDS.map((f) => [fold(f), f]));
const EXPORT_ONLY = new Set<string>(EXPORT_ONLY_FIELDS.map(fold));
/** KML <description> is the free-text notes field when no explicit notes are given. */
const ALIASES = new Map([['description', 'notes']]);

const JSON_FIELDS = new Set(['footprint', 'tmf', 'substances', 'sources']);

export type CanonicalProps =
  /** `ignored`: columns that are no site field (an OBJECTID, a GIS tool's extras), left out with a warning. */
  { ok: true; props: Record<string, unknown>; ignored: string[] } | { ok: false; issues: Issue[] };

export function canonicalProps(raw: Record<string, unknown>): CanonicalProps {
  const props: Record<string, unknown> = {};
  const issues: Issue[] = [];
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const folded = fold(key);
    if (EXPORT_ONLY.has(folded) || value === '' || value === undefined) continue;
    if (!CANONICAL.has(folded) && !ALIASES.has(folded)) {
      ignored.push(key);
      continue;
    }
    const alias = ALIASES.get(folded);
    if (alias) {
      if (!(alias in raw)) props[alias] ??= value;
      continue;
    }
    const name = CANONICAL.get(folded) ?? key;
    props[name] = JSON_FIELDS.has(name) && typeof value === 'string' ? fromText(name, value, issues) : value;
  }
  if (Array.isArray(props.substances)) props.substances = props.substances.map(substanceFromText);
  return issues.length ? { ok: false, issues } : { ok: true, props, ignored };
}

function fromText(field: string, text: string, issues: Issue[]): unknown {
  const t = text.trim();
  // Plain-text sources: one per line or `|`-separated, each a title (and URL, when it is one).
  if (field === 'sources' && !t.startsWith('[') && !t.startsWith('{')) {
    return t
      .split(/\r?\n|\|/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => (/^https?:\/\//i.test(p) ? { title: p, url: p } : { title: p }));
  }
  try {
    return JSON.parse(t);
  } catch {
    issues.push({
      path: field,
      message: `must be JSON (${field === 'substances' ? 'an array' : 'an object or array'})`,
    });
    return undefined;
  }
}

/** Substances read from text carry strings; typed values (GeoJSON, JSON columns) pass unchanged. */
function substanceFromText(s: unknown): unknown {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
  const out: Record<string, unknown> = { ...(s as Record<string, unknown>) };
  const q = out.quantityTonnes;
  if (typeof q === 'string' && q.trim() !== '' && Number.isFinite(Number(q))) out.quantityTonnes = Number(q);
  if (typeof out.wgk === 'string' && /^[123]$/.test(out.wgk.trim())) out.wgk = Number(out.wgk);
  if (typeof out.estimate === 'string') {
    const e = out.estimate.trim().toLowerCase();
    if (['true', '1', 'yes', 'y'].includes(e)) out.estimate = true;
    else if (['false', '0', 'no', 'n'].includes(e)) out.estimate = false;
  }
  return out;
}
