// Query-string schema for listing/exporting sites; shared by the HTTP routes and the CLI.

import { z } from 'zod';
import { decimalOrNaN } from '../decimal.js';

export const SORT_KEYS = [
  'name',
  '-name',
  'wri',
  '-wri',
  'thi',
  '-thi',
  'updated',
  '-updated',
  'created',
  '-created',
  'country',
  '-country',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const MAX_LIMIT = 1000;

const list = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0),
    )
    .pipe(z.array(item).min(1, 'must name at least one value'));

const bbox = z
  .string()
  .transform((s) => s.split(',').map((p) => decimalOrNaN(p.trim())))
  .pipe(
    z
      .tuple([z.number(), z.number(), z.number(), z.number()], { message: 'bbox needs 4 numbers' })
      .refine((b) => b.every(Number.isFinite), 'bbox values must be numbers')
      .refine(([w, s, e, n]) => w >= -180 && e <= 180 && s >= -90 && n <= 90, 'bbox must lie within ±180/±90')
      .refine(([w, s, e, n]) => w <= e && s <= n, 'bbox must be minLon,minLat,maxLon,maxLat'),
  );

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const num = z.string().transform(decimalOrNaN).refine(Number.isFinite, 'must be a decimal number');

/** Filters common to list and export. `.strict()` so a misspelt parameter is reported, not ignored. */
export const SiteFilterShape = {
  bbox: bbox.optional(),
  kind: list(z.string().min(1).max(64)).optional(),
  sector: list(z.string().min(1).max(64)).optional(),
  status: list(z.string().min(1).max(64)).optional(),
  country: list(
    z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code')
      .transform((c) => c.toUpperCase()),
  ).optional(),
  basin: z.string().trim().min(1).max(200).optional(),
  minWri: num.optional(),
  minThi: num.optional(),
  annexI: bool.optional(),
  q: z.string().trim().min(1).max(200).optional(),
};

export const SiteListQuery = z
  .object({
    ...SiteFilterShape,
    sort: z.enum(SORT_KEYS).default('name'),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type SiteListQuery = z.infer<typeof SiteListQuery>;

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const SiteExportQuery = z
  .object({
    ...SiteFilterShape,
    format: z.enum(EXPORT_FORMATS),
    sort: z.enum(SORT_KEYS).default('name'),
    /** CSV only: `excel` writes a UTF-8 BOM, `;` between cells and decimal commas (Excel in continental Europe). */
    dialect: z.enum(['standard', 'excel']).default('standard'),
  })
  .strict();
export type SiteExportQuery = z.infer<typeof SiteExportQuery>;

export type SiteFilter = Omit<SiteListQuery, 'sort' | 'limit' | 'offset'>;
