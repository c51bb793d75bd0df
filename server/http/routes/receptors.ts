// /api/receptors: user-imported receptor layers (water intakes, schools, hospitals, protected areas,
// flood-hazard zones). Reads are open; POST, DELETE and import are write routes in one router.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { MAX_RECEPTOR_LIMIT } from '../../../shared/limits.js';
import { decimalOrNaN } from '../../core/decimal.js';
import { RECEPTOR_KINDS, validateReceptor } from '../../core/planning/receptor-schema.js';
import { TEXT_ENCODINGS } from '../../core/register/import/decode.js';
import type { Services } from '../../runtime/services.js';
import { receptorsCollection, receptorsGpkg } from '../../storage/receptor-export.js';
import { deleteReceptor, getReceptor, insertReceptors, listReceptors } from '../../storage/receptor-store.js';
import { audit } from '../audit.js';
import { HttpError } from '../errors.js';
import { answerJob, type HeavyOptions } from '../heavy.js';
import { validateQuery, validationError } from '../query.js';
import { strictQuery } from '../security.js';
import { importUpload, uploadedFile } from '../upload.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const kindList = z
  .string()
  .transform((s) => s.split(',').map((k) => k.trim()))
  .pipe(z.array(z.enum(RECEPTOR_KINDS, { error: `kind must be among ${RECEPTOR_KINDS.join(', ')}` })));

/** "W,S,E,N" in WGS84 degrees, west ≤ east and south ≤ north. */
export const bboxParam = z
  .string()
  .transform((s) => s.split(',').map((p) => decimalOrNaN(p.trim())))
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
          error: 'bbox must be four numbers W,S,E,N in WGS84 degrees',
        },
      )
      .refine(([w, s, e, n]) => w <= e && s <= n, { error: 'bbox must have west ≤ east and south ≤ north' }),
  );

export const ListQuery = z
  .object({
    bbox: bboxParam.optional(),
    kind: kindList.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_RECEPTOR_LIMIT).default(1000),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ImportQuery = z
  .object({
    format: z.enum(['geojson', 'csv', 'kml', 'gpkg']).optional(),
    layer: z.string().trim().min(1).max(200).optional(),
    crs: z.string().trim().min(1).max(64).optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    kind: z.enum(RECEPTOR_KINDS).optional(),
    dryRun: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .default(false),
    // Extension: store the valid rows and report the rest, instead of refusing the whole file.
    skipInvalid: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .default(false),
  })
  .strict();

function receptorId(req: Request): string {
  const id = String(req.params.id);
  if (!UUID.test(id)) throw new HttpError(404, 'NOT_FOUND', `No receptor ${id.slice(0, 100)}.`);
  return id;
}

type ReceptorFormat = 'geojson' | 'csv' | 'kml' | 'gpkg';

export const ExportQuery = z
  .object({ format: z.enum(['geojson', 'gpkg']).default('geojson'), kind: kindList.optional() })
  .strict();

function formatOf(name: string | undefined, given: ReceptorFormat | undefined): ReceptorFormat {
  if (given) return given;
  const ext = name?.toLowerCase().match(/\.(geojson|json|csv|kml|gpkg)$/)?.[1];
  if (ext === 'csv' || ext === 'kml' || ext === 'gpkg') return ext;
  if (ext) return 'geojson';
  throw new HttpError(400, 'VALIDATION', 'Say which format the file is in: ?format=geojson|csv|kml.', [
    { path: 'format', message: 'required' },
  ]);
}

export function receptorsRouter(services: Services, heavy: HeavyOptions): express.Router {
  const { db } = services;
  const r = express.Router();

  r.get('/receptors', (req, res) => {
    const q = validateQuery(ListQuery, req);
    const found = listReceptors(db, { bbox: q.bbox, kinds: q.kind, limit: q.limit, offset: q.offset });
    res.json({ total: found.total, limit: q.limit, offset: q.offset, items: found.items });
  });

  r.get('/receptors/export', (req, res) => {
    const q = validateQuery(ExportQuery, req);
    const { items } = listReceptors(db, { kinds: q.kind, limit: MAX_RECEPTOR_LIMIT });
    if (q.format === 'gpkg') {
      res
        .type('application/geopackage+sqlite3')
        .set('Content-Disposition', 'attachment; filename="hazatlas-receptors.gpkg"')
        .send(receptorsGpkg(items));
      return;
    }
    res
      .type('application/geo+json')
      .set('Content-Disposition', 'attachment; filename="hazatlas-receptors.geojson"')
      .send(JSON.stringify(receptorsCollection(items)));
  });

  r.post('/receptors/import', heavy.limit, importUpload, async (req: Request, res: Response) => {
    const q = validateQuery(ImportQuery, req);
    const upload = uploadedFile(res);
    let result: Awaited<ReturnType<typeof answerJob>>;
    try {
      result = await answerJob(
        services,
        res,
        {
          kind: 'receptorImport',
          format: formatOf(upload.originalName, q.format),
          file: { path: upload.path, encoding: q.encoding },
          crs: q.crs,
          layer: q.layer,
          dryRun: q.dryRun,
          defaultKind: q.kind,
          skipInvalid: q.skipInvalid,
        },
        upload.bytes > heavy.offload.importBytes,
      );
    } finally {
      upload.release();
    }
    const report = result.kind === 'json' ? (result.value as { ids?: string[]; rejected?: number }) : {};
    if (report.ids && report.ids.length > 0)
      audit(db, req, res, {
        action: 'receptor.import',
        outcome: 'ok',
        target: 'receptors',
        details: { imported: report.ids.length, rejected: report.rejected ?? 0, skipInvalid: q.skipInvalid },
      });
  });

  r.post('/receptors', strictQuery(), (req, res) => {
    const checked = validateReceptor(req.body);
    if (!checked.ok) throw validationError(checked.issues, 'The receptor is invalid.');
    const [id] = insertReceptors(db, [checked.fields]);
    audit(db, req, res, {
      action: 'receptor.create',
      outcome: 'ok',
      target: `receptor:${id}`,
      details: { name: checked.fields.name, kind: checked.fields.kind },
    });
    res
      .status(201)
      .location(`/api/receptors/${id}`)
      .json(getReceptor(db, id as string));
  });

  r.delete('/receptors/:id', strictQuery(), (req, res) => {
    const id = receptorId(req);
    const before = getReceptor(db, id);
    if (!deleteReceptor(db, id)) throw new HttpError(404, 'NOT_FOUND', `No receptor ${id}.`);
    // A hard delete: the audit row keeps what was removed (name, kind), not the geometry.
    audit(db, req, res, {
      action: 'receptor.delete',
      outcome: 'ok',
      target: `receptor:${id}`,
      details: before ? { name: before.name, kind: before.kind } : null,
    });
    res.status(204).end();
  });

  return r;
}
