// Value sets of the register schema (server/core/register/site-schema.ts, server/core/hazard/thi.ts),
// repeated here because the client bundle must not import server code.
export const SITE_KINDS = ['hazardous_activity', 'tmf'] as const;
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
export const SITE_STATUSES = ['operating', 'temporarily_closed', 'closed', 'abandoned'] as const;
export const DAM_RAISE_TYPES = ['upstream', 'downstream', 'centreline', 'other'] as const;
export const FLOOD_EXPOSURES = ['low', 'medium', 'high'] as const;
export const SEISMIC_EXPOSURES = ['low', 'moderate', 'high', 'very_high'] as const;
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
export const CRS_CHOICES = [
  { code: 'EPSG:4326', label: 'WGS 84 (lon/lat)' },
  { code: 'EPSG:3857', label: 'Web Mercator' },
  { code: 'EPSG:3844', label: 'Stereo 70 (Romania)' },
  { code: 'EPSG:31700', label: 'Dealul Piscului 1970 / Stereo 70' },
  { code: 'EPSG:32634', label: 'UTM 34N' },
  { code: 'EPSG:32635', label: 'UTM 35N' },
  { code: 'EPSG:32642', label: 'UTM 42N' },
  { code: 'EPSG:32643', label: 'UTM 43N' },
  { code: 'EPSG:4284', label: 'Pulkovo 1942' },
] as const;
