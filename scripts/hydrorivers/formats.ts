// Reads line features with attributes from a GeoPackage, a zipped Shapefile or GeoJSON (plain or
// gzipped) without GDAL: the GeoPackage through SQLite and WKB, the Shapefile through its .shp/.dbf.
import fs from 'node:fs';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';

export interface LineFeature {
  /** Property names upper-cased (HydroRIVERS spells them in capitals; GeoJSON exports may not). */
  props: Record<string, unknown>;
  /** Interleaved lon,lat; the parts of a multi-line joined in order. */
  coords: number[];
}

export class FormatError extends Error {}

export function readLineFeatures(file: string): LineFeature[] {
  if (!fs.existsSync(file)) throw new FormatError(`${file}: no such file.`);
  const lower = file.toLowerCase();
  if (lower.endsWith('.gpkg')) return readGeoPackage(file);
  if (lower.endsWith('.zip')) return readZippedShapefile(file);
  if (/\.(geo)?json(\.gz)?$/.test(lower)) return readGeoJson(file);
  throw new FormatError(`${file}: give a .gpkg, a zipped Shapefile (.zip), or .geojson / .geojson.gz.`);
}

const upperKeys = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toUpperCase(), v]));

function readGeoJson(file: string): LineFeature[] {
  let raw = fs.readFileSync(file);
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(raw.toString('utf8')) as typeof doc;
  } catch (err) {
    throw new FormatError(`${file}: not valid JSON (${(err as Error).message}).`);
  }
  if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw new FormatError(`${file}: expected a GeoJSON FeatureCollection.`);
  return doc.features.map((f) => {
    const feat = f as {
      properties?: Record<string, unknown>;
      geometry?: { type: string; coordinates: unknown };
    };
    const g = feat.geometry;
    const lines: number[][][] =
      g?.type === 'LineString'
        ? [g.coordinates as number[][]]
        : g?.type === 'MultiLineString'
          ? (g.coordinates as number[][][])
          : [];
    return { props: upperKeys(feat.properties ?? {}), coords: joinParts(lines.map((l) => l.flat())) };
  });
}

/** Joins parts, dropping a repeated vertex where one part starts at the previous part's end. */
function joinParts(parts: number[][]): number[] {
  const out: number[] = [];
  for (const p of parts) {
    const i0 = out.length >= 2 && out[out.length - 2] === p[0] && out[out.length - 1] === p[1] ? 2 : 0;
    for (let i = i0; i + 1 < p.length; i += 2) out.push(p[i]!, p[i + 1]!);
  }
  return out;
}

function readGeoPackage(file: string): LineFeature[] {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new FormatError(`${file}: not a SQLite GeoPackage (${(err as Error).message}).`);
  }
  try {
    const layers = db
      .prepare(
        `SELECT c.table_name AS tableName, g.column_name AS geomColumn FROM gpkg_contents c
         JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'`,
      )
      .all() as { tableName: string; geomColumn: string }[];
    const layer =
      layers.find((l) =>
        (db.prepare(`PRAGMA table_info(${quoteIdent(l.tableName)})`).all() as { name: string }[]).some(
          (c) => c.name.toUpperCase() === 'HYRIV_ID',
        ),
      ) ?? layers[0];
    if (!layer) throw new FormatError(`${file}: the GeoPackage has no feature layer.`);
    const out: LineFeature[] = [];
    for (const row of db.prepare(`SELECT * FROM ${quoteIdent(layer.tableName)}`).iterate() as Iterable<
      Record<string, unknown>
    >) {
      const blob = row[layer.geomColumn];
      delete row[layer.geomColumn];
      out.push({ props: upperKeys(row), coords: blob instanceof Buffer ? gpkgLine(blob) : [] });
    }
    return out;
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw new FormatError(`${file}: cannot read the GeoPackage (${(err as Error).message}).`);
  } finally {
    db.close();
  }
}

/** GeoPackage geometry blob: "GP", version, flags (envelope kind in bits 1-3), srs id, envelope, WKB. */
function gpkgLine(blob: Buffer): number[] {
  if (blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new FormatError('geometry blob is not a GeoPackage geometry');
  const envelope = [0, 32, 48, 48, 64][((blob[3] ?? 0) >> 1) & 7] ?? 0;
  return wkbLine(blob, 8 + envelope);
}

function wkbLine(buf: Buffer, start: number): number[] {
  const parts: number[][] = [];
  let at = start;
  const readGeom = (): void => {
    const le = buf[at] === 1;
    const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const f64 = (o: number) => (le ? buf.readDoubleLE(o) : buf.readDoubleBE(o));
    const raw = u32(at + 1);
    at += 5;
    // ISO WKB adds 1000/2000/3000 for Z/M/ZM; EWKB sets high bits.
    const base = (raw & 0xffff) % 1000;
    const iso = Math.floor((raw & 0xffff) / 1000);
    const dims =
      2 +
      (iso === 1 || iso === 2 ? 1 : iso === 3 ? 2 : 0) +
      (raw & 0x80000000 ? 1 : 0) +
      (raw & 0x40000000 ? 1 : 0);
    if (raw & 0x20000000) at += 4; // EWKB SRID
    if (base === 2) {
      const n = u32(at);
      at += 4;
      const p: number[] = [];
      for (let i = 0; i < n; i++) p.push(f64(at + i * dims * 8), f64(at + i * dims * 8 + 8));
      at += n * dims * 8;
      parts.push(p);
    } else if (base === 5) {
      const n = u32(at);
      at += 4;
      for (let i = 0; i < n; i++) readGeom();
    } else throw new FormatError(`expected LineString or MultiLineString geometry, found WKB type ${raw}`);
  };
  readGeom();
  return joinParts(parts);
}

interface ZipEntry {
  name: string;
  data(): Buffer;
}

function zipEntries(buf: Buffer, file: string): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new FormatError(`${file}: not a zip archive.`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (at === 0xffffffff)
    throw new FormatError(`${file}: ZIP64 archives are not supported; unzip it or use the GeoPackage.`);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new FormatError(`${file}: corrupt zip directory.`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    out.push({
      name,
      data: () => {
        const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const body = buf.subarray(dataAt, dataAt + size);
        if (method === 0) return body;
        if (method === 8) return inflateRawSync(body);
        throw new FormatError(`${file}: ${name} uses zip method ${method}; re-zip with deflate.`);
      },
    });
  }
  return out;
}

function readZippedShapefile(file: string): LineFeature[] {
  const entries = zipEntries(fs.readFileSync(file), file);
  const shp = entries.find((e) => e.name.toLowerCase().endsWith('.shp'));
  if (!shp) throw new FormatError(`${file}: the zip holds no .shp file.`);
  const stem = shp.name.slice(0, -4).toLowerCase();
  const dbf = entries.find((e) => e.name.toLowerCase() === `${stem}.dbf`);
  if (!dbf) throw new FormatError(`${file}: ${shp.name} has no .dbf beside it.`);
  const cpg = entries.find((e) => e.name.toLowerCase() === `${stem}.cpg`);
  const encoding = cpg && !/utf-?8/i.test(cpg.data().toString('latin1')) ? 'latin1' : 'utf8';
  const lines = shapefileLines(shp.data(), file);
  const rows = dbfRows(dbf.data(), encoding, file);
  if (rows.length !== lines.length)
    throw new FormatError(`${file}: ${lines.length} shapes but ${rows.length} attribute rows.`);
  return lines.map((coords, i) => ({ props: rows[i]!, coords }));
}

function shapefileLines(buf: Buffer, file: string): number[][] {
  if (buf.readInt32BE(0) !== 9994) throw new FormatError(`${file}: the .shp header is not a shapefile's.`);
  const out: number[][] = [];
  let at = 100;
  while (at + 8 <= buf.length) {
    const words = buf.readInt32BE(at + 4);
    const rec = at + 8;
    const type = buf.readInt32LE(rec);
    if (type === 0) out.push([]);
    else if (type === 3 || type === 13 || type === 23) {
      const numParts = buf.readInt32LE(rec + 36);
      const numPoints = buf.readInt32LE(rec + 40);
      const starts: number[] = [];
      for (let p = 0; p < numParts; p++) starts.push(buf.readInt32LE(rec + 44 + 4 * p));
      const pts = rec + 44 + 4 * numParts;
      const parts = starts.map((s, p) => {
        const end = starts[p + 1] ?? numPoints;
        const line: number[] = [];
        for (let i = s; i < end; i++)
          line.push(buf.readDoubleLE(pts + 16 * i), buf.readDoubleLE(pts + 16 * i + 8));
        return line;
      });
      out.push(joinParts(parts));
    } else throw new FormatError(`${file}: shape type ${type} is not a polyline.`);
    at = rec + words * 2;
  }
  return out;
}

function dbfRows(buf: Buffer, encoding: BufferEncoding, file: string): Record<string, unknown>[] {
  const count = buf.readUInt32LE(4);
  const headerLen = buf.readUInt16LE(8);
  const recordLen = buf.readUInt16LE(10);
  const fields: { name: string; type: string; offset: number; length: number }[] = [];
  let offset = 1;
  for (let at = 32; at < headerLen - 1 && buf[at] !== 0x0d; at += 32) {
    const name = buf
      .toString('latin1', at, at + 11)
      .replace(/\0.*$/s, '')
      .toUpperCase();
    const length = buf[at + 16]!;
    fields.push({ name, type: String.fromCharCode(buf[at + 11]!), offset, length });
    offset += length;
  }
  if (fields.length === 0) throw new FormatError(`${file}: the .dbf has no fields.`);
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < count; r++) {
    const at = headerLen + r * recordLen;
    if (buf[at] === 0x2a) continue; // deleted record
    const row: Record<string, unknown> = {};
    for (const f of fields) {
      const text = buf.toString(encoding, at + f.offset, at + f.offset + f.length).trim();
      row[f.name] = 'NFIB'.includes(f.type) ? (text === '' ? null : Number(text)) : text || null;
    }
    rows.push(row);
  }
  return rows;
}

/** A table name from an uploaded file as one SQL identifier ("…" with any '"' doubled). */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
