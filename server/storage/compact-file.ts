// Reads and writes the compact network artifact: the packed buffer as it is in memory, read back
// into one ArrayBuffer in chunks (no 2 GiB readFile limit, no parsing, views straight into it).
import fs from 'node:fs';
import { CompactNetwork } from '../core/network/compact-network.js';

export function writeCompactNetwork(file: string, net: CompactNetwork): void {
  const tmp = `${file}.part`;
  const fd = fs.openSync(tmp, 'w');
  try {
    const bytes = new Uint8Array(net.buffer);
    for (let at = 0; at < bytes.length; at += 1 << 28)
      fs.writeSync(fd, bytes, at, Math.min(1 << 28, bytes.length - at));
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function readCompactNetwork(file: string): CompactNetwork {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    for (let at = 0; at < size; ) {
      const n = fs.readSync(fd, bytes, at, Math.min(1 << 28, size - at), at);
      if (n <= 0) throw new Error(`${file}: truncated at byte ${at} of ${size}.`);
      at += n;
    }
    return CompactNetwork.fromBuffer(buffer);
  } finally {
    fs.closeSync(fd);
  }
}
