// The compact engine gives the same downstream path as the NEXT_DOWN build, survives a write/read
// round trip byte for byte, and snaps to the nearest reach.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHydroRivers } from '../../../scripts/hydrorivers/records.js';
import { CompactNetwork, compactInputFromEdges } from '../../../server/core/network/compact-network.js';
import { buildHydroNetwork } from '../../../server/core/network/hydrorivers.js';
import { readCompactNetwork, writeCompactNetwork } from '../../../server/storage/compact-file.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/hydrorivers/fergana-kamchiya.geojson');

describe('CompactNetwork', () => {
  const hydro = buildHydroNetwork(readHydroRivers(FIXTURE));
  const net = CompactNetwork.build(compactInputFromEdges(hydro.edges, hydro.outlets));
  const bySource = (id: number) => hydro.edges.findIndex((e) => e.sourceId === id);

  it('traces Mailuu-Suu → Kara Darya → Syr Darya to the Aral Sea like the NEXT_DOWN build', () => {
    const t = net.trace(bySource(40100010));
    expect(t.reaches.map((r) => net.a.sourceId[r])).toEqual([
      40100010, 40100011, 40100003, 40100030, 40100031, 40100032, 40100033,
    ]);
    const km = t.reaches.reduce((s, r) => s + hydro.edges[r]!.lengthKm, 0);
    expect(t.lengthKm).toBeCloseTo(km, 0); // Float32 vertices: within a few metres over ~1,600 km
    expect(hydro.outlets[t.outlet]!.kind).toBe('inland_sink');
    expect(net.name(t.reaches[0]!)).toBeNull(); // the fixture names come from names.csv, not the file
  });

  it('snaps a point in the town of Mailuu-Suu (41.27 N 72.45 E) to the Mailuu-Suu reach', () => {
    const s = net.snap(72.452, 41.267, 5);
    expect(s && net.a.sourceId[s.reach]).toBe(40100010);
    expect(s!.distanceKm).toBeLessThan(0.5);
    expect(net.snap(50, 0, 5)).toBeNull();
  });

  it('writes one file and reads it back as views into one buffer, identical', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-compact-')), 'n.bin');
    writeCompactNetwork(file, net);
    const back = readCompactNetwork(file);
    expect(fs.statSync(file).size).toBe(net.buffer.byteLength);
    expect(Buffer.from(back.buffer).equals(Buffer.from(net.buffer))).toBe(true);
    expect(back.a.coords.buffer).toBe(back.buffer);
    expect(back.trace(bySource(20500001)).reaches.map((r) => back.a.sourceId[r])).toEqual([
      20500001, 20500002,
    ]);
  });

  it('refuses a file that is not one', () => {
    expect(() => CompactNetwork.fromBuffer(new ArrayBuffer(256))).toThrow(/bad magic number/);
  });
});
