// Shapes shared by the import parsers: a parser turns a file into raw rows (properties + WGS84 point)
// or row errors; validation against the site schema happens afterwards, per row.
import type { Geometry } from 'geojson';

export interface RowError {
  /** CSV line number, or 1-based GeoJSON feature / KML placemark ordinal. */
  line: number;
  field?: string;
  message: string;
}

export interface RawRow {
  line: number;
  props: Record<string, unknown>;
  lon: number;
  lat: number;
  footprint: Geometry | null;
}

/** One parsed row, or the errors that stopped it (all on its line): what a streamed parse yields. */
export type RowItem = { ok: true; row: RawRow } | { ok: false; line: number; errors: RowError[] };

export type ParseOutcome =
  | { ok: true; rows: RawRow[]; errors: RowError[] }
  /** The file as a whole cannot be read (not JSON, not XML, unknown CRS...). */
  | { ok: false; code: 'BAD_FILE' | 'UNKNOWN_CRS'; message: string };

/** `shp`: a zipped Shapefile (.shp, .dbf, optional .prj and .cpg). */
export type ImportFormat = 'geojson' | 'csv' | 'kml' | 'kmz' | 'shp';

export interface ParseOptions {
  /** CRS of the coordinates, e.g. "EPSG:3844"; WGS84 when absent. */
  crs?: string | undefined;
}
