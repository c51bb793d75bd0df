// The compact network as one binary file next to the database (data/hazatlas.network.bin): a small
// JSON header, then each typed array 8-byte aligned, read straight back into typed arrays.
import fs from 'node:fs';
import path from 'node:path';
import type { CompactArrays, CompactMeta, CompactNetworkData } from '../core/trace/compact-data.js';

const MAGIC = 'HZNET01\n';
/** Reads and writes in pieces below Node's 2 GiB per-call limit. */
const CHUNK_BYTES = 1 << 30;

const TYPES = { Uint8Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;
type Typed = InstanceType<(typeof TYPES)[TypeName]>;

interface Section {
  name: keyof CompactArrays;
  type: TypeName;
  offset: number;
  length: number;
}

interface Header {
  meta: CompactMeta;
  sections: Section[];
}

export class ArtifactError extends Error {}

const REQUIRED: (keyof CompactArrays)[] = [
  'from',
  'to',
  'vertexStart',
  'xy',
  'lengthKm',
  'scalerank',
  'sourceId',
  'dischargeM3s',
  'basinId',
  'name',
  'nameLocal',
  'nameRu',
  'country',
  'nameSource',
  'featurecla',
  'arm',
  'altStart',
  'altName',
  'runStart',
  'runFromKm',
  'runToKm',
  'runCountry',
  'runBorderA',
  'runBorderB',
  'strBytes',
  'strStart',
  'snapIndex',
];

/** `data/hazatlas.sqlite` → `data/hazatlas.network.bin`. */
export function artifactPathFor(dbPath: string): string {
  const ext = path.extname(dbPath);
  return `${ext ? dbPath.slice(0, -ext.length) : dbPath}.network.bin`;
}

const align8 = (x: number) => Math.ceil(x / 8) * 8;

function typeName(a: Typed): TypeName {
  const name = a.constructor.name;
  if (!(name in TYPES)) throw new ArtifactError(`Unsupported array type ${name}`);
  return name as TypeName;
}

/** Writes atomically (temporary file, then rename). Returns the file size in bytes. */
export function writeNetworkArtifact(file: string, data: CompactNetworkData): number {
  const entries = Object.entries(data.arrays) as [keyof CompactArrays, Typed][];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, arr] of entries) {
    sections.push({ name, type: typeName(arr), offset, length: arr.length });
    offset = align8(offset + arr.byteLength);
  }
  const headerJson = Buffer.from(JSON.stringify({ meta: data.meta, sections } satisfies Header));
  const dataStart = align8(16 + headerJson.length);
  const prefix = Buffer.alloc(dataStart);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerJson.length, 8);
  headerJson.copy(prefix, 16);
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, prefix);
    entries.forEach(([, arr], i) => {
      const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
      const at = dataStart + sections[i]!.offset;
      for (let k = 0; k < bytes.length; k += CHUNK_BYTES) {
        fs.writeSync(fd, bytes, k, Math.min(CHUNK_BYTES, bytes.length - k), at + k);
      }
    });
    // Pad the file to its full length so the last section's alignment holds.
    fs.ftruncateSync(fd, dataStart + offset);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return dataStart + offset;
}

function readFully(fd: number, bytes: Uint8Array, position: number): void {
  for (let k = 0; k < bytes.length; ) {
    const got = fs.readSync(fd, bytes, k, Math.min(CHUNK_BYTES, bytes.length - k), position + k);
    if (got <= 0) throw new ArtifactError('Network artifact is truncated; rebuild with `npm run build:db`.');
    k += got;
  }
}

/** Only the header (cheap): to check an artifact's stamp before loading it. */
export function readArtifactMeta(file: string): CompactMeta | null {
  if (!fs.existsSync(file)) return null;
  const fd = fs.openSync(file, 'r');
  try {
    return readHeader(fd).header.meta;
  } finally {
    fs.closeSync(fd);
  }
}

function readHeader(fd: number): { header: Header; dataStart: number } {
  const prefix = new Uint8Array(16);
  readFully(fd, prefix, 0);
  const buf = Buffer.from(prefix);
  if (buf.toString('latin1', 0, 8) !== MAGIC) {
    throw new ArtifactError('Not a HazAtlas network artifact (bad magic); rebuild with `npm run build:db`.');
  }
  const len = buf.readUInt32LE(8);
  const json = new Uint8Array(len);
  readFully(fd, json, 16);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(json).toString('utf8')) as Header;
  } catch {
    throw new ArtifactError('Network artifact header is damaged; rebuild with `npm run build:db`.');
  }
  const names = new Set(header.sections?.map((s) => s.name));
  const missing = REQUIRED.filter((n) => !names.has(n));
  if (missing.length || header.sections.some((s) => !(s.type in TYPES))) {
    throw new ArtifactError(
      `Network artifact lacks ${missing.join(', ') || 'known array types'}; rebuild with \`npm run build:db\`.`,
    );
  }
  return { header, dataStart: align8(16 + len) };
}

/** Reads every section into its own typed array (one allocation each, no parsing). */
export function readNetworkArtifact(file: string): CompactNetworkData {
  const fd = fs.openSync(file, 'r');
  try {
    const { header, dataStart } = readHeader(fd);
    const arrays: Partial<Record<keyof CompactArrays, Typed>> = {};
    for (const s of header.sections) {
      const arr = new TYPES[s.type](s.length);
      readFully(fd, new Uint8Array(arr.buffer, 0, arr.byteLength), dataStart + s.offset);
      arrays[s.name] = arr;
    }
    return { arrays: arrays as unknown as CompactArrays, meta: header.meta };
  } finally {
    fs.closeSync(fd);
  }
}
