// Reads and validates the reviewed discharge table (data/discharge.json) shipped with the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DischargeTable, DischargeTableSchema } from '../core/transport/discharge-table.js';

export const DISCHARGE_TABLE_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/discharge.json',
);

export function readDischargeTable(file = DISCHARGE_TABLE_PATH): DischargeTable {
  const parsed = DischargeTableSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid discharge table: ${issues}`);
  }
  return parsed.data;
}
