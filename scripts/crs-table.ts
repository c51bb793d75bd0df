// Writes data/crs.json, the reviewed table of national CRSs, from PROJ's own EPSG database (proj.db)
// and projinfo (Debian proj-bin), so every definition and datum shift is the one PROJ uses.
// Run: npx tsx scripts/crs-table.ts [--proj-db /usr/share/proj/proj.db]; review the diff, commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The CRSs of the Convention's countries (and the UTM/LAEA grids used across them), by country. */
const CODES: Array<[code: number, country: string]> = [
  [4326, 'World'],
  [3857, 'World'],
  [3035, 'Europe'],
  ...range(32633, 32643).map((c): [number, string] => [c, 'World']),
  ...range(25833, 25836).map((c): [number, string] => [c, 'Europe']),
  [4179, 'Romania, Poland, Hungary, Bulgaria…'],
  [3844, 'Romania'],
  [3333, 'Central and Eastern Europe'],
  [3334, 'Central and Eastern Europe'],
  [3335, 'Central and Eastern Europe'],
  [3120, 'Poland'],
  ...range(2172, 2175).map((c): [number, string] => [c, 'Poland']),
  [2180, 'Poland'],
  [4284, 'Former USSR'],
  ...range(28404, 28415).map((c): [number, string] => [c, 'Former USSR (incl. Kazakhstan, Uzbekistan)']),
  ...[2595, 2596, 2597, 2598, 2599, 2601, 2602].map((c): [number, string] => [c, 'Central Asia']),
  [23700, 'Hungary'],
  [5514, 'Czechia, Slovakia'],
  [31254, 'Austria'],
  [31255, 'Austria'],
  [31256, 'Austria'],
  [31287, 'Austria'],
  [7801, 'Bulgaria'],
  [7803, 'Bulgaria'],
  [9391, 'Bulgaria'],
  [8682, 'Serbia'],
  [8677, 'Serbia, Bosnia and Herzegovina, Montenegro, North Macedonia'],
  [8678, 'Serbia, Bosnia and Herzegovina, Montenegro, North Macedonia'],
  [6316, 'Serbia, Bosnia and Herzegovina, Montenegro, North Macedonia'],
  [3765, 'Croatia'],
  [3794, 'Slovenia'],
  [4026, 'Moldova'],
  ...range(5562, 5565).map((c): [number, string] => [c, 'Ukraine']),
  ...range(6381, 6387).map((c): [number, string] => [c, 'Ukraine']),
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const dbPath = process.argv.includes('--proj-db')
  ? String(process.argv[process.argv.indexOf('--proj-db') + 1])
  : '/usr/share/proj/proj.db';
const db = new Database(dbPath, { readonly: true });
const meta = Object.fromEntries(
  (db.prepare('SELECT key, value FROM metadata').all() as Array<{ key: string; value: string }>).map((r) => [
    r.key,
    r.value,
  ]),
);
// cs2cs without arguments prints on stderr its usage after "Rel. 9.1.1, December 1st, 2022".
const projVersion =
  spawnSync('cs2cs', [], { encoding: 'utf8' })
    .stderr.split('\n')[0]
    ?.replace(/^Rel\. /, '') ?? '';
const source = `EPSG Geodetic Parameter Dataset ${meta['EPSG.VERSION']} (${meta['EPSG.DATE']}) as shipped in PROJ's proj.db; definitions from projinfo, PROJ ${projVersion}`;

interface HelmertRow {
  code: string;
  name: string;
  method_code: string;
  tx: number;
  ty: number;
  tz: number;
  rx: number | null;
  ry: number | null;
  rz: number | null;
  scale_difference: number | null;
  accuracy: number | null;
}

/** EPSG methods: geocentric translations, position vector, coordinate frame (geog2D/geog3D/geocentric). */
const TRANSLATION = new Set(['9603', '1031', '1035']);
const POSITION_VECTOR = new Set(['9606', '1033', '1037']);
const COORDINATE_FRAME = new Set(['9607', '1032', '1038']);

function geodeticCode(code: number): { geog: string; geographic: boolean; name: string } {
  const p = db
    .prepare("SELECT geodetic_crs_code AS g, name FROM projected_crs WHERE auth_name='EPSG' AND code=?")
    .get(String(code)) as { g: string; name: string } | undefined;
  if (p) return { geog: p.g, geographic: false, name: p.name };
  const g = db.prepare("SELECT name FROM geodetic_crs WHERE auth_name='EPSG' AND code=?").get(String(code)) as
    | { name: string }
    | undefined;
  if (!g) throw new Error(`EPSG:${code} not in proj.db`);
  return { geog: String(code), geographic: true, name: g.name };
}

function transformations(geog: string) {
  const rows = db
    .prepare(
      `SELECT code, name, method_code, tx, ty, tz, rx, ry, rz, scale_difference, accuracy
         FROM helmert_transformation
        WHERE auth_name='EPSG' AND source_crs_auth_name='EPSG' AND source_crs_code=?
          AND target_crs_auth_name='EPSG' AND target_crs_code='4326' AND deprecated=0`,
    )
    .all(geog) as HelmertRow[];
  const codes = new Set(rows.map((r) => r.code));
  const superseded = new Set(
    (
      db
        .prepare(
          `SELECT superseded_code AS s, replacement_code AS r FROM supersession
            WHERE superseded_table_name='helmert_transformation' AND superseded_auth_name='EPSG'`,
        )
        .all() as Array<{ s: string; r: string }>
    )
      .filter((x) => codes.has(x.s) && codes.has(x.r))
      .map((x) => x.s),
  );
  return rows
    .filter((r) => !superseded.has(r.code))
    .flatMap((r) => {
      const extents = db
        .prepare(
          `SELECT e.name, e.south_lat AS s, e.north_lat AS n, e.west_lon AS w, e.east_lon AS e
             FROM usage u JOIN extent e ON e.auth_name=u.extent_auth_name AND e.code=u.extent_code
            WHERE u.object_table_name='helmert_transformation' AND u.object_auth_name='EPSG' AND u.object_code=?`,
        )
        .all(r.code) as Array<{ name: string; s: number; n: number; w: number; e: number }>;
      const ext = extents[0];
      if (!ext) return [];
      let rot = [r.rx ?? 0, r.ry ?? 0, r.rz ?? 0];
      let method: string;
      const m = String(r.method_code);
      if (TRANSLATION.has(m)) method = 'geocentric translations';
      else if (POSITION_VECTOR.has(m)) method = 'position vector';
      else if (COORDINATE_FRAME.has(m)) {
        method = 'coordinate frame (rotations negated for +towgs84, which is position vector)';
        rot = rot.map((x) => (x === 0 ? 0 : -x));
      } else return []; // Molodensky-Badekas etc.: not expressible as +towgs84
      const seven = rot.some((x) => x !== 0) || (r.scale_difference ?? 0) !== 0;
      const towgs84 = seven ? [r.tx, r.ty, r.tz, ...rot, r.scale_difference ?? 0] : [r.tx, r.ty, r.tz];
      return [
        {
          epsg: Number(r.code),
          name: r.name,
          method,
          accuracyM: r.accuracy,
          area: ext.name,
          bbox: [ext.w, ext.s, ext.e, ext.n],
          towgs84,
        },
      ];
    });
}

const crs = CODES.map(([code, country]) => {
  const { geog, geographic, name } = geodeticCode(code);
  const def = execFileSync('projinfo', [`EPSG:${code}`, '-o', 'PROJ', '-q', '--single-line'])
    .toString()
    .trim()
    .replace(/\s*\+type=crs/, '')
    .replace(/\s*\+towgs84=\S+/, ''); // the datum shift is chosen per point from `transformations`
  return { code, name, country, geographic, datum: Number(geog), proj4: def };
});
/**
 * epsg-index writes the parameters of coordinate-frame transformations unchanged into +towgs84, which
 * proj4 reads as position vector: the rotations come out with the wrong sign (Stereo70 38 m off). List
 * every epsg-index +towgs84 that is a coordinate-frame transformation in proj.db (and no position-vector
 * one), so server/core/crs.ts can negate its rotations for codes outside the table.
 */
function coordinateFrameTowgs84(): string[] {
  const dir = 'node_modules/epsg-index/s';
  const seen = new Set<string>();
  for (const f of readdirSync(dir)) {
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    if (!text.trim()) continue; // a few files in epsg-index are empty
    const e = JSON.parse(text) as { proj4?: string };
    const m = /\+towgs84=(\S+)/.exec(e.proj4 ?? '');
    if (m?.[1] && m[1].split(',').length === 7) seen.add(m[1]);
  }
  const rows = db
    .prepare(
      `SELECT method_code AS m, tx, ty, tz, rx, ry, rz, scale_difference AS s FROM helmert_transformation
        WHERE rx IS NOT NULL AND (rx != 0 OR ry != 0 OR rz != 0)`,
    )
    .all() as Array<{
    m: number;
    tx: number;
    ty: number;
    tz: number;
    rx: number;
    ry: number;
    rz: number;
    s: number;
  }>;
  const kinds = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = [r.tx, r.ty, r.tz, r.rx, r.ry, r.rz, r.s ?? 0].join(',');
    const kind = COORDINATE_FRAME.has(String(r.m)) ? 'cf' : POSITION_VECTOR.has(String(r.m)) ? 'pv' : 'other';
    kinds.set(key, (kinds.get(key) ?? new Set()).add(kind));
  }
  return [...seen]
    .filter((t) => {
      const k = kinds.get(t.split(',').map(Number).join(','));
      return k?.has('cf') === true && !k.has('pv');
    })
    .sort();
}

const datums = [...new Set(crs.map((c) => c.datum))].sort((a, b) => a - b);
const out = {
  about:
    'Reviewed CRS table (server/core/crs.ts reads it before epsg-index). proj4 strings carry no datum shift; ' +
    'the shift is chosen per point from `transformations` the way PROJ does (most accurate whose area contains ' +
    'the point). Generated by scripts/crs-table.ts; tests/core/crs.test.ts checks every entry against cs2cs.',
  source,
  crs,
  coordinateFrameTowgs84: coordinateFrameTowgs84(),
  transformations: Object.fromEntries(datums.map((d) => [String(d), transformations(String(d))])),
};
writeFileSync('data/crs.json', `${JSON.stringify(out, null, 1)}\n`);
console.log(`data/crs.json: ${crs.length} CRSs, ${datums.length} datums`);
