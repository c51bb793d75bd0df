// Reads and validates the reviewed regional runoff table (data/runoff.json) shipped with the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunoffTable, RunoffTableSchema } from '../core/transport/runoff.js';

export const RUNOFF_TABLE_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/runoff.json',
);

export function readRunoffTable(file = RUNOFF_TABLE_PATH): RunoffTable {
  const parsed = RunoffTableSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid runoff table: ${issues}`);
  }
  return parsed.data;
}
