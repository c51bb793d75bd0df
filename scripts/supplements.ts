// Reads network supplement files and applies them to a build: Natural Earth lines get the supplements
// as extra river lines ending on their receiving river; HydroRIVERS records get them as reaches.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HydroReachRecord } from '../server/core/network/hydrorivers.js';
import {
  describeJoin,
  type JoinResult,
  joinedCoords,
  joinSupplements,
  parseSupplement,
  type SupplementLine,
} from '../server/core/network/supplement.js';
import { addSupplementRecords } from '../server/core/network/supplement-records.js';
import type { RiverLine } from '../server/core/network/types.js';

/** The reviewed supplement applied to every Natural Earth build. */
export const REVIEWED_SUPPLEMENT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../data/network-supplement.geojson',
);

export class SupplementError extends Error {}

export function readSupplements(files: readonly string[]): SupplementLine[] {
  const errors: string[] = [];
  const lines: SupplementLine[] = [];
  for (const file of files) {
    const name = path.relative(process.cwd(), file) || file;
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      errors.push(`${name}: cannot read it as JSON (${(err as Error).message}).`);
      continue;
    }
    const parsed = parseSupplement(json, name);
    if (parsed.ok) lines.push(...parsed.lines);
    else errors.push(...parsed.errors);
  }
  if (errors.length) throw new SupplementError(`Network supplement refused:\n  ${errors.join('\n  ')}`);
  return lines;
}

function requireJoined(results: JoinResult[], log: (m: string) => void): Extract<JoinResult, { ok: true }>[] {
  for (const r of results) log(`supplement ${describeJoin(r)}`);
  const bad = results.filter((r) => !r.ok);
  if (bad.length)
    throw new SupplementError(
      `Network supplement does not join:\n  ${bad.map((r) => (r.ok ? '' : r.message)).join('\n  ')}`,
    );
  return results.filter((r): r is Extract<JoinResult, { ok: true }> => r.ok);
}

/** Supplement lines as Natural Earth-style river lines whose last point lies on the receiving river. */
export function supplementRiverLines(
  rivers: readonly RiverLine[],
  lines: readonly SupplementLine[],
  log: (m: string) => void,
): { lines: RiverLine[]; report: string[] } {
  const results = joinSupplements(
    lines,
    rivers.map((r) => ({ coords: r.coords, names: [r.name, ...r.nameAlt] })),
  );
  const joined = requireJoined(results, log);
  return {
    lines: joined.map((r) => ({
      coords: joinedCoords(r),
      name: r.line.name,
      nameAlt: r.line.nameAlt,
      featurecla: 'River',
      scalerank: r.line.scalerank,
      source: 'world',
    })),
    report: results.map(describeJoin),
  };
}

/** HydroRIVERS records with the supplements added as reaches (the joined reaches split there). */
export function supplementRecords(
  records: readonly HydroReachRecord[],
  lines: readonly SupplementLine[],
  log: (m: string) => void,
): { records: HydroReachRecord[]; report: string[] } {
  const results = joinSupplements(
    lines,
    records.map((r) => ({ coords: r.coords, names: [r.name] })),
  );
  return {
    records: addSupplementRecords(records, requireJoined(results, log)),
    report: results.map(describeJoin),
  };
}
