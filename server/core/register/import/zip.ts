// Reads the entries of a ZIP archive (KMZ, zipped Shapefile) from memory: the central directory, then
// each entry stored or deflated. Enough for what GIS tools write; no encryption, no ZIP64.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export class ZipError extends Error {}

const MAX_ENTRY_BYTES = 200 * 1024 * 1024;

export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a ZIP archive (no end of central directory)');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw new ZipError('broken central directory');
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (size > MAX_ENTRY_BYTES) throw new ZipError(`${name} is too large (${size} bytes)`);
    if (view.getUint32(local, true) !== 0x04034b50) throw new ZipError(`broken local header for ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + compressed);
    if (method === 0) entries.push({ name, data: raw });
    else if (method === 8)
      entries.push({ name, data: new Uint8Array(inflateRawSync(raw, { maxOutputLength: MAX_ENTRY_BYTES })) });
    else throw new ZipError(`${name} uses compression method ${method}; only stored and deflate are read`);
  }
  return entries;
}
