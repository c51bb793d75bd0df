// The place finder's answer (GET /api/search) and how a chosen hit moves the app: a country filters
// the list to its sites and shows the country, a site opens, a place or river is zoomed to.

export type Bbox4 = [number, number, number, number];

export type SearchHit =
  | {
      kind: 'country';
      iso3: string;
      name: string;
      nameRu?: string | null;
      bbox: Bbox4 | null;
      siteCount: number;
    }
  | { kind: 'site'; id: string; name: string; countryIso3: string | null; lon: number; lat: number }
  | {
      kind: 'place';
      name: string;
      nameRu?: string | null;
      countryIso3: string | null;
      lon: number;
      lat: number;
      population: number | null;
    }
  | { kind: 'river'; name: string; nameRu?: string | null; bbox: Bbox4; lengthKm: number };

export interface CountryOption {
  iso3: string;
  name: string;
  nameRu?: string | null;
  siteCount: number;
}

/** A stable key for a hit (React keys, option ids). */
export function hitKey(h: SearchHit): string {
  switch (h.kind) {
    case 'country':
      return `country-${h.iso3}`;
    case 'site':
      return `site-${h.id}`;
    case 'place':
      return `place-${h.name}-${h.lon.toFixed(3)}-${h.lat.toFixed(3)}`;
    case 'river':
      return `river-${h.name}-${h.bbox.map((v) => v.toFixed(2)).join('_')}`;
  }
}
