// Zipped Shapefile import: the .shp (points and polygons), .dbf (attributes, encoding from .cpg or
// guessed) and .prj (CRS: WGS84, or an EPSG code recognised from ESRI names / AUTHORITY) of the first
// layer in the archive, as a GeoJSON collection for the GeoJSON parser. Pure.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { decodeText, type TextEncodingName } from './decode.js';
import { readZip } from './zip.js';

export class ShapefileError extends Error {}

export function readZippedShapefile(bytes: Uint8Array): {
  collection: FeatureCollection;
  crs: string | null;
} {
  const entries = readZip(bytes);
  const byExt = (ext: string, stem?: string) =>
    entries.find(
      (e) => e.name.toLowerCase().endsWith(ext) && (!stem || e.name.slice(0, -ext.length) === stem),
    );
  const shp = byExt('.shp');
  if (!shp) throw new ShapefileError('the ZIP holds no .shp file');
  const stem = shp.name.slice(0, -4);
  const dbf = byExt('.dbf', stem);
  if (!dbf) throw new ShapefileError(`${stem}.dbf (the attributes) is missing from the ZIP`);
  const cpg = byExt('.cpg', stem);
  const prj = byExt('.prj', stem);
  const geometries = readShp(shp.data);
  const records = readDbf(dbf.data, cpg ? encodingOf(new TextDecoder().decode(cpg.data)) : undefined);
  const features = geometries.map(
    (geometry, i): Feature => ({
      type: 'Feature',
      geometry: geometry as Geometry,
      properties: records[i] ?? {},
    }),
  );
  return {
    collection: { type: 'FeatureCollection', features },
    crs: prj ? crsOfPrj(new TextDecoder().decode(prj.data)) : 'EPSG:4326',
  };
}

function encodingOf(cpg: string): TextEncodingName | undefined {
  const c = cpg.trim().toLowerCase();
  if (/utf-?8/.test(c)) return 'utf-8';
  if (/1250/.test(c)) return 'windows-1250';
  if (/1251/.test(c)) return 'windows-1251';
  return undefined;
}

/** EPSG code of a .prj: an AUTHORITY, else the ESRI names GDAL and ArcGIS write for common grids. */
export function crsOfPrj(wkt: string): string | null {
  const auth = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/.exec(wkt.trim());
  if (auth) return `EPSG:${auth[1]}`;
  const projcs = /^PROJCS\["([^"]+)"/.exec(wkt.trim())?.[1];
  if (!projcs) return /GEOGCS\["(GCS_)?WGS_?(19)?84"/i.test(wkt) ? 'EPSG:4326' : null;
  const utm = /^(WGS_1984|ETRS_1989)_UTM_Zone_(\d+)N$/.exec(projcs);
  if (utm) return `EPSG:${(utm[1] === 'WGS_1984' ? 32600 : 25800) + Number(utm[2])}`;
  const gk = /^Pulkovo_1942_GK_Zone_(\d+)$/.exec(projcs);
  if (gk) return `EPSG:${28400 + Number(gk[1])}`;
  const known: Record<string, string> = {
    WGS_1984_Web_Mercator_Auxiliary_Sphere: 'EPSG:3857',
    ETRS_1989_LAEA: 'EPSG:3035',
    ETRS_1989_LAEA_Europe: 'EPSG:3035',
    Pulkovo_1942_Adj_58_Stereo_70: 'EPSG:3844',
    Stereo_70: 'EPSG:3844',
    Hungarian_1972_Egyseges_Orszagos_Vetuleti: 'EPSG:23700',
    'S-JTSK_Krovak_East_North': 'EPSG:5514',
    MGI_Austria_GK_West: 'EPSG:31254',
    MGI_Austria_GK_Central: 'EPSG:31255',
    MGI_Austria_GK_East: 'EPSG:31256',
    MOLDREF99_Moldova_TM: 'EPSG:4026',
  };
  return known[projcs] ?? null;
}

function readShp(b: Uint8Array): Array<Geometry | null> {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 100 || v.getInt32(0, false) !== 9994)
    throw new ShapefileError('the .shp file is not a shapefile');
  const out: Array<Geometry | null> = [];
  let o = 100;
  while (o + 8 <= b.length) {
    const words = v.getInt32(o + 4, false);
    const start = o + 8;
    o = start + words * 2;
    const type = v.getInt32(start, true);
    const base = type % 10;
    if (type === 0) out.push(null);
    else if (base === 1)
      out.push({
        type: 'Point',
        coordinates: [v.getFloat64(start + 4, true), v.getFloat64(start + 12, true)],
      });
    else if (base === 5 || base === 3) {
      const parts = v.getInt32(start + 36, true);
      const points = v.getInt32(start + 40, true);
      const firstPoint = start + 44 + parts * 4;
      const rings: Position[][] = [];
      for (let p = 0; p < parts; p++) {
        const from = v.getInt32(start + 44 + p * 4, true);
        const to = p + 1 < parts ? v.getInt32(start + 44 + (p + 1) * 4, true) : points;
        const ring: Position[] = [];
        for (let i = from; i < to; i++)
          ring.push([v.getFloat64(firstPoint + i * 16, true), v.getFloat64(firstPoint + i * 16 + 8, true)]);
        rings.push(ring);
      }
      out.push(base === 3 ? lines(rings) : polygons(rings));
    } else throw new ShapefileError(`shape type ${type} is not read (points, lines and polygons are)`);
  }
  return out;
}

function lines(rings: Position[][]): Geometry {
  return rings.length === 1
    ? { type: 'LineString', coordinates: rings[0] ?? [] }
    : { type: 'MultiLineString', coordinates: rings };
}

/** Shapefile outer rings run clockwise, holes counter-clockwise; a hole belongs to the outer ring before it. */
function polygons(rings: Position[][]): Geometry {
  const polys: Position[][][] = [];
  for (const ring of rings) {
    let area2 = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1 = 0, y1 = 0] = ring[i] ?? [];
      const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
      area2 += x1 * y2 - x2 * y1;
    }
    const clockwise = area2 < 0;
    // GeoJSON wants outer rings counter-clockwise (RFC 7946 §3.1.6).
    if (clockwise || polys.length === 0) polys.push([[...ring].reverse()]);
    else polys[polys.length - 1]?.push([...ring].reverse());
  }
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: polys };
}

function readDbf(b: Uint8Array, encoding: TextEncodingName | undefined): Array<Record<string, unknown>> {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const count = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recordLen = v.getUint16(10, true);
  const fields: Array<{ name: string; type: string; length: number }> = [];
  for (let o = 32; o + 32 <= headerLen && b[o] !== 0x0d; o += 32) {
    const raw = b.subarray(o, o + 11);
    const end = raw.indexOf(0);
    fields.push({
      name: new TextDecoder().decode(end >= 0 ? raw.subarray(0, end) : raw),
      type: String.fromCharCode(b[o + 11] ?? 0x43),
      length: b[o + 16] ?? 0,
    });
  }
  // One decoding for the whole table, so the code page is guessed from all the text at once.
  const text = decodeText(b.subarray(headerLen, headerLen + count * recordLen), encoding);
  const single = text.encoding !== 'utf-8';
  const rows: Array<Record<string, unknown>> = [];
  for (let r = 0; r < count; r++) {
    const start = headerLen + r * recordLen;
    if (b[start] === 0x2a) continue; // deleted
    let o = start + 1;
    const row: Record<string, unknown> = {};
    for (const f of fields) {
      const cell = b.subarray(o, o + f.length);
      o += f.length;
      const s = (single ? new TextDecoder(text.encoding) : new TextDecoder()).decode(cell).trim();
      if (f.type === 'N' || f.type === 'F') row[f.name] = s === '' ? null : Number(s);
      else if (f.type === 'L') row[f.name] = s === '' || s === '?' ? null : /^[TtYy]/.test(s);
      else row[f.name] = s === '' ? null : s;
    }
    rows.push(row);
  }
  return rows;
}
