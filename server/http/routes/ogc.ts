// OGC API – Features at /ogc (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS by reference):
// landing page, conformance, API description, collections sites / tailings / receptors / catchments /
// rivers, items with
// bbox, limit, offset and next links, flat typed properties, output and bbox CRS by EPSG code.

import { gunzipSync } from 'node:zlib';
import express, { type Request, type Response } from 'express';
import type { Feature, Geometry, Position } from 'geojson';
import { fromWgs84, lookupCrs, toWgs84 } from '../../core/crs.js';
import { SiteListQuery } from '../../core/register/site-filter.js';
import { type RiverFeature, riverFeatures } from '../../core/transport/river-features.js';
import type { Services } from '../../runtime/services.js';
import { catchmentsGz } from '../../storage/catchment-source.js';
import type { Db } from '../../storage/db.js';
import { listReceptors } from '../../storage/receptor-store.js';
import { listSites } from '../../storage/site-query.js';
import { HttpError } from '../errors.js';

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const epsgUri = (code: number) => `http://www.opengis.net/def/crs/EPSG/0/${code}`;
/** Offered output CRSs besides CRS84: WGS 84, ETRS89 LAEA, Web Mercator and the national grids most asked for. */
const OFFERED = [4326, 3857, 3035, 3844, 23700, 5514, 31256, 8682, 4026, 32634, 32635, 32642, 28413];
const MAX_ITEMS = 1000;

type Item = { id: string; geometry: Geometry; properties: Record<string, unknown> };
type Page = { total: number; items: Item[] };

interface Collection {
  id: string;
  title: string;
  description: string;
  page: (db: Db, bbox: [number, number, number, number] | undefined, limit: number, offset: number) => Page;
}

function sitePage(kind: string | undefined) {
  return (
    db: Db,
    bbox: [number, number, number, number] | undefined,
    limit: number,
    offset: number,
  ): Page => {
    const q = SiteListQuery.parse({
      ...(bbox ? { bbox: bbox.join(',') } : {}),
      ...(kind ? { kind } : {}),
      limit: String(limit),
      offset: String(offset),
    });
    const page = listSites(db, q);
    return {
      total: page.total,
      items: page.items.map(({ location, ...props }) => ({
        id: props.id,
        geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
        properties: props,
      })),
    };
  };
}

/** Basin catchment areas (the map's catchments, built once per process), filtered and paged here. */
function catchmentPage(services: Services) {
  let areas: Item[] | null = null;
  return (
    _db: Db,
    bbox: [number, number, number, number] | undefined,
    limit: number,
    offset: number,
  ): Page => {
    if (!areas) {
      const gz = catchmentsGz(services.db, services.network, services.meta.built_at ?? 'unknown');
      const fc = JSON.parse(gunzipSync(gz).toString()) as { features: Feature[] };
      areas = fc.features
        .filter((f) => f.properties?.role !== 'label' && f.geometry)
        .map((f, i) => {
          const { role: _role, ...props } = (f.properties ?? {}) as Record<string, unknown>;
          return { id: String(f.id ?? props.basinId ?? i), geometry: f.geometry, properties: props };
        });
    }
    const hits = bbox ? areas.filter((a) => meets(boundsOf(a.geometry), bbox)) : areas;
    return { total: hits.length, items: hits.slice(offset, offset + limit) };
  };
}

/** River reaches of the loaded network (immutable while the server runs), built on first use. */
function riverPage(services: Services) {
  let reaches: RiverFeature[] | null = null;
  return (
    _db: Db,
    bbox: [number, number, number, number] | undefined,
    limit: number,
    offset: number,
  ): Page => {
    reaches ??= riverFeatures(services.network, services.discharge.flow);
    const hits = bbox ? reaches.filter((r) => meets(r.bbox, bbox)) : reaches;
    return { total: hits.length, items: hits.slice(offset, offset + limit) };
  };
}

function boundsOf(g: Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x = 0, y = 0] = c as number[];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk((g as { coordinates?: unknown }).coordinates);
  return b;
}

const meets = (a: number[], b: number[]) =>
  (a[0] ?? 0) <= (b[2] ?? 0) &&
  (a[2] ?? 0) >= (b[0] ?? 0) &&
  (a[1] ?? 0) <= (b[3] ?? 0) &&
  (a[3] ?? 0) >= (b[1] ?? 0);

const BASE_COLLECTIONS: Collection[] = [
  {
    id: 'sites',
    title: 'Hazardous sites',
    description: 'Every registered hazardous activity and tailings management facility, with derived fields.',
    page: sitePage(undefined),
  },
  {
    id: 'tailings',
    title: 'Tailings management facilities',
    description: 'Registered TMFs only.',
    page: sitePage('tmf'),
  },
  {
    id: 'receptors',
    title: 'Receptors',
    description: 'Imported receptor layers: water intakes, schools, hospitals, protected areas, flood zones.',
    page: (db, bbox, limit, offset) => {
      const found = listReceptors(db, { bbox, limit, offset });
      return {
        total: found.total,
        items: found.items.map((r) => ({
          id: r.id,
          geometry: r.geometry as Geometry,
          properties: { kind: r.kind, name: r.name, population: r.population, createdAt: r.createdAt },
        })),
      };
    },
  },
];

/**
 * The absolute base of every link (OGC API clients such as GDAL follow absolute links): the configured
 * public URL, else the address the client actually reached on this machine's socket. Never the Host
 * header: a forged one would hand other visitors (or a shared cache) links to anywhere.
 */
function base(req: Request, publicUrl: string | null): string {
  if (publicUrl) return `${publicUrl.replace(/\/$/, '')}/ogc`;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `${req.protocol}://${host}:${req.socket.localPort}/ogc`;
}

function wantsHtml(req: Request): boolean {
  const f = req.query.f;
  if (f === 'html') return true;
  if (f === 'json' || f === undefined)
    return (
      f === undefined && /text\/html/.test(req.get('accept') ?? '') && !/json/.test(req.get('accept') ?? '')
    );
  throw new HttpError(400, 'INVALID_QUERY', 'f must be json or html.');
}

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function html(res: Response, title: string, body: string): void {
  res
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`,
    );
}

/** "EPSG:n", an OGC URI or CRS84 → EPSG code (4326 for CRS84, lon/lat order). */
function crsParam(value: unknown, name: string): { code: number; uri: string } {
  if (value === undefined || value === CRS84) return { code: 4326, uri: CRS84 };
  const s = String(value);
  const m = /^http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/(\d+)$/.exec(s) ?? /^EPSG:(\d+)$/i.exec(s);
  const code = m?.[1] ? Number(m[1]) : Number.NaN;
  if (!Number.isFinite(code) || !lookupCrs(`EPSG:${code}`).ok) {
    throw new HttpError(
      400,
      'INVALID_QUERY',
      `${name} must be ${CRS84} or http://www.opengis.net/def/crs/EPSG/0/<code> (got "${s}").`,
    );
  }
  return { code, uri: epsgUri(code) };
}

function collectionJson(b: string, c: Collection) {
  const self = `${b}/collections/${c.id}`;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    extent: { spatial: { bbox: [[-180, -90, 180, 90]], crs: CRS84 } },
    crs: [CRS84, ...OFFERED.map(epsgUri)],
    storageCrs: CRS84,
    links: [
      { href: self, rel: 'self', type: 'application/json', title: c.title },
      { href: `${self}/items`, rel: 'items', type: 'application/geo+json', title: `${c.title} (GeoJSON)` },
      { href: `${self}/items?f=html`, rel: 'items', type: 'text/html', title: `${c.title} (HTML)` },
    ],
  };
}

function transform(g: Geometry, code: number): Geometry {
  if (code === 4326) return g;
  const p = (c: Position): Position => fromWgs84(`EPSG:${code}`, c[0] ?? 0, c[1] ?? 0);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: p(g.coordinates) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(p)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((pl) => pl.map((r) => r.map(p))) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(p) };
    default:
      return g;
  }
}

const ITEM_PARAMS = new Set(['bbox', 'limit', 'offset', 'f', 'crs', 'bbox-crs']);

function itemsQuery(req: Request) {
  for (const k of Object.keys(req.query)) {
    if (!ITEM_PARAMS.has(k)) throw new HttpError(400, 'INVALID_QUERY', `Unknown parameter "${k}".`);
  }
  const limit = req.query.limit === undefined ? 10 : Number(req.query.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new HttpError(400, 'INVALID_QUERY', 'limit must be a whole number ≥ 1.');
  const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
  if (!Number.isInteger(offset) || offset < 0)
    throw new HttpError(400, 'INVALID_QUERY', 'offset must be a whole number ≥ 0.');
  const crs = crsParam(req.query.crs, 'crs');
  const bboxCrs = crsParam(req.query['bbox-crs'], 'bbox-crs');
  let bbox: [number, number, number, number] | undefined;
  if (req.query.bbox !== undefined) {
    const n = String(req.query.bbox).split(',').map(Number);
    if (n.length !== 4 || !n.every(Number.isFinite))
      throw new HttpError(400, 'INVALID_QUERY', 'bbox must be minx,miny,maxx,maxy.');
    const [a = 0, b = 0, c = 0, d = 0] = n;
    if (bboxCrs.code === 4326) bbox = [a, b, c, d];
    else {
      const corners = [
        toWgs84(`EPSG:${bboxCrs.code}`, a, b),
        toWgs84(`EPSG:${bboxCrs.code}`, c, d),
        toWgs84(`EPSG:${bboxCrs.code}`, a, d),
        toWgs84(`EPSG:${bboxCrs.code}`, c, b),
      ];
      bbox = [
        Math.min(...corners.map((x) => x[0])),
        Math.min(...corners.map((x) => x[1])),
        Math.max(...corners.map((x) => x[0])),
        Math.max(...corners.map((x) => x[1])),
      ];
    }
    const [w, s, e, nn] = bbox;
    bbox = [Math.max(-180, w), Math.max(-90, s), Math.min(180, e), Math.min(90, nn)];
  }
  return { limit: Math.min(limit, MAX_ITEMS), offset, crs, bbox };
}

function find(COLLECTIONS: Collection[], id: string): Collection {
  const c = COLLECTIONS.find((x) => x.id === id);
  if (!c)
    throw new HttpError(
      404,
      'NOT_FOUND',
      `No collection "${id}" (collections: ${COLLECTIONS.map((x) => x.id).join(', ')}).`,
    );
  return c;
}

export function ogcRouter(
  services: Services,
  options: { publicUrl: string | null } = { publicUrl: null },
): express.Router {
  const { db } = services;
  const COLLECTIONS: Collection[] = [
    ...BASE_COLLECTIONS,
    {
      id: 'catchments',
      title: 'Basin catchments',
      description:
        'Approximate catchment of every river system (from the network; the Danube Delta on its own).',
      page: catchmentPage(services),
    },
    {
      id: 'rivers',
      title: 'River reaches',
      description:
        'The routed river network: reaches with name, class, length, long-term mean discharge (network source or area × runoff), country and basin.',
      page: riverPage(services),
    },
  ];
  const r = express.Router();

  r.get('/', (req, res) => {
    const b = base(req, options.publicUrl);
    const body = {
      title: 'HazAtlas',
      description:
        'Hazardous sites, tailings facilities, receptors, catchments and rivers of transboundary river basins (OGC API – Features).',
      links: [
        { href: b, rel: 'self', type: 'application/json', title: 'This document' },
        { href: `${b}?f=html`, rel: 'alternate', type: 'text/html', title: 'This document as HTML' },
        {
          href: `${b}/api`,
          rel: 'service-desc',
          type: 'application/vnd.oai.openapi+json;version=3.0',
          title: 'The API definition',
        },
        { href: `${b}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance' },
        { href: `${b}/collections`, rel: 'data', type: 'application/json', title: 'Collections' },
      ],
    };
    if (wantsHtml(req))
      return html(
        res,
        body.title,
        `<p>${esc(body.description)}</p><ul>${body.links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.title)}</a></li>`).join('')}</ul>`,
      );
    res.json(body);
  });

  r.get('/conformance', (_req, res) => {
    res.json({
      conformsTo: [
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
        'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
      ],
    });
  });

  r.get('/api', (req, res) => {
    res.type('application/vnd.oai.openapi+json;version=3.0').send(
      JSON.stringify(
        openApi(
          base(req, options.publicUrl),
          COLLECTIONS.map((c) => c.id),
        ),
      ),
    );
  });

  r.get('/collections', (req, res) => {
    const body = {
      links: [
        {
          href: `${base(req, options.publicUrl)}/collections`,
          rel: 'self',
          type: 'application/json',
          title: 'Collections',
        },
      ],
      collections: COLLECTIONS.map((c) => collectionJson(base(req, options.publicUrl), c)),
    };
    if (wantsHtml(req))
      return html(
        res,
        'Collections',
        `<ul>${COLLECTIONS.map((c) => `<li><a href="collections/${c.id}/items?f=html">${esc(c.title)}</a>: ${esc(c.description)}</li>`).join('')}</ul>`,
      );
    res.json(body);
  });

  r.get('/collections/:id', (req, res) => {
    res.json(collectionJson(base(req, options.publicUrl), find(COLLECTIONS, String(req.params.id))));
  });

  r.get('/collections/:id/items', (req, res) => {
    const c = find(COLLECTIONS, String(req.params.id));
    const q = itemsQuery(req);
    const page = c.page(db, q.bbox, q.limit, q.offset);
    const features: Feature[] = page.items.map((i) => ({
      type: 'Feature',
      id: i.id,
      geometry: transform(i.geometry, q.crs.code),
      properties: i.properties,
    }));
    const self = new URL(`${base(req, options.publicUrl)}/collections/${c.id}/items`);
    for (const [k, v] of Object.entries(req.query)) self.searchParams.set(k, String(v));
    const link = (offset: number, rel: string) => {
      const u = new URL(self);
      u.searchParams.set('offset', String(offset));
      u.searchParams.set('limit', String(q.limit));
      return { href: u.toString(), rel, type: 'application/geo+json', title: rel };
    };
    const links = [{ href: self.toString(), rel: 'self', type: 'application/geo+json', title: 'This page' }];
    if (q.offset + features.length < page.total) links.push(link(q.offset + q.limit, 'next'));
    if (q.offset > 0) links.push(link(Math.max(0, q.offset - q.limit), 'prev'));
    res.set('Content-Crs', `<${q.crs.uri}>`);
    if (wantsHtml(req)) {
      const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
      const rows = features
        .map((f) => `<tr>${keys.map((k) => `<td>${esc(f.properties?.[k])}</td>`).join('')}</tr>`)
        .join('');
      const next = links.find((l) => l.rel === 'next');
      return html(
        res,
        `${c.title}: ${q.offset + 1}–${q.offset + features.length} of ${page.total}`,
        `<table><thead><tr>${keys.map((k) => `<th>${esc(k)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>${next ? `<p><a href="${esc(next.href.replace('f=json', 'f=html'))}">Next</a></p>` : ''}`,
      );
    }
    res.type('application/geo+json').send(
      JSON.stringify({
        type: 'FeatureCollection',
        timeStamp: new Date().toISOString(),
        numberMatched: page.total,
        numberReturned: features.length,
        features,
        links,
      }),
    );
  });

  r.get('/collections/:id/items/:fid', (req, res) => {
    const c = find(COLLECTIONS, String(req.params.id));
    const crs = crsParam(req.query.crs, 'crs');
    // Registers are small (thousands): find the item by paging, no second query path to keep in sync.
    for (let offset = 0; ; offset += MAX_ITEMS) {
      const page = c.page(db, undefined, MAX_ITEMS, offset);
      const hit = page.items.find((i) => i.id === req.params.fid);
      if (hit) {
        res.set('Content-Crs', `<${crs.uri}>`);
        res.type('application/geo+json').send(
          JSON.stringify({
            type: 'Feature',
            id: hit.id,
            geometry: transform(hit.geometry, crs.code),
            properties: hit.properties,
          }),
        );
        return;
      }
      if (offset + MAX_ITEMS >= page.total) break;
    }
    throw new HttpError(404, 'NOT_FOUND', `No feature "${String(req.params.fid).slice(0, 100)}" in ${c.id}.`);
  });

  r.use((req, _res, next) => next(new HttpError(404, 'NOT_FOUND', `No OGC API resource ${req.path}`)));
  return r;
}

/** The OpenAPI 3.0 description of /ogc (conformance class oas30). */
function openApi(server: string, collectionIds: string[]) {
  const json = { 'application/json': { schema: { type: 'object' } } };
  const geojson = { 'application/geo+json': { schema: { type: 'object' } } };
  const p = (name: string, schema: object, description: string, where = 'query') => ({
    name,
    in: where,
    required: where === 'path',
    schema,
    description,
  });
  const collectionId = p('collectionId', { type: 'string', enum: collectionIds }, 'Collection', 'path');
  return {
    openapi: '3.0.3',
    info: { title: 'HazAtlas OGC API – Features', version: '1.0.0' },
    servers: [{ url: server }],
    paths: {
      '/': {
        get: { summary: 'Landing page', responses: { '200': { description: 'Links', content: json } } },
      },
      '/conformance': {
        get: {
          summary: 'Conformance classes',
          responses: { '200': { description: 'conformsTo', content: json } },
        },
      },
      '/collections': {
        get: { summary: 'Collections', responses: { '200': { description: 'Collections', content: json } } },
      },
      '/collections/{collectionId}': {
        get: {
          summary: 'A collection',
          parameters: [collectionId],
          responses: {
            '200': { description: 'Collection', content: json },
            '404': { description: 'Unknown' },
          },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features',
          parameters: [
            collectionId,
            p(
              'bbox',
              { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
              'minx,miny,maxx,maxy',
            ),
            p('limit', { type: 'integer', minimum: 1, maximum: MAX_ITEMS, default: 10 }, 'Page size'),
            p('offset', { type: 'integer', minimum: 0, default: 0 }, 'First item'),
            p('crs', { type: 'string', format: 'uri' }, 'Output CRS'),
            p('bbox-crs', { type: 'string', format: 'uri' }, 'CRS of bbox'),
            p('f', { type: 'string', enum: ['json', 'html'] }, 'Format'),
          ],
          responses: {
            '200': { description: 'Features', content: geojson },
            '400': { description: 'Bad parameter' },
          },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'A feature',
          parameters: [
            collectionId,
            p('featureId', { type: 'string' }, 'Feature id', 'path'),
            p('crs', { type: 'string', format: 'uri' }, 'Output CRS'),
          ],
          responses: {
            '200': { description: 'Feature', content: geojson },
            '404': { description: 'Unknown' },
          },
        },
      },
    },
  };
}
