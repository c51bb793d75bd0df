// The compact network engine (typed arrays read from data/hazatlas.network.bin) against the object
// network loaded from the SQLite rows (JSON columns): the same snaps, traces, releases, upstream
// reports and register fields on real places.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracePoint } from '../../../server/app/trace.js';
import { CompactRiverNetwork } from '../../../server/core/trace/compact-network.js';
import type { RiverNetwork } from '../../../server/core/trace/river-network.js';
import { snapToNetwork } from '../../../server/core/trace/snap.js';
import { resolveRelease } from '../../../server/core/transport/release.js';
import { upstreamReport } from '../../../server/core/upstream/upstream-report.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { sitesInTreeRange } from '../../../server/storage/analysis-read.js';
import { openDb } from '../../../server/storage/db.js';
import {
  ArtifactError,
  artifactPathFor,
  readArtifactMeta,
  readNetworkArtifact,
} from '../../../server/storage/network-artifact.js';
import { loadNetworkFor, writeArtifactFromDb } from '../../../server/storage/network-compact.js';
import { builtDbPath, copyOfBuiltDb } from '../../support/database.js';

let objects: Services;
let compact: Services;
beforeAll(() => {
  objects = createServices({ dbPath: builtDbPath(), network: 'sqlite' });
  compact = createServices({ dbPath: builtDbPath() });
});
afterAll(() => {
  objects.close();
  compact.close();
});

/** Real places on rivers of the register's basins (coordinates of the towns, rounded). */
const PLACES: { name: string; lon: number; lat: number; river?: string }[] = [
  { name: 'Danube at Vienna', lon: 16.37, lat: 48.21 },
  { name: 'Tisza at Szeged', lon: 20.15, lat: 46.25 },
  { name: 'Naryn above Toktogul', lon: 76.0, lat: 41.43 },
  { name: 'Syr Darya at Kyzylorda', lon: 65.5, lat: 44.85 },
  { name: 'Dniester at Mohyliv-Podilskyi', lon: 27.79, lat: 48.45 },
  { name: 'Rhine at Basel', lon: 7.59, lat: 47.56 },
  { name: 'Inn at Passau', lon: 13.45, lat: 48.57, river: 'Inn' },
  { name: 'Danube at Izmail (Chilia arm)', lon: 28.83, lat: 45.35 },
  { name: 'Prut at Chernivtsi', lon: 25.93, lat: 48.3 },
  { name: 'Sava at Belgrade', lon: 20.45, lat: 44.82 },
];

const resolved = resolveRelease({ releaseKg: 10_000, substance: 'cyanide' });
if (!resolved.ok || !resolved.release) throw new Error('release');
const RELEASE = resolved.release;

describe('compact network engine against the object network', () => {
  it('loads from the artifact, with the same reaches and nodes', () => {
    expect(objects.networkSource).toBe('sqlite');
    expect(compact.networkSource).toBe('artifact');
    expect(compact.network).toBeInstanceOf(CompactRiverNetwork);
    const a = objects.network;
    const b = compact.network;
    expect(b.reaches.length).toBe(a.reaches.length);
    expect(b.outflows.length).toBe(a.outflows.length);
    for (const i of [0, 1, 1000, a.reaches.length - 1]) {
      const x = a.reaches[i]!;
      const y = b.reaches[i]!;
      expect({ ...pick(y) }).toEqual({ ...pick(x) });
      expect(b.outflows[x.to]).toEqual(a.outflows[x.to]);
    }
  });

  it('every reach carries the same fields (coordinates, km, names, country runs)', () => {
    const a = objects.network.reaches;
    const b = compact.network.reaches;
    let differing = 0;
    for (let i = 0; i < a.length; i++) {
      if (JSON.stringify(pick(a[i]!)) !== JSON.stringify(pick(b[i]!))) differing++;
    }
    expect(differing).toBe(0);
  });

  it.each(PLACES)(
    'traces $name identically (plain and with a 10 t cyanide release)',
    ({ lon, lat, river }) => {
      const plain = { lon, lat, river: river ?? null };
      const before = tracePoint(objects, plain);
      expect(before.ok).toBe(true);
      expect(tracePoint(compact, plain)).toEqual(before);
      const withRelease = { ...plain, release: RELEASE };
      expect(tracePoint(compact, withRelease)).toEqual(tracePoint(objects, withRelease));
    },
  );

  it('Vienna: both reach the Black Sea through Slovakia, Hungary, Serbia (Danube order of riparian states)', () => {
    // Source: ICPDR, Danube River Basin — the Danube flows AUT → SVK/HUN → HRV/SRB → BGR/ROU → Black Sea.
    const r = tracePoint(compact, { lon: 16.37, lat: 48.21 });
    if (!r.ok) throw new Error(r.message);
    const main = r.result.outlets.find((o) => o.main)!;
    expect(main.name).toMatch(/Black Sea/);
    const isos = r.result.countries.map((c) => c.iso3);
    expect(isos.indexOf('SVK')).toBeLessThan(isos.indexOf('SRB'));
    expect(isos.indexOf('HUN')).toBeLessThan(isos.indexOf('SRB'));
  });

  it('upstream reports (Danube at Izmail, Syr Darya at Kyzylorda) are identical', () => {
    for (const [lon, lat] of [
      [28.83, 45.35],
      [65.5, 44.85],
    ] as const) {
      const run = (s: Services) =>
        upstreamReport(
          s.upstream,
          snapToNetwork(s.network, lon, lat, 25)!,
          { limit: 1000 },
          sitesInTreeRange(s.db),
          'test',
        );
      const r = run(compact);
      // Source: seed register — Almalyk and Mailuu-Suu lie upstream of Kyzylorda, Pančevo upstream of Izmail.
      expect(r.sites.length).toBeGreaterThan(3);
      expect(r).toEqual(run(objects));
    }
  });

  it("the register's derived fields are identical for every place", () => {
    for (const p of PLACES) {
      expect(compact.hydrology.describe(p.lon, p.lat, p.river)).toEqual(
        objects.hydrology.describe(p.lon, p.lat, p.river),
      );
    }
  });

  it('2,000 seeded random points snap to the same reach and offset', () => {
    let x = 7;
    const rand = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    const snapOf = (net: RiverNetwork, lon: number, lat: number) => {
      const s = snapToNetwork(net, lon, lat, 25);
      return s && { id: s.reach.id, offsetKm: s.offsetKm, lon: s.lon, lat: s.lat, d: s.distanceKm };
    };
    let snapped = 0;
    for (let i = 0; i < 2000; i++) {
      // Europe and Central Asia, where the register's basins are.
      const lon = -10 + rand() * 90;
      const lat = 35 + rand() * 25;
      const a = snapOf(objects.network, lon, lat);
      expect(snapOf(compact.network, lon, lat)).toEqual(a);
      if (a) snapped++;
    }
    expect(snapped).toBeGreaterThan(200);
  });

  it('reads back the artifact the build wrote, stamped with the build', () => {
    const data = readNetworkArtifact(artifactPathFor(builtDbPath()));
    expect(data.meta.stamp).toBe(objects.meta.built_at);
    expect(data.arrays.from.length).toBe(objects.network.reaches.length);
  });
});

describe('which network the server loads', () => {
  it('uses a fresh artifact, falls back to the rows when it is stale or damaged', () => {
    const dbPath = copyOfBuiltDb();
    const file = artifactPathFor(dbPath);
    const source = () => {
      const db = openDb(dbPath);
      try {
        return loadNetworkFor(db, dbPath).source;
      } finally {
        db.close();
      }
    };
    expect(source()).toBe('sqlite'); // the copy has no artifact beside it
    const db = openDb(dbPath);
    writeArtifactFromDb(db, dbPath);
    db.close();
    expect(source()).toBe('artifact');
    const header = readArtifactMeta(file)!;
    expect(header.nodeCount).toBeGreaterThan(5000);
    // A rebuilt database (new built_at) makes the artifact stale.
    const db2 = openDb(dbPath);
    db2.prepare("UPDATE net_meta SET value = 'rebuilt' WHERE key = 'built_at'").run();
    db2.close();
    expect(source()).toBe('sqlite');
    // Damaged bytes: a clear error when read directly, the rows when the server starts.
    fs.writeFileSync(file, 'not an artifact at all');
    expect(() => readNetworkArtifact(file)).toThrow(ArtifactError);
    expect(() => readNetworkArtifact(file)).toThrow(/rebuild with `npm run build:db`/);
    expect(source()).toBe('sqlite');
    fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
  });
});

function pick(r: RiverNetwork['reaches'][number]) {
  return {
    id: r.id,
    from: r.from,
    to: r.to,
    coords: Array.from(r.coords),
    cumKm: Array.from(r.cumKm),
    lengthKm: r.lengthKm,
    name: r.name,
    nameAlt: r.nameAlt,
    nameLocal: r.nameLocal,
    nameRu: r.nameRu,
    nameSource: r.nameSource,
    arm: r.arm,
    featurecla: r.featurecla,
    scalerank: r.scalerank,
    runs: r.runs,
    country: r.country,
    basinId: r.basinId,
  };
}
