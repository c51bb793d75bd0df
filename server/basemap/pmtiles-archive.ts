// A local PMTiles v3 archive (HAZATLAS_BASEMAP): header checks at start-up, then tiles read on request
// through the pmtiles library with a Node file source, so nothing but the asked-for bytes is read.
import fs from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bytesToHeader, Compression, type Header, PMTiles, type RangeResponse, type Source } from 'pmtiles';

/** Vector tiles in one of the two open schemas the app has a style for, or raster images. */
export type DetailSchema = 'openmaptiles' | 'protomaps';
export type ArchiveContent = { kind: 'vector'; schema: DetailSchema } | { kind: 'raster' };

export interface ArchiveSummary {
  path: string;
  content: ArchiveContent;
  /** The metadata's attribution, else a plain "detailed basemap". */
  attribution: string;
  /** MIME type of one decoded tile. */
  contentType: string;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in degrees. */
  bounds: [number, number, number, number];
}

const HEADER_BYTES = 127;
const CONTENT_TYPES: Record<number, { kind: 'vector' | 'raster'; type: string } | undefined> = {
  1: { kind: 'vector', type: 'application/x-protobuf' },
  2: { kind: 'raster', type: 'image/png' },
  3: { kind: 'raster', type: 'image/jpeg' },
  4: { kind: 'raster', type: 'image/webp' },
};
const READABLE_COMPRESSION = new Set<number>([Compression.None, Compression.Gzip, Compression.Brotli]);

/**
 * Reads and checks the archive's header synchronously (start-up): the reason it cannot be served, or
 * what it holds. Only the first 127 bytes are read.
 */
export function inspectArchive(
  file: string,
): { ok: true; summary: ArchiveSummary } | { ok: false; reason: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? `no file ${file}` : `cannot open ${file} (${code})` };
  }
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(fd, buf, 0, HEADER_BYTES, 0);
    if (read < HEADER_BYTES || buf.toString('latin1', 0, 7) !== 'PMTiles')
      return { ok: false, reason: `${file} is not a PMTiles archive (no "PMTiles" header)` };
    if (buf[7] !== 3)
      return { ok: false, reason: `${file} is PMTiles version ${buf[7]}; version 3 is needed` };
    const h = bytesToHeader(buf.buffer.slice(buf.byteOffset, buf.byteOffset + HEADER_BYTES));
    const type = CONTENT_TYPES[h.tileType];
    if (!type)
      return {
        ok: false,
        reason: `${file} holds tiles of type ${h.tileType}; MVT, PNG, JPEG or WebP are drawn`,
      };
    for (const [what, c] of [
      ['tile', h.tileCompression],
      ['directory', h.internalCompression],
    ] as const)
      if (!READABLE_COMPRESSION.has(c))
        return {
          ok: false,
          reason: `${file}: ${what} compression ${c} is not readable (none, gzip or brotli)`,
        };
    if (h.minZoom > h.maxZoom)
      return { ok: false, reason: `${file}: min zoom ${h.minZoom} > max zoom ${h.maxZoom}` };
    const meta = readMetadata(fd, h);
    if (!meta.ok) return { ok: false, reason: `${file}: ${meta.reason}` };
    let content: ArchiveContent = { kind: 'raster' };
    if (type.kind === 'vector') {
      const schema = detectSchema(meta.layers);
      if (!schema)
        return {
          ok: false,
          reason: `${file}: its layers (${meta.layers.join(', ') || 'none listed'}) follow neither the OpenMapTiles nor the Protomaps schema`,
        };
      content = { kind: 'vector', schema };
    }
    return {
      ok: true,
      summary: {
        path: file,
        content,
        attribution: meta.attribution ?? 'detailed basemap',
        contentType: type.type,
        minZoom: h.minZoom,
        maxZoom: h.maxZoom,
        bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat],
      },
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Which schema the archive's `vector_layers` follow; null when neither. */
export function detectSchema(layerIds: readonly string[]): DetailSchema | null {
  const ids = new Set(layerIds);
  if (ids.has('transportation') || ids.has('building')) return 'openmaptiles';
  if (ids.has('roads') || ids.has('buildings')) return 'protomaps';
  return null;
}

type Metadata = { ok: true; layers: string[]; attribution: string | null } | { ok: false; reason: string };

/** The JSON metadata's layer ids and attribution, read synchronously (start-up). */
function readMetadata(fd: number, h: Header): Metadata {
  const raw = Buffer.alloc(h.jsonMetadataLength);
  if (fs.readSync(fd, raw, 0, raw.length, h.jsonMetadataOffset) < raw.length)
    return { ok: false, reason: 'the metadata lies beyond the end of the file (truncated?)' };
  try {
    const text =
      h.internalCompression === Compression.Gzip
        ? gunzipSync(raw)
        : h.internalCompression === Compression.Brotli
          ? brotliDecompressSync(raw)
          : raw;
    const m = (raw.length ? JSON.parse(text.toString('utf8')) : {}) as {
      vector_layers?: { id?: unknown }[];
      attribution?: unknown;
    };
    return {
      ok: true,
      layers: (Array.isArray(m.vector_layers) ? m.vector_layers : []).map((l) => String(l.id)),
      attribution: typeof m.attribution === 'string' ? m.attribution : null,
    };
  } catch (err) {
    return { ok: false, reason: `its metadata cannot be read (${(err as Error).message})` };
  }
}

/** pmtiles Source over a local file; a short read (a truncated or replaced file) is an error, not zeros. */
class NodeFileSource implements Source {
  constructor(private readonly file: string) {}
  getKey(): string {
    return this.file;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const handle = await fs.promises.open(this.file, 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, offset);
      // The library asks for 16 KiB at offset 0 whatever the file's size; only later reads must be whole.
      if (bytesRead < length && offset > 0)
        throw new Error(`${this.file}: read ${bytesRead} of ${length} bytes at ${offset} (file changed?)`);
      return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) };
    } finally {
      await handle.close();
    }
  }
}

function decompress(buf: ArrayBuffer, c: Compression): Promise<ArrayBuffer> {
  const b = Buffer.from(buf);
  const out = c === Compression.Gzip ? gunzipSync(b) : c === Compression.Brotli ? brotliDecompressSync(b) : b;
  return Promise.resolve(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
}

/** An opened archive: decoded tiles by address. */
export class PmtilesArchive {
  private readonly pm: PMTiles;
  constructor(readonly summary: ArchiveSummary) {
    this.pm = new PMTiles(new NodeFileSource(summary.path), undefined, decompress);
  }

  /** The decoded tile, or null where the archive has none. Throws when the file cannot be read. */
  async tile(z: number, x: number, y: number): Promise<Buffer | null> {
    const r = await this.pm.getZxy(z, x, y);
    return r ? Buffer.from(r.data) : null;
  }
}
