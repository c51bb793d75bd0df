// Code lists of the HazAtlas contract, one copy for the server (zod schemas, core) and the client (forms,
// filters, legends): register values, tailings attributes, receptor kinds, outlet and crossing kinds.

export const SITE_KINDS = ['hazardous_activity', 'tmf'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SECTORS = [
  'chemical',
  'oil_gas_storage',
  'pipeline',
  'refinery',
  'mining_metallurgy',
  'fertiliser',
  'energy',
  'waste',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const SITE_STATUSES = ['operating', 'temporarily_closed', 'closed', 'abandoned'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** Tailings attributes scored by the THI (server/core/hazard/thi.ts, data/thi-scores.json). */
export const TOXIC_CONSTITUENTS = [
  'cyanide',
  'arsenic',
  'mercury',
  'radionuclides',
  'heavy_metals',
  'acid_generating',
  'alkaline_red_mud',
  'salts',
  'inert',
] as const;
export type ToxicConstituent = (typeof TOXIC_CONSTITUENTS)[number];
export const FLOOD_EXPOSURES = ['low', 'medium', 'high'] as const;
export type FloodExposure = (typeof FLOOD_EXPOSURES)[number];
export const SEISMIC_EXPOSURES = ['low', 'moderate', 'high', 'very_high'] as const;
export type SeismicExposure = (typeof SEISMIC_EXPOSURES)[number];
export const DAM_RAISE_TYPES = ['upstream', 'downstream', 'centreline', 'other'] as const;
export type DamRaiseType = (typeof DAM_RAISE_TYPES)[number];

/** German water hazard classes of a substance; 'nwg': not hazardous to water. */
export const WGK_VALUES = [1, 2, 3, 'nwg'] as const;
export type Wgk = (typeof WGK_VALUES)[number];

/** Kinds of imported receptors (water intakes, schools, …) used by zones and screening. */
export const RECEPTOR_KINDS = [
  'water_intake',
  'school',
  'hospital',
  'protected_area',
  'flood_zone',
  'settlement',
  'other',
] as const;
export type ReceptorKind = (typeof RECEPTOR_KINDS)[number];

/** Where a river system ends. */
export const OUTLET_KINDS = ['sea', 'terminal_lake', 'inland_sink'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

/** A border event on a trace: a crossing, or the start or end of a stretch where the river is the border. */
export const CROSSING_KINDS = ['crossing', 'stretch_start', 'stretch_end'] as const;
export type CrossingKind = (typeof CROSSING_KINDS)[number];

/** Report and notification languages (the IAN System works in English and Russian). */
export const LANGUAGES = ['en', 'ru'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** True when `value` is one of `list` (narrows a string read from a URL or a file). */
export const isCode = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
