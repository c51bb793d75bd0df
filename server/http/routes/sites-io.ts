import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { TEXT_ENCODINGS } from '../../core/register/import/decode.js';
import { importTemplateCsv } from '../../core/register/import/template.js';
import { SiteExportQuery } from '../../core/register/site-filter.js';
import type { Services } from '../../runtime/services.js';
import type { FileFormat } from '../../storage/import-file-formats.js';
import { siteCount } from '../../storage/planning-read.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { answerJob, type HeavyOptions } from '../heavy.js';
import { validateQuery } from '../query.js';
import { importUpload, uploadedFile } from '../upload.js';

export const ImportQuery = z
  .object({
    format: z.enum(['geojson', 'csv', 'kml', 'kmz', 'gpkg', 'shp']).optional(),
    /** GeoPackage only: which layer (default the first). */
    layer: z.string().trim().min(1).max(200).optional(),
    crs: z.string().trim().min(1).optional(),
    /** The file's character set; guessed (UTF-8, else cp1251 or cp1250) when absent. */
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    dryRun: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .default(false),
    onDuplicate: z.enum(['error', 'skip']).default('error'),
    // Extension: store the valid rows and report the rest, instead of refusing the whole file.
    skipInvalid: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .default(false),
  })
  .strict();

function formatFromName(name: string | undefined): FileFormat | undefined {
  const ext = name?.toLowerCase().match(/\.(geojson|json|csv|kml|kmz|gpkg|zip)$/)?.[1];
  if (ext === 'json') return 'geojson';
  if (ext === 'zip') return 'shp';
  return ext as FileFormat | undefined;
}

export function importHandlers(services: Services, heavy: HeavyOptions): RequestHandler[] {
  const run = async (req: Request, res: Response) => {
    const q = validateQuery(ImportQuery, req);
    const upload = uploadedFile(res);
    try {
      const format = q.format ?? formatFromName(upload.originalName);
      if (!format) {
        throw new HttpError(
          400,
          'VALIDATION',
          'Say which format the file is in: ?format=geojson|csv|kml|kmz|gpkg|shp (zipped Shapefile).',
          [{ path: 'format', message: 'required' }],
        );
      }
      await answerJob(
        services,
        res,
        {
          kind: 'siteImport',
          format,
          file: { path: upload.path, encoding: q.encoding },
          crs: q.crs,
          layer: q.layer,
          dryRun: q.dryRun,
          onDuplicate: q.onDuplicate,
          skipInvalid: q.skipInvalid,
          actor: actorOf(res),
        },
        upload.bytes > heavy.offload.importBytes,
      );
    } finally {
      upload.release();
    }
  };
  return [heavy.limit, importUpload, run];
}

export const TemplateQuery = z
  .object({ dialect: z.enum(['standard', 'excel']).default('standard') })
  .strict();

/** GET /api/sites/import-template: a CSV with every column the importer reads and one example row. */
export function templateHandler(): RequestHandler {
  return (req, res) => {
    const q = validateQuery(TemplateQuery, req);
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="hazatlas-sites-template.csv"')
      .send(importTemplateCsv(q.dialect));
  };
}

export function exportHandler(services: Services, heavy: HeavyOptions): RequestHandler[] {
  const run = async (req: Request, res: Response) => {
    const q = validateQuery(SiteExportQuery, req);
    const offload = siteCount(services.db) > heavy.offload.exportSites;
    await answerJob(services, res, { kind: 'export', query: q }, offload);
  };
  return [heavy.limit, run];
}
