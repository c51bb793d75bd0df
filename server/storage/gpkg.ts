// GeoPackage (OGC 12-128r18) written and read in memory with SQLite: gpkg_* tables, feature tables
// with GeoPackage binary geometry (a "GP" header with envelope, then little-endian WKB), WGS84 out.
import Database from 'better-sqlite3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type GpkgValue = string | number | boolean | null;
export type GpkgFieldType = 'TEXT' | 'INTEGER' | 'REAL' | 'BOOLEAN';

export interface GpkgLayer {
  name: string;
  geometryType: 'POINT' | 'LINESTRING' | 'POLYGON' | 'GEOMETRY';
  fields: Array<{ name: string; type: GpkgFieldType }>;
  features: Array<{ geometry: Geometry; properties: Record<string, GpkgValue> }>;
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

/** Column types from the values (the first non-null one decides): numbers are REAL unless named in `integers`. */
export function fieldsOf(
  rows: ReadonlyArray<Record<string, GpkgValue>>,
  integers: ReadonlySet<string> = new Set(),
): GpkgLayer['fields'] {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return names.map((name) => {
    const v = rows.map((r) => r[name]).find((x) => x !== null && x !== undefined);
    const type: GpkgFieldType =
      typeof v === 'boolean'
        ? 'BOOLEAN'
        : typeof v === 'number'
          ? integers.has(name)
            ? 'INTEGER'
            : 'REAL'
          : 'TEXT';
    return { name, type };
  });
}

export function writeGpkg(layers: readonly GpkgLayer[]): Buffer {
  const db = new Database(':memory:');
  try {
    db.pragma('application_id = 1196444487'); // "GPKG"
    db.pragma('user_version = 10300'); // GeoPackage 1.3
    db.exec(`
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
        organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
        description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
        identifier TEXT UNIQUE, description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(
      'Undefined cartesian SRS',
      -1,
      'NONE',
      -1,
      'undefined',
      'undefined cartesian coordinate reference system',
    );
    srs.run(
      'Undefined geographic SRS',
      0,
      'NONE',
      0,
      'undefined',
      'undefined geographic coordinate reference system',
    );
    srs.run(
      'WGS 84 geodetic',
      4326,
      'EPSG',
      4326,
      WGS84_WKT,
      'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
    );
    for (const layer of layers) writeLayer(db, layer);
    return db.serialize();
  } finally {
    db.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function writeLayer(db: Database.Database, layer: GpkgLayer): void {
  const cols = layer.fields.map((f) => `${quote(f.name)} ${f.type}`).join(', ');
  db.exec(
    `CREATE TABLE ${quote(layer.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${layer.geometryType}${cols ? `, ${cols}` : ''})`,
  );
  const env = [Infinity, Infinity, -Infinity, -Infinity];
  const names = ['geom', ...layer.fields.map((f) => f.name)];
  const insert = db.prepare(
    `INSERT INTO ${quote(layer.name)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  for (const f of layer.features) {
    const pts = positions(f.geometry);
    for (const [x = 0, y = 0] of pts) {
      env[0] = Math.min(env[0] ?? x, x);
      env[1] = Math.min(env[1] ?? y, y);
      env[2] = Math.max(env[2] ?? x, x);
      env[3] = Math.max(env[3] ?? y, y);
    }
    insert.run(
      gpkgGeometry(f.geometry, pts),
      ...layer.fields.map((c) => {
        const v = f.properties[c.name];
        return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
      }),
    );
  }
  const empty = layer.features.length === 0;
  db.prepare(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id)
     VALUES (?, 'features', ?, ?, ?, ?, ?, 4326)`,
  ).run(layer.name, layer.name, ...(empty ? [null, null, null, null] : env));
  db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4326, 0, 0)').run(
    layer.name,
    'geom',
    layer.geometryType,
  );
}

function positions(g: Geometry): number[][] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return g.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return g.geometries.flatMap(positions);
  }
}

/** GeoPackage binary: magic, version 0, flags (little endian, xy envelope), srs id, envelope, WKB. */
function gpkgGeometry(g: Geometry, pts: number[][]): Buffer {
  const xs = pts.map((p) => p[0] ?? 0);
  const ys = pts.map((p) => p[1] ?? 0);
  const head = Buffer.alloc(8 + 32);
  head.write('GP', 0, 'latin1');
  head.writeUInt8(0, 2);
  head.writeUInt8(0b0000_0011, 3);
  head.writeInt32LE(4326, 4);
  head.writeDoubleLE(Math.min(...xs), 8);
  head.writeDoubleLE(Math.max(...xs), 16);
  head.writeDoubleLE(Math.min(...ys), 24);
  head.writeDoubleLE(Math.max(...ys), 32);
  return Buffer.concat([head, wkb(g)]);
}

const WKB_TYPE: Record<string, number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};

function wkb(g: Geometry): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    parts.push(b);
  };
  const pt = (p: number[]) => {
    const b = Buffer.alloc(16);
    b.writeDoubleLE(p[0] ?? 0, 0);
    b.writeDoubleLE(p[1] ?? 0, 8);
    parts.push(b);
  };
  const ring = (r: number[][]) => {
    u32(r.length);
    for (const p of r) pt(p);
  };
  parts.push(Buffer.from([1]));
  u32(WKB_TYPE[g.type] ?? 0);
  if (g.type === 'Point') pt(g.coordinates);
  else if (g.type === 'LineString') ring(g.coordinates);
  else if (g.type === 'Polygon') {
    u32(g.coordinates.length);
    for (const r of g.coordinates) ring(r);
  } else if (g.type === 'MultiPoint')
    parts.push(...subs(g.coordinates.map((c): Geometry => ({ type: 'Point', coordinates: c }))));
  else if (g.type === 'MultiLineString')
    parts.push(...subs(g.coordinates.map((c): Geometry => ({ type: 'LineString', coordinates: c }))));
  else if (g.type === 'MultiPolygon')
    parts.push(...subs(g.coordinates.map((c): Geometry => ({ type: 'Polygon', coordinates: c }))));
  else parts.push(...subs(g.geometries));
  return Buffer.concat(parts);

  function subs(gs: Geometry[]): Buffer[] {
    const n = Buffer.alloc(4);
    n.writeUInt32LE(gs.length);
    return [n, ...gs.map(wkb)];
  }
}

export class GpkgError extends Error {}

/**
 * Reads one feature layer of a GeoPackage (the first, or `layer`) as GeoJSON in the layer's CRS, with
 * that CRS as "EPSG:n" (for the importer to convert). fid and the geometry column are not properties.
 */
export function readGpkg(bytes: Buffer, layer?: string): { collection: FeatureCollection; crs: string } {
  let db: Database.Database;
  try {
    db = new Database(bytes, { readonly: true });
  } catch (err) {
    throw new GpkgError(`not a GeoPackage (SQLite cannot open it: ${(err as Error).message})`);
  }
  try {
    let cols: Array<{ table_name: string; column_name: string; srs_id: number }>;
    try {
      cols = db
        .prepare('SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name')
        .all() as typeof cols;
    } catch {
      throw new GpkgError('not a GeoPackage (no gpkg_geometry_columns table)');
    }
    const col = layer ? cols.find((c) => c.table_name === layer) : cols[0];
    if (!col) {
      throw new GpkgError(
        layer
          ? `no layer "${layer}" (layers: ${cols.map((c) => c.table_name).join(', ')})`
          : 'no feature layer',
      );
    }
    const srs = db
      .prepare(
        'SELECT organization, organization_coordsys_id AS id FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
      )
      .get(col.srs_id) as { organization: string; id: number } | undefined;
    const crs = srs && srs.organization.toUpperCase() === 'EPSG' ? `EPSG:${srs.id}` : 'EPSG:4326';
    const pk = (
      db.pragma(`table_info(${quote(col.table_name)})`) as Array<{ name: string; pk: number }>
    ).find((c) => c.pk === 1)?.name;
    const rows = db.prepare(`SELECT * FROM ${quote(col.table_name)}`).all() as Array<Record<string, unknown>>;
    const features = rows.map((row): Feature => {
      const properties: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) if (k !== col.column_name && k !== pk) properties[k] = v;
      const blob = row[col.column_name];
      return {
        type: 'Feature',
        geometry: Buffer.isBuffer(blob) ? fromGpkgGeometry(blob) : (null as unknown as Geometry),
        properties,
      };
    });
    return { collection: { type: 'FeatureCollection', features }, crs };
  } finally {
    db.close();
  }
}

function fromGpkgGeometry(b: Buffer): Geometry {
  if (b.toString('latin1', 0, 2) !== 'GP') throw new GpkgError('a geometry is not GeoPackage binary');
  const flags = b.readUInt8(3);
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0b111] ?? 0;
  return readWkb(b, 8 + envelope).geometry;
}

function readWkb(b: Buffer, start: number): { geometry: Geometry; end: number } {
  let o = start;
  const le = b.readUInt8(o) === 1;
  o += 1;
  const u32 = () => {
    const v = le ? b.readUInt32LE(o) : b.readUInt32BE(o);
    o += 4;
    return v;
  };
  const f64 = () => {
    const v = le ? b.readDoubleLE(o) : b.readDoubleBE(o);
    o += 8;
    return v;
  };
  const raw = u32();
  // ISO WKB (1001…) and EWKB-style flags carry Z/M; read x, y and skip the rest.
  const base = raw % 1000;
  const dims = raw >= 3000 ? 4 : raw >= 1000 ? 3 : 2;
  const pt = () => {
    const p = [f64(), f64()];
    for (let i = 2; i < dims; i++) f64();
    return p;
  };
  const line = () => Array.from({ length: u32() }, pt);
  const multi = <T>(read: () => T) => Array.from({ length: u32() }, read);
  const sub = () => {
    const r = readWkb(b, o);
    o = r.end;
    return r.geometry;
  };
  let geometry: Geometry;
  if (base === 1) geometry = { type: 'Point', coordinates: pt() };
  else if (base === 2) geometry = { type: 'LineString', coordinates: line() };
  else if (base === 3) geometry = { type: 'Polygon', coordinates: multi(line) };
  else if (base === 4)
    geometry = {
      type: 'MultiPoint',
      coordinates: multi(sub).map((g) => (g as { coordinates: number[] }).coordinates),
    };
  else if (base === 5)
    geometry = {
      type: 'MultiLineString',
      coordinates: multi(sub).map((g) => (g as { coordinates: number[][] }).coordinates),
    };
  else if (base === 6)
    geometry = {
      type: 'MultiPolygon',
      coordinates: multi(sub).map((g) => (g as { coordinates: number[][][] }).coordinates),
    };
  else throw new GpkgError(`geometry type ${raw} is not read`);
  return { geometry, end: o };
}
