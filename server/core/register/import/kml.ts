// KML import: one site per Placemark (Point, or Polygon as footprint); properties from ExtendedData
// (Data and SchemaData), <name> and <description>. KML coordinates are WGS84 by definition.
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { parseGeoJson } from './geojson.js';
import type { ParseOptions, ParseOutcome } from './types.js';

/** togeojson styling keys that are not site properties. */
const STYLE_KEYS = [
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'icon',
  'visibility',
];

const STYLE_PREFIX = /^(icon|label|line|poly|balloon|list|stroke|fill)-|^style/i;

export function parseKml(text: string, options: ParseOptions = {}): ParseOutcome {
  if (options.crs !== undefined && !/^(epsg:)?4326$|crs84$/i.test(options.crs.trim())) {
    return {
      ok: false,
      code: 'BAD_FILE',
      message: 'KML coordinates are always WGS84 (EPSG:4326); omit crs.',
    };
  }
  let doc: Document;
  try {
    const parser = new DOMParser({ onError: () => {} });
    doc = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (err) {
    return { ok: false, code: 'BAD_FILE', message: `KML is not well-formed XML: ${(err as Error).message}` };
  }
  if (doc.documentElement?.nodeName.replace(/^.*:/, '') !== 'kml') {
    return { ok: false, code: 'BAD_FILE', message: 'Expected a KML document (<kml> root element).' };
  }
  // togeojson yields one feature per Placemark in document order, so feature n is placemark n.
  const fc = kml(doc);
  for (const f of fc.features) {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    for (const k of STYLE_KEYS) delete props[k];
    // Google Earth's own styles (pushpin icon-scale, label-color, …) come through as properties.
    for (const k of Object.keys(props)) if (STYLE_PREFIX.test(k)) delete props[k];
    if (typeof props.substances === 'string') {
      try {
        props.substances = JSON.parse(props.substances);
      } catch {
        // left as a string: validation reports it against the placemark
      }
    }
    // As for CSV: a placemark without substance data lists no substances.
    props.substances ??= [];
    if (typeof props.tmf === 'string') {
      try {
        props.tmf = JSON.parse(props.tmf);
      } catch {
        // as above
      }
    }
  }
  return parseGeoJson(fc);
}
