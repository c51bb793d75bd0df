// Reads and validates the reviewed official river kilometres (data/river-chainage.json) shipped with the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChainageTable, ChainageTableSchema } from '../core/trace/river-km.js';

export const CHAINAGE_TABLE_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/river-chainage.json',
);

export function readChainageTable(file = CHAINAGE_TABLE_PATH): ChainageTable {
  const parsed = ChainageTableSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid chainage table: ${issues}`);
  }
  return parsed.data;
}
