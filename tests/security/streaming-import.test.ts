// Memory-bounded imports (finding 5): a CSV or GeoJSON site import on the jobs worker is streamed from
// its uploaded file — csv-parse's streaming parser, FeatureSplitter for GeoJSON — and stored in batches
// inside ONE transaction. Proofs without timers: the streamed report equals the whole-file report; the
// importer never holds more than one chunk's rows and one batch of sites (counters); a bad last row
// still leaves nothing stored; the upload's temporary file is gone once answered.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../server/core/register/import/decode.js';
import { uploadDirectory } from '../../server/http/upload.js';
import { parseImportFile } from '../../server/storage/import-file-formats.js';
import { STREAM_CHUNK_BYTES, type StreamStats, streamRows } from '../../server/storage/import-file-stream.js';
import { importReceptorStream } from '../../server/storage/receptor-import.js';
import { importReceptors } from '../../server/storage/receptor-store.js';
import { type ImportReport, importRows, importStream } from '../../server/storage/site-import.js';
import { STORE_BATCH_ROWS } from '../../server/storage/site-import-session.js';
import { clearSites, openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { type AppServer, listenApp } from '../support/app-server.js';

let env: RegisterEnv;
let offloading: AppServer;
beforeAll(async () => {
  env = await openRegisterEnv();
  offloading = await listenApp(env.services, {
    offload: { reviewPositions: 0, importBytes: 0, exportSites: 0, reports: true },
    heavyPerMinute: 10_000,
  });
}, 60_000);
afterAll(async () => {
  await offloading?.close();
  await env?.close();
});

const siteCount = () => env.services.db.prepare('SELECT count(*) FROM sites').pluck().get() as number;

function write(name: string, content: string | Buffer): string {
  const file = path.join(env.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The whole-file import (as an inline job runs it) and the streamed one, both dry runs. */
async function both(file: string, format: 'csv' | 'geojson', crs?: string) {
  const parsed = parseImportFile(format, decodeText(fs.readFileSync(file)).text, { crs });
  if (!parsed.ok) throw new Error(parsed.message);
  const options = { dryRun: true, onDuplicate: 'error' as const, listLimit: 1000 };
  const whole = importRows(env.services.db, env.services.hydrology, parsed.rows, parsed.errors, options);
  const { report: streamed } = await importStream(
    env.services.db,
    env.services.hydrology,
    streamRows(file, format, { crs }),
    options,
  );
  return { whole, streamed };
}

/** Where the synthetic rows say they come from (a required field). */
const SRC = 'https://unece.org/environment-policyindustrial-accidents';

/** Points on a grid south of Ruse, Bulgaria (43.85 N, 25.97 E; the Danube's right bank), 1 km apart. */
const gridPoint = (i: number): [number, number] => [
  25.5 + (i % 100) * 0.012,
  43.3 + Math.floor(i / 100) * 0.009,
];

describe('a streamed import answers exactly as a whole-file one', () => {
  it('CSV: errors, duplicates, ignored columns and a decimal comma in cp1250', async () => {
    // Pančevo (Serbia, 44.87 N 20.64 E; the 1999 refinery and petrochemical plant fires) in cp1250
    // (č = 0xE8), written twice 50 m apart (a duplicate); a longitude of 999 and an unknown kind (errors).
    const lines = [
      'name;kind;sector;sources;lon;lat;objectid',
      `Pan\u00e8evo refinery;hazardous_activity;refinery;${SRC};20,6400;44,8700;1`,
      `Pan\u00e8evo refinery;hazardous_activity;refinery;${SRC};20,6404;44,8703;2`,
      `Bad longitude;hazardous_activity;chemical;${SRC};999;45;3`,
      `Bad kind;volcano;chemical;${SRC};20,5;44,8;4`,
      ...Array.from(
        { length: 300 },
        (_, i) =>
          `Plant ${i};hazardous_activity;chemical;${SRC};${gridPoint(i).join(';').replace(/\./g, ',')};${i + 5}`,
      ),
    ];
    const bytes = Buffer.from(lines.join('\r\n'), 'latin1');
    const file = write('cp1250.csv', bytes);
    const { whole, streamed } = await both(file, 'csv');
    expect(streamed).toEqual(whole);
    expect(streamed.accepted).toBe(301);
    expect(streamed.duplicates).toHaveLength(1);
    expect(streamed.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(streamed.warnings[0]).toMatchObject({ column: 'objectid', count: 302 });
  });

  it('GeoJSON: a legacy crs member (EPSG:3857), a footprint, and features that are not sites', async () => {
    // Web Mercator metres of the Aurul tailings dam at Baia Mare (47.64 N, 23.53 E).
    const merc = (lon: number, lat: number) => [
      (lon * 20037508.342789244) / 180,
      (Math.log(Math.tan(((90 + lat) * Math.PI) / 360)) * 20037508.342789244) / Math.PI,
    ];
    const ring = [
      [23.53, 47.64],
      [23.54, 47.64],
      [23.54, 47.65],
      [23.53, 47.65],
      [23.53, 47.64],
    ].map(([x, y]) => merc(x as number, y as number));
    const features = [
      {
        type: 'Feature',
        properties: {
          name: 'Aurul tailings dam',
          kind: 'hazardous_activity',
          sector: 'mining_metallurgy',
          sources: SRC,
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
      {
        type: 'Feature',
        properties: { name: 'No geometry', kind: 'hazardous_activity', sector: 'chemical', sources: SRC },
        geometry: null,
      },
      {
        type: 'Feature',
        properties: { name: 'A line', kind: 'hazardous_activity', sector: 'chemical', sources: SRC },
        geometry: { type: 'LineString', coordinates: [merc(23, 47), merc(24, 47)] },
      },
      null,
      ...Array.from({ length: 300 }, (_, i) => ({
        type: 'Feature',
        properties: { name: `Plant ${i}`, kind: 'hazardous_activity', sector: 'chemical', sources: SRC },
        geometry: { type: 'Point', coordinates: merc(...gridPoint(i)) },
      })),
    ];
    const file = write(
      'merc.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
        features,
      }),
    );
    const { whole, streamed } = await both(file, 'geojson');
    expect(streamed).toEqual(whole);
    expect(streamed.errors.map((e) => e.line)).toEqual(expect.arrayContaining([2, 3, 4]));
    expect(streamed.accepted).toBeGreaterThanOrEqual(300);
  });
});

describe('memory stays bounded', () => {
  it(`a 3,000-feature GeoJSON is stored whole in one transaction, never holding more than one chunk's features or ${STORE_BATCH_ROWS} sites`, async () => {
    clearSites(env);
    const features = Array.from({ length: 3000 }, (_, i) => ({
      type: 'Feature',
      properties: {
        name: `Plant ${i}`,
        kind: 'hazardous_activity',
        sector: 'chemical',
        sources: SRC,
        operator: 'x'.repeat(i % 50),
      },
      geometry: { type: 'Point', coordinates: gridPoint(i) },
    }));
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const file = write('many.geojson', text);
    const stats: StreamStats = { maxRowsHeld: 0, maxBufferedChars: 0 };
    const { report, maxPending } = await importStream(
      env.services.db,
      env.services.hydrology,
      streamRows(file, 'geojson', {}, stats),
      { dryRun: false, onDuplicate: 'error' },
    );
    expect(report.errors).toEqual([]);
    expect(report.ids).toHaveLength(3000);
    expect(siteCount()).toBe(3000);
    // One import record for all its batches.
    const imports = env.services.db
      .prepare('SELECT site_count FROM site_imports WHERE id = ?')
      .all(report.importId);
    expect(imports).toEqual([{ site_count: 3000 }]);
    const smallest = JSON.stringify(features[0]).length;
    const largest = JSON.stringify(features[49]).length;
    expect(text.length).toBeGreaterThan(10 * STREAM_CHUNK_BYTES);
    // Held at once: the features one 64 KB chunk completes, the chunk plus one unfinished feature, one batch.
    expect(stats.maxRowsHeld).toBeLessThanOrEqual(Math.ceil(STREAM_CHUNK_BYTES / smallest) + 1);
    expect(stats.maxBufferedChars).toBeLessThanOrEqual(STREAM_CHUNK_BYTES + largest);
    expect(maxPending).toBe(STORE_BATCH_ROWS);
  }, 120_000);

  it('a CSV is read by csv-parse one record at a time, a chunk at most', async () => {
    const csv = `name,kind,sector,sources,lon,lat\n${Array.from({ length: 5000 }, (_, i) => `Works ${i},hazardous_activity,chemical,${SRC},${gridPoint(i).join(',')}`).join('\n')}\n`;
    const file = write('many.csv', csv);
    const stats: StreamStats = { maxRowsHeld: 0, maxBufferedChars: 0 };
    const { report } = await importStream(
      env.services.db,
      env.services.hydrology,
      streamRows(file, 'csv', {}, stats),
      {
        dryRun: true,
        onDuplicate: 'error',
      },
    );
    expect(report.accepted).toBe(5000);
    expect(stats.maxRowsHeld).toBeLessThanOrEqual(
      Math.ceil(STREAM_CHUNK_BYTES / `Works 0,hazardous_activity,chemical,${SRC},25.5,43.3\n`.length) + 1,
    );
  }, 60_000);

  it('a bad last row after several stored batches leaves nothing stored; with skipInvalid the rest is stored', async () => {
    clearSites(env);
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `Mill ${i},hazardous_activity,chemical,${SRC},${gridPoint(i).join(',')}`,
    );
    const file = write(
      'bad-last.csv',
      `name,kind,sector,sources,lon,lat\n${rows.join('\n')}\nLast,hazardous_activity,chemical,${SRC},999,45\n`,
    );
    const run = (skipInvalid: boolean) =>
      importStream(env.services.db, env.services.hydrology, streamRows(file, 'csv', {}), {
        dryRun: false,
        onDuplicate: 'error',
        skipInvalid,
      });
    const refused: ImportReport = (await run(false)).report;
    expect(refused.errors).toEqual([{ line: 1202, field: 'lon', message: expect.stringMatching(/999/) }]);
    expect(refused.ids).toEqual([]);
    expect(refused.importId).toBeNull();
    expect(siteCount()).toBe(0);
    const stored = (await run(true)).report;
    expect(stored.ids).toHaveLength(1200);
    expect(siteCount()).toBe(1200);
  }, 120_000);
});

describe('receptors', () => {
  it('a streamed receptor CSV answers as the whole-file import, and stores all or nothing over HTTP', async () => {
    // Water intakes on a grid south of Ruse (synthetic positions); a bad kind on the last line.
    const lines = Array.from(
      { length: 1200 },
      (_, i) => `Intake ${i},water_intake,${gridPoint(i).join(',')}`,
    );
    const text = `name,kind,lon,lat\n${lines.join('\n')}\nBroken,volcano,25.9,43.9\n`;
    const file = write('intakes.csv', text);
    const parsed = parseImportFile('csv', text, {});
    if (!parsed.ok) throw new Error(parsed.message);
    const whole = importReceptors(env.services.db, parsed.rows, parsed.errors, { dryRun: true });
    const { report: streamed } = await importReceptorStream(env.services.db, streamRows(file, 'csv', {}), {
      dryRun: true,
      listLimit: 1000,
    });
    expect({ ...streamed, errorCount: undefined }).toEqual({ ...whole, errorCount: undefined });
    expect(streamed).toMatchObject({ accepted: 1200, rejected: 1, errorCount: 1 });

    const count = () => env.services.db.prepare('SELECT count(*) FROM receptors').pluck().get() as number;
    const before = count();
    const post = (query: string) =>
      fetch(`${offloading.api}/receptors/import?format=csv${query}`, {
        method: 'POST',
        headers: { ...env.auth, 'content-type': 'text/csv' },
        body: text,
      });
    const refused = await post('');
    expect(refused.status).toBe(422);
    expect(count()).toBe(before);
    const stored = await post('&skipInvalid=true');
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as { ids: string[] }).ids).toHaveLength(1200);
    expect(count()).toBe(before + 1200);
  }, 120_000);
});

describe('over HTTP, on the jobs worker', () => {
  it('a multipart CSV upload is streamed from a temporary file that is removed once answered', async () => {
    clearSites(env);
    const csv = `name,kind,sector,sources,lon,lat\n${Array.from({ length: 2000 }, (_, i) => `Depot ${i},hazardous_activity,chemical,${SRC},${gridPoint(i).join(',')}`).join('\n')}\n`;
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'depots.csv');
    const res = await fetch(`${offloading.api}/sites/import`, {
      method: 'POST',
      headers: env.auth,
      body: form,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { ids: string[]; errorCount: number };
    expect(report.ids).toHaveLength(2000);
    expect(report.errorCount).toBe(0);
    expect(siteCount()).toBe(2000);
    const dir = uploadDirectory();
    expect(dir).not.toBeNull();
    expect(fs.readdirSync(dir as string)).toEqual([]);
  }, 120_000);

  it('a streamed file declared UTF-8 that is not is a 400 INVALID_UTF8; undeclared, its code page is read', async () => {
    // "Pančevo" in cp1250 (č = 0xE8): not valid UTF-8.
    const csv = Buffer.from(
      `name,kind,sector,sources,lon,lat\nPan\u00e8evo refinery,hazardous_activity,refinery,${SRC},20.64,44.87\n`,
      'latin1',
    );
    const post = (query: string) =>
      fetch(`${offloading.api}/sites/import?format=csv&dryRun=true${query}`, {
        method: 'POST',
        headers: { ...env.auth, 'content-type': 'text/csv' },
        body: csv,
      });
    const declared = await post('&encoding=utf-8');
    expect(declared.status).toBe(400);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('INVALID_UTF8');
    const guessed = await post('');
    expect(guessed.status).toBe(200);
    expect(((await guessed.json()) as { accepted: number }).accepted).toBe(1);
  }, 60_000);

  it('a GeoJSON whose crs member comes after a chunk of features is refused with what to do', async () => {
    // Web Mercator metres near Ruse; the crs member comes after 64 KB of features (read at the end of a
    // single chunk it would still apply, as in a whole-file import).
    const features = Array.from({ length: 600 }, (_, i) => ({
      type: 'Feature',
      properties: { name: `Late ${i}`, kind: 'hazardous_activity', sector: 'chemical', sources: SRC },
      geometry: { type: 'Point', coordinates: [2_890_000 + i * 1000, 5_445_000] },
    }));
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features,
      crs: { type: 'name', properties: { name: 'EPSG:3857' } },
    });
    expect(body.length).toBeGreaterThan(STREAM_CHUNK_BYTES);
    const res = await fetch(`${offloading.api}/sites/import?format=geojson&dryRun=true`, {
      method: 'POST',
      headers: { ...env.auth, 'content-type': 'application/geo+json' },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/crs parameter/);
  }, 60_000);
});
