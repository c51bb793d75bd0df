// One measured import for bench/import.ts, in its own process so its peak RSS is its own: `whole` reads
// and parses the file in memory (what every import did before streaming, and what small inline imports
// still do), `stream` streams it (the jobs worker's path), `none` only loads the services (baseline).
// Prints one JSON line: { ms, accepted, rejected, maxRssMb, baseRssMb }.
import fs from 'node:fs';
import { decodeText } from '../server/core/register/import/decode.js';
import { createServices } from '../server/runtime/services.js';
import { parseImportFile } from '../server/storage/import-file-formats.js';
import { streamRows } from '../server/storage/import-file-stream.js';
import { importRows, importStream } from '../server/storage/site-import.js';

const [mode, format, file, dbPath] = process.argv.slice(2);
if (!mode || !format || !file || !dbPath)
  throw new Error('usage: import-child.ts whole|stream|none csv|geojson FILE DB');
const services = createServices({ dbPath });
// The services' own footprint (network, indexes), measured before the import starts.
const baseRssMb = process.memoryUsage().rss / 2 ** 20;
const options = { dryRun: true, onDuplicate: 'error' as const, listLimit: 1000 };
const started = performance.now();
let accepted = 0;
let rejected = 0;
if (mode === 'whole') {
  const parsed = parseImportFile(format as 'csv' | 'geojson', decodeText(fs.readFileSync(file)).text, {});
  if (!parsed.ok) throw new Error(parsed.message);
  const report = importRows(services.db, services.hydrology, parsed.rows, parsed.errors, options);
  accepted = report.accepted;
  rejected = report.rejected;
} else if (mode === 'stream') {
  const { report } = await importStream(
    services.db,
    services.hydrology,
    streamRows(file, format as 'csv' | 'geojson', {}),
    options,
  );
  accepted = report.accepted;
  rejected = report.rejected;
}
const ms = performance.now() - started;
// ru_maxrss is in kilobytes on Linux: the process's peak resident set over its whole life.
const maxRssMb = process.resourceUsage().maxRSS / 1024;
services.close();
process.stdout.write(`${JSON.stringify({ ms, accepted, rejected, maxRssMb, baseRssMb })}\n`);
