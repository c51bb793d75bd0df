// A minimal PMTiles v3 writer for test fixtures: 127-byte header, one root directory (no leaves), JSON
// metadata, then the tile data, laid out as the specification (github.com/protomaps/PMTiles, spec/v3)
// describes. Directories and metadata are gzipped; tiles are stored as given with the named compression.
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface FixtureTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes exactly as stored (already compressed when `tileCompression` says so). */
  data: Buffer;
}

export interface ArchiveOptions {
  tiles: FixtureTile[];
  metadata: Record<string, unknown>;
  /** 1 = MVT, 2 = PNG, … (the spec's tile types). */
  tileType: number;
  /** 1 = none, 2 = gzip. */
  tileCompression: number;
  /** West, south, east, north. */
  bounds: [number, number, number, number];
}

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory: count, tile-id deltas, run lengths, lengths, offsets (0 = right after the previous). */
function directory(entries: { tileId: number; offset: number; length: number }[]): Buffer {
  const out: number[] = [];
  varint(entries.length, out);
  let last = 0;
  for (const e of entries) {
    varint(e.tileId - last, out);
    last = e.tileId;
  }
  for (const _ of entries) varint(1, out);
  for (const e of entries) varint(e.length, out);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(prev && prev.offset + prev.length === e.offset ? 0 : e.offset + 1, out);
  });
  return Buffer.from(out);
}

export function writePmtiles(o: ArchiveOptions): Buffer {
  const tiles = o.tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = tiles.map((t) => {
    const e = { tileId: t.tileId, offset, length: t.data.length };
    offset += t.data.length;
    return e;
  });
  const root = gzipSync(directory(entries));
  const meta = gzipSync(Buffer.from(JSON.stringify(o.metadata)));
  const data = Buffer.concat(tiles.map((t) => t.data));
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'latin1');
  h.writeUInt8(3, 7);
  const u64 = (pos: number, v: number) => h.writeBigUInt64LE(BigInt(v), pos);
  const rootOffset = 127;
  const metaOffset = rootOffset + root.length;
  const dataOffset = metaOffset + meta.length;
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metaOffset);
  u64(32, meta.length);
  u64(40, dataOffset); // leaf directories: none (offset anywhere, length 0)
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, data.length);
  u64(72, tiles.length); // addressed tiles
  u64(80, tiles.length); // tile entries
  u64(88, tiles.length); // tile contents
  h.writeUInt8(1, 96); // clustered: tile data in tile-id order
  h.writeUInt8(2, 97); // internal compression: gzip
  h.writeUInt8(o.tileCompression, 98);
  h.writeUInt8(o.tileType, 99);
  const zooms = tiles.map((t) => t.z);
  const minZoom = Math.min(...zooms);
  const maxZoom = Math.max(...zooms);
  h.writeUInt8(minZoom, 100);
  h.writeUInt8(maxZoom, 101);
  const [w, s, e, n] = o.bounds;
  const e7 = (deg: number) => Math.round(deg * 1e7);
  h.writeInt32LE(e7(w), 102);
  h.writeInt32LE(e7(s), 106);
  h.writeInt32LE(e7(e), 110);
  h.writeInt32LE(e7(n), 114);
  h.writeUInt8(maxZoom, 118);
  h.writeInt32LE(e7((w + e) / 2), 119);
  h.writeInt32LE(e7((s + n) / 2), 123);
  return Buffer.concat([h, root, meta, data]);
}
