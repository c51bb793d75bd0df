// /api/stations: monitoring and warning stations, snapped to the network with river and river km on
// write; list with filters (limit up to 1000), create one, import many (GeoJSON or CSV, all or none).
import express from 'express';
import { z } from 'zod';
import { stationsFromCsv, stationsFromGeoJson } from '../../core/plans/plans-io.js';
import { STATION_KINDS, StationCreate } from '../../core/plans/station-schema.js';
import { zodIssues } from '../../core/register/site-validate.js';
import type { Services } from '../../runtime/services.js';
import { getStation, insertStations, listStations, stationExists } from '../../storage/station-store.js';
import { HttpError } from '../errors.js';
import { importBody } from '../import-body.js';
import { intParam, validateQuery, validationError } from '../query.js';
import { strictQuery } from '../security.js';

export const ListQuery = z
  .object({
    limit: intParam('limit', 1, 1000).default(200),
    offset: intParam('offset', 0, 1e9).default(0),
    kind: z
      .string()
      .transform((s) => s.split(',').map((k) => k.trim()))
      .pipe(z.array(z.enum(STATION_KINDS, { error: `kind must be among ${STATION_KINDS.join(', ')}` })))
      .optional(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'country must be an ISO3 code such as ROU')
      .optional(),
    bbox: z
      .string()
      .transform((s) => s.split(',').map(Number))
      .pipe(
        z
          .tuple(
            [
              z.number().min(-180).max(180),
              z.number().min(-90).max(90),
              z.number().min(-180).max(180),
              z.number().min(-90).max(90),
            ],
            {
              error: 'bbox must be W,S,E,N in degrees',
            },
          )
          .refine(([w, s, e, n]) => w <= e && s <= n, 'bbox must be W,S,E,N with W ≤ E and S ≤ N'),
      )
      .optional(),
  })
  .strict();

export const ImportQuery = z
  .object({
    format: z.enum(['geojson', 'csv'], { error: 'format must be geojson or csv' }).optional(),
    dryRun: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .default(false),
  })
  .strict();

export function stationsRouter(services: Services): express.Router {
  const { db, network } = services;
  const builtAt = services.meta.built_at ?? null;
  const r = express.Router();

  r.get('/stations', (req, res) => {
    const q = validateQuery(ListQuery, req);
    res.json(listStations(db, q));
  });

  r.post('/stations/import', importBody, (req, res) => {
    const q = validateQuery(ImportQuery, req);
    const raw: unknown = req.file
      ? req.file.buffer.toString('utf8')
      : Buffer.isBuffer(req.body)
        ? req.body.toString('utf8')
        : req.body;
    const looksJson = typeof raw === 'object' || (typeof raw === 'string' && raw.trimStart().startsWith('{'));
    const format = q.format ?? (looksJson ? 'geojson' : 'csv');
    if (
      raw === undefined ||
      raw === '' ||
      (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0)
    )
      throw validationError(
        [{ path: 'body', message: 'send a GeoJSON FeatureCollection or a CSV' }],
        'The import body is empty.',
      );
    let doc: unknown = raw;
    if (format === 'geojson' && typeof raw === 'string') {
      try {
        doc = JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'BAD_FILE', 'The GeoJSON is not valid JSON.');
      }
    }
    const parsed =
      format === 'geojson' ? stationsFromGeoJson(doc) : stationsFromCsv(typeof raw === 'string' ? raw : '');
    if (!parsed.ok) throw new HttpError(400, 'BAD_FILE', parsed.message);
    if (parsed.errors.length)
      throw new HttpError(
        422,
        'INVALID_ROWS',
        `${parsed.errors.length} problem(s) in the file; nothing was stored.`,
        parsed.errors,
      );
    if (q.dryRun) {
      res.json({ dryRun: true, accepted: parsed.rows.length, ids: [] });
      return;
    }
    const ids = insertStations(db, network, builtAt, parsed.rows, services.discharge.chainage ?? null);
    res
      .status(201)
      .json({ dryRun: false, accepted: ids.length, ids, items: ids.map((id) => getStation(db, id)) });
  });

  r.get('/stations/:id', strictQuery(), (req, res) => {
    const station = getStation(db, String(req.params.id).slice(0, 100));
    if (!station) throw new HttpError(404, 'NOT_FOUND', `No station ${String(req.params.id).slice(0, 100)}.`);
    res.json(station);
  });

  r.post('/stations', strictQuery(), (req, res) => {
    const parsed = StationCreate.safeParse(req.body);
    if (!parsed.success) throw validationError(zodIssues(parsed.error));
    if (parsed.data.id && stationExists(db, parsed.data.id))
      throw new HttpError(409, 'CONFLICT', `A station with id ${parsed.data.id} already exists.`);
    const [id] = insertStations(db, network, builtAt, [parsed.data], services.discharge.chainage ?? null);
    res
      .status(201)
      .location(`/api/stations/${id}`)
      .json(getStation(db, id as string));
  });

  return r;
}
