// Child process for the fault test: imports a file the way `hazatlas sites import` does (same parser,
// services and storage import), printing markers so the parent can aim its SIGKILL at each phase.
import fs from 'node:fs';
import { parseImport } from '../../server/core/register/import/parse.js';
import { createServices } from '../../server/runtime/services.js';
import { importRows } from '../../server/storage/site-import.js';

const [dbPath, file] = process.argv.slice(2);
if (!dbPath || !file) throw new Error('usage: import-child.ts DB FILE');
const parsed = parseImport('csv', fs.readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(parsed.message);
const services = createServices({ dbPath });
process.stdout.write('importing\n');
const report = importRows(services.db, services.hydrology, parsed.rows, parsed.errors, {
  dryRun: false,
  onDuplicate: 'error',
  // Recorded in each site's history as the CLI records its imports.
  change: { actor: { kind: 'cli', osUser: 'fault-test' } },
});
process.stdout.write(`committed ${report.ids.length} errors ${report.errors.length}\n`);
services.close();
