import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { PolygonLocator } from '../server/core/geo/polygon-locator.js';
import { SegmentIndex } from '../server/core/geo/segment-index.js';
import type { BoundaryLookup } from '../server/core/network/country-runs.js';
import { cleanName } from '../server/core/network/name-outlets.js';
import type { Country, GeographyTables } from '../server/storage/network-store.js';
import { readReferenceFile } from '../server/storage/reference-data.js';
import { type LayerName, lineParts } from './load-geography.js';
import { type Layer, num, str } from './sources.js';

const _DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');

export type LandTables = Pick<GeographyTables, 'countries' | 'boundaries' | 'lakes' | 'places' | 'marine'> & {
  locator: PolygonLocator<string>;
  boundaryLookup: BoundaryLookup;
  terminalLakes: { name: string; geometry: Polygon | MultiPolygon }[];
};

export function landTables(layers: Record<LayerName, Layer>): LandTables {
  const entries = readReferenceFile('terminal-lakes.json').lakes;
  const isTerminal = (props: Record<string, unknown>): string | null => {
    const names = [str(props, 'name'), str(props, 'name_alt')].map((n) => n?.toLowerCase());
    return entries.find((e) => e.match.some((m) => names.includes(m.toLowerCase())))?.name ?? null;
  };
  const terminalLakes = layers.lakes.features.flatMap((f) => {
    const name = isTerminal(f.props);
    return name && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
      ? [{ name, geometry: f.geometry as Polygon | MultiPolygon }]
      : [];
  });
  const countries = countryTable(layers.countries.features);
  const locator = new PolygonLocator(
    countries.map((c) => ({ item: c.adm0, geometry: c.geometry as Polygon | MultiPolygon })),
  );
  const boundaryFeatures = layers.boundaries.features.filter(
    (f) => !/lease|overlay/i.test(`${str(f.props, 'featurecla') ?? ''} ${str(f.props, 'type') ?? ''}`),
  );
  const lines: number[][] = [];
  const sides: [string, string][] = [];
  for (const f of boundaryFeatures) {
    const l = str(f.props, 'adm0_a3_l');
    const r = str(f.props, 'adm0_a3_r');
    if (!l || !r) continue;
    for (const part of lineParts(f.geometry)) {
      lines.push(part);
      sides.push([l, r]);
    }
  }
  return {
    countries,
    locator,
    boundaryLookup: { index: new SegmentIndex(lines), sides },
    terminalLakes,
    boundaries: boundaryFeatures.map((f) => ({
      left: str(f.props, 'adm0_a3_l') ?? '',
      right: str(f.props, 'adm0_a3_r') ?? '',
      type: str(f.props, 'featurecla'),
      geometry: f.geometry,
    })),
    lakes: [...layers.lakes.features, ...layers.lakesEurope.features].map((f) => ({
      name: cleanName(str(f.props, 'name')),
      scalerank: num(f.props, 'scalerank'),
      terminal: isTerminal(f.props) !== null,
      geometry: f.geometry,
    })),
    places: layers.places.features.flatMap((f) =>
      f.geometry.type === 'Point'
        ? [
            {
              name: str(f.props, 'name') ?? '',
              nameRu:
                cleanName(str(f.props, 'name_ru')) ??
                PLACE_NAMES_RU.get(`${str(f.props, 'adm0_a3')}|${str(f.props, 'name')}`) ??
                null,
              adm0: str(f.props, 'adm0_a3'),
              iso2: str(f.props, 'iso_a2'),
              popMax: num(f.props, 'pop_max'),
              scalerank: num(f.props, 'scalerank'),
              lon: f.geometry.coordinates[0]!,
              lat: f.geometry.coordinates[1]!,
            },
          ]
        : [],
    ),
    marine: layers.marine.features.map((f) => ({
      name: cleanName(str(f.props, 'name')),
      featurecla: str(f.props, 'featurecla'),
      geometry: f.geometry,
    })),
  };
}

/** data/place-names-ru.json by "ADM0|name": Russian names where Natural Earth's layer has none. */
const PLACE_NAMES_RU = new Map(
  readReferenceFile('place-names-ru.json').places.map((p) => [`${p.adm0}|${p.name}`, p.nameRu]),
);

const RU_REGIONS = new Intl.DisplayNames(['ru'], { type: 'region', fallback: 'none' });

/**
 * The Russian name of an ISO 3166 alpha-2 code from CLDR (Node's ICU), for Natural Earth vintages
 * without name_ru (4.x); null when the code is not a two-letter code ICU knows.
 */
export function russianRegionName(iso2: string | null): string | null {
  if (!iso2 || !/^[A-Z]{2}$/.test(iso2)) return null;
  try {
    return RU_REGIONS.of(iso2) ?? null;
  } catch {
    return null;
  }
}

export function countryTable(features: { geometry: Geometry; props: Record<string, unknown> }[]): Country[] {
  const seen = new Set<string>();
  const out: Country[] = [];
  for (const f of features) {
    const adm0 = str(f.props, 'adm0_a3');
    if (!adm0 || seen.has(adm0) || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon'))
      continue;
    seen.add(adm0);
    const iso = str(f.props, 'iso_a3');
    const iso2 = str(f.props, 'iso_a2');
    out.push({
      adm0,
      iso3: iso && /^[A-Z]{3}$/.test(iso) ? iso : adm0,
      iso2: iso2 && /^[A-Z]{2}$/.test(iso2) ? iso2 : null,
      name: str(f.props, 'name') ?? str(f.props, 'admin') ?? adm0,
      // Natural Earth 4.x gives France ISO_A2 -99 but WB_A2 FR; Norway has neither (its name stays English).
      nameRu:
        cleanName(str(f.props, 'name_ru')) ??
        russianRegionName(iso2) ??
        russianRegionName(str(f.props, 'wb_a2')),
      geometry: f.geometry,
    });
  }
  return out;
}
