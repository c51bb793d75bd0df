// fast-check generators of bad and odd inputs shared by the fuzz tests: hostile strings, numbers at and
// past the edges, mutated site bodies, and CSV / GeoJSON / KML files built from them.
import fc from 'fast-check';
import { kalush } from '../fixtures/site-bodies.js';

/** Strings that have broken parsers before: empty, huge, control characters, formulas, quotes, markup. */
export const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\u202E',
    '=HYPERLINK("http://x")',
    '+1',
    '-1',
    '@SUM(A1)',
    '"',
    '""',
    "'",
    ',',
    '\n',
    '\r\n',
    '<',
    ']]>',
    '&amp;',
    '<![CDATA[',
    '{',
    '[',
    'null',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x10',
    '__proto__',
    'constructor',
    "'; DROP TABLE sites; --",
    '%',
    '_',
    '\\',
    'EPSG:99999',
  ),
  fc.integer({ min: 1000, max: 5000 }).map((n) => 'x'.repeat(n)),
);

/** Numbers at and past every edge the API cares about. */
export const oddNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    180,
    -180,
    180.0000001,
    90,
    -90,
    90.0000001,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    5e-324,
  ),
);

export const oddNumberText = fc.oneof(oddNumber.map(String), oddString);

/** Any JSON value, including deep nesting and odd keys. */
export const anyJson = fc.jsonValue({ maxDepth: 4 });

const SITE_KEYS = [
  ...Object.keys(kalush),
  'id',
  'version',
  'tmf',
  'footprint',
  '__proto__',
  'constructor',
  'extra',
];

/** A valid site body with one to three fields replaced by odd values, removed, or added. */
export const mutatedSite = fc
  .array(
    fc.record({
      key: fc.constantFrom(...SITE_KEYS),
      action: fc.constantFrom('replace', 'delete', 'nested'),
      value: fc.oneof(anyJson, oddString, oddNumber),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((changes) => {
    const body: Record<string, unknown> = structuredClone(kalush) as unknown as Record<string, unknown>;
    for (const c of changes) {
      if (c.action === 'delete') delete body[c.key];
      else if (c.action === 'nested' && c.key === 'location') body.location = { lon: c.value, lat: c.value };
      else if (c.action === 'nested' && c.key === 'substances')
        body.substances = [
          { name: c.value, casNumber: c.value, quantityTonnes: c.value, wgk: c.value, estimate: c.value },
        ];
      else
        Object.defineProperty(body, c.key, {
          value: c.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
    }
    return body;
  });

/** Position-like arrays: sound, swapped, projected, non-numeric, too short, too deep. */
const position = fc.oneof(
  fc.tuple(fc.double({ min: 15, max: 25, noNaN: true }), fc.double({ min: 44, max: 49, noNaN: true })),
  fc.tuple(oddNumber, oddNumber),
  fc.array(oddNumber, { maxLength: 4 }),
  anyJson,
);

const ring = fc.oneof(
  fc.array(position, { maxLength: 8 }),
  // A bow-tie: closed but crossing itself.
  fc.constant([
    [20, 45],
    [21, 46],
    [21, 45],
    [20, 46],
    [20, 45],
  ]),
);

export const oddGeometry = fc.oneof(
  fc.record({
    type: fc.constantFrom(
      'Point',
      'Polygon',
      'MultiPolygon',
      'LineString',
      'GeometryCollection',
      'point',
      '',
    ),
    coordinates: fc.oneof(
      position,
      fc.array(ring, { maxLength: 3 }),
      fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }),
      anyJson,
    ),
  }),
  anyJson,
  fc.constant(null),
);

export const geojsonFile = fc.oneof(
  // Whole-file garbage: not JSON, JSON of the wrong shape.
  oddString,
  anyJson.map((v) => JSON.stringify(v)),
  // A FeatureCollection of odd features.
  fc
    .record({
      features: fc.array(
        fc.oneof(
          fc.record({
            type: fc.constantFrom('Feature', 'feature', 'Point'),
            geometry: oddGeometry,
            properties: fc.oneof(mutatedSite, anyJson, fc.dictionary(oddString, oddString, { maxKeys: 5 })),
          }),
          anyJson,
        ),
        { maxLength: 6 },
      ),
      crs: fc.option(fc.record({ type: fc.constant('name'), properties: fc.record({ name: oddString }) }), {
        nil: undefined,
      }),
    })
    .map((fcBody) => JSON.stringify({ type: 'FeatureCollection', ...fcBody })),
);

const CSV_COLUMNS = [
  'name',
  'kind',
  'sector',
  'status',
  'lon',
  'lat',
  'x',
  'y',
  'sources',
  'substances',
  'substance_name',
  'substance_cas',
  'substance_quantity_t',
  'substance_wgk',
  'tmf',
  'footprint',
  'id',
  'notes',
];

const csvCell = fc.oneof(
  oddString,
  oddNumberText,
  fc.constantFrom('hazardous_activity', 'chemical', 'operating', 'tmf', '24.37', '49.03'),
);
const quoteCell = (s: string) => (/[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);

export const csvFile = fc.oneof(
  oddString,
  fc
    .record({
      header: fc.array(fc.oneof(fc.constantFrom(...CSV_COLUMNS), oddString), { minLength: 1, maxLength: 10 }),
      rows: fc.array(fc.array(csvCell, { maxLength: 11 }), { maxLength: 6 }),
      quote: fc.boolean(),
    })
    .map(({ header, rows, quote }) =>
      [header, ...rows].map((r) => r.map((c) => (quote ? quoteCell(c) : c)).join(',')).join('\n'),
    ),
);

const xmlText = fc.oneof(oddString, oddNumberText);
const placemark = fc
  .record({
    name: xmlText,
    coords: fc.oneof(
      fc.tuple(oddNumberText, oddNumberText).map(([a, b]) => `${a},${b}`),
      fc.constantFrom('24.37,49.03', '24.37,49.03,0', '', '1,2,3,4', '20,45 21,46 21,45 20,46 20,45'),
    ),
    shape: fc.constantFrom('Point', 'Polygon', 'LineString', 'Nothing'),
    data: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('kind', 'sector', 'status', 'sources', 'substances', 'tmf'), oddString),
        xmlText,
      ),
      {
        maxLength: 5,
      },
    ),
  })
  .map(({ name, coords, shape, data }) => {
    const geometry =
      shape === 'Polygon'
        ? `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon>`
        : shape === 'Nothing'
          ? ''
          : `<${shape}><coordinates>${coords}</coordinates></${shape}>`;
    const ext = data.map(([k, v]) => `<Data name="${k}"><value>${v}</value></Data>`).join('');
    return `<Placemark><name>${name}</name>${geometry}<ExtendedData>${ext}</ExtendedData></Placemark>`;
  });

export const kmlFile = fc.oneof(
  oddString,
  fc
    .array(placemark, { maxLength: 5 })
    .map(
      (ps) =>
        `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${ps.join('')}</Document></kml>`,
    ),
  fc.constantFrom(
    '<kml>',
    '<kml><Placemark>',
    '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x "xx">]><kml>&x;</kml>',
  ),
);
