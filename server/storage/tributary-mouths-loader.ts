// Reads and validates the reviewed mouths of receiving rivers that Natural Earth lacks
// (data/tributary-mouths.json), shipped with the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TributaryMouths, TributaryMouthsSchema } from '../core/trace/tributary-mouths.js';

export const TRIBUTARY_MOUTHS_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/tributary-mouths.json',
);

export function readTributaryMouths(file = TRIBUTARY_MOUTHS_PATH): TributaryMouths {
  const parsed = TributaryMouthsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid tributary-mouth table: ${issues}`);
  }
  return parsed.data;
}
