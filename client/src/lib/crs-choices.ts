// The coordinate systems an import dialog offers by name; any other EPSG code can still be typed.
export const CRS_CHOICES = [
  // Each is in data/crs.json (PROJ's definitions and datum shifts) and checked against cs2cs in
  // tests/core/crs.test.ts.
  { code: 'EPSG:4326', label: 'WGS 84 (lon/lat)' },
  { code: 'EPSG:3857', label: 'Web Mercator' },
  { code: 'EPSG:3035', label: 'ETRS89 / LAEA Europe' },
  { code: 'EPSG:3844', label: 'Stereo 70 (Romania)' },
  { code: 'EPSG:23700', label: 'HD72 / EOV (Hungary)' },
  { code: 'EPSG:5514', label: 'S-JTSK / Krovak East North (Czechia, Slovakia)' },
  { code: 'EPSG:31256', label: 'MGI / Austria GK East' },
  { code: 'EPSG:7801', label: 'BGS2005 / CCS2005 (Bulgaria)' },
  { code: 'EPSG:8682', label: 'SRB_ETRS89 / UTM 34N (Serbia)' },
  { code: 'EPSG:3765', label: 'HTRS96 / Croatia TM' },
  { code: 'EPSG:4026', label: 'MOLDREF99 / Moldova TM' },
  { code: 'EPSG:6381', label: 'UCS-2000 / Ukraine TM zone 7' },
  { code: 'EPSG:3120', label: 'Pulkovo 1942(58) / Poland zone I' },
  { code: 'EPSG:28412', label: 'Pulkovo 1942 / GK zone 12 (66–72° E)' },
  { code: 'EPSG:28413', label: 'Pulkovo 1942 / GK zone 13 (72–78° E)' },
  { code: 'EPSG:28414', label: 'Pulkovo 1942 / GK zone 14 (78–84° E)' },
  { code: 'EPSG:32634', label: 'UTM 34N' },
  { code: 'EPSG:32635', label: 'UTM 35N' },
  { code: 'EPSG:32642', label: 'UTM 42N' },
  { code: 'EPSG:32643', label: 'UTM 43N' },
  { code: 'EPSG:4284', label: 'Pulkovo 1942' },
] as const;
