// `hazatlas network check FILE`: validates a network supplement against the built database's network
// without building — every line's fields, and that its downstream end joins the river it flows into.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { dbPathFromEnv } from '../config.js';
import {
  describeJoin,
  type JoinResult,
  joinSupplements,
  parseSupplement,
  SUPPLEMENT_JOIN_KM,
} from '../core/network/supplement.js';
import { openDb } from '../storage/db.js';
import { loadNetwork } from '../storage/network-loader.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';

const USAGE = 'Usage: hazatlas network check FILE [--json]';

export async function runNetwork(args: string[]): Promise<void> {
  const { values, positionals } = withUsage(USAGE, () =>
    parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } }),
  );
  const [sub, file, ...extra] = positionals;
  if (sub !== 'check' || !file || extra.length) throw new CliError(USAGE);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CliError(`${file}: cannot read it as JSON (${(err as Error).message}).`);
  }
  const parsed = parseSupplement(json, file);
  if (!parsed.ok)
    throw new CliError(`${file} is not a valid network supplement:\n  ${parsed.errors.join('\n  ')}`);
  const db = openDb(dbPathFromEnv(), { readonly: true });
  let results: JoinResult[];
  try {
    const net = loadNetwork(db);
    results = joinSupplements(
      parsed.lines,
      net.reaches.map((r) => ({ coords: r.coords, names: [r.name, ...r.nameAlt] })),
    );
  } finally {
    db.close();
  }
  const bad = results.filter((r) => !r.ok).length;
  if (values.json)
    process.stdout.write(
      `${JSON.stringify(
        {
          file,
          toleranceKm: SUPPLEMENT_JOIN_KM,
          lines: results.map((r) =>
            r.ok
              ? {
                  name: r.line.name,
                  ok: true,
                  flowsInto: r.river,
                  lon: r.lon,
                  lat: r.lat,
                  distanceKm: Math.round(r.distanceKm * 1000) / 1000,
                  approximate: r.line.approximate,
                }
              : { name: r.line.name, ok: false, message: r.message },
          ),
        },
        null,
        2,
      )}\n`,
    );
  else {
    for (const r of results) process.stdout.write(`${describeJoin(r)}\n`);
    process.stdout.write(
      `${results.length} line(s); ${bad ? `${bad} do not join` : `all join within ${SUPPLEMENT_JOIN_KM} km`}.\n`,
    );
  }
  if (bad) throw new CliError(`${bad} of ${results.length} supplement line(s) do not join; see above.`);
}
