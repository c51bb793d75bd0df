// Reach names on small hand-drawn networks: reviewed stretches and spellings, name_alt, inference
// along the main stem, "tributary of X", and a naming split that keeps the network connected; the
// reviewed files carry a source for every record and all of it matches the real network.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../../server/core/network/build-network.js';
import { type RiverNames, resolveReachNames } from '../../../server/core/network/river-names.js';
import {
  DEFAULT_BUILD_OPTIONS,
  type Diagnostic,
  type RiverLine,
} from '../../../server/core/network/types.js';
import { builtDbPath, ROOT } from '../../support/database.js';

const line = (coords: number[][], extra: Partial<RiverLine> = {}): RiverLine => ({
  coords: coords.flat(),
  name: null,
  nameAlt: [],
  featurecla: 'River',
  scalerank: 6,
  source: 'world',
  ...extra,
});
// Coast at lon 1.0: the main river flows east along lat 0 to the sea.
const COAST = [[1.0, -1, 1.0, 1]];
const NONE: RiverNames = { rivers: [], stretches: [], splits: [] };
const build = (rivers: RiverLine[], names: RiverNames = NONE) => {
  const net = buildNetwork(
    { rivers, coastline: COAST, terminalLakes: [] },
    { noSnap: [], cutEdges: [], directions: [], splitEdges: names.splits },
    DEFAULT_BUILD_OPTIONS,
  );
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveReachNames(net.edges, net.nodeLon.length, names, diagnostics);
  const at = (lon: number) => {
    const i = net.edges.findIndex((e) => {
      const xs = [e.coords[0]!, e.coords.at(-2)!];
      return lon > Math.min(...xs) && lon < Math.max(...xs) && Math.abs(e.coords[1]!) < 1e-9;
    });
    return resolved[i]!;
  };
  return { net, resolved, at, diagnostics };
};

describe('resolveReachNames', () => {
  it('carries a named river down an unnamed main-stem chain, but not past a confluence of two named rivers', () => {
    const upper = line(
      [
        [0, 0],
        [0.3, 0],
      ],
      { name: 'Alpha' },
    );
    const middle = line([
      [0.3, 0],
      [0.6, 0],
    ]);
    const lower = line([
      [0.6, 0],
      [0.999, 0],
    ]);
    // A named river of the same rank joins at 0.6: below, a new river begins (Naryn + Kara Darya).
    const beta = line(
      [
        [0.6, 0.4],
        [0.6, 0],
      ],
      { name: 'Beta' },
    );
    const { at } = build([upper, middle, lower, beta]);
    expect(at(0.45)).toMatchObject({ name: 'Alpha', nameSource: 'inferred' });
    expect(at(0.8).name).toBeNull();
  });

  it('names an unnamed headwater "tributary of X" and a same-rank unnamed upper course after its river', () => {
    const main = line(
      [
        [0.3, 0],
        [0.999, 0],
      ],
      { name: 'Gamma' },
    );
    const upper = line([
      [0, 0],
      [0.3, 0],
    ]);
    const trib = line(
      [
        [0.6, 0.3],
        [0.6, 0],
      ],
      { scalerank: 10 },
    );
    const { net, resolved, at } = build([main, upper, trib]);
    expect(at(0.1)).toMatchObject({ name: 'Gamma', nameSource: 'inferred' });
    const t = net.edges.findIndex((e) => e.coords[0] === 0.6 && e.coords[1] === 0.3);
    expect(resolved[t]).toMatchObject({ name: 'tributary of Gamma', nameSource: 'inferred' });
  });

  it('applies reviewed spellings inside their box only, name_alt for unnamed lines, and reviewed stretches first', () => {
    const names: RiverNames = {
      rivers: [
        {
          name: 'Danube',
          nameLocal: 'Donau',
          nameRu: 'Дунай',
          aliases: ['Donau'],
          bbox: [0, -1, 0.5, 1],
          source: 'test',
        },
      ],
      stretches: [
        {
          name: 'Tisza',
          from: { lon: 0.85, lat: 0, ne: 'Somes' },
          to: { lon: 0.85, lat: 0, ne: 'Somes' },
          source: 'test',
        },
      ],
      splits: [],
    };
    const a = line(
      [
        [0, 0],
        [0.4, 0],
      ],
      { name: 'Donau' },
    );
    const b = line(
      [
        [0.4, 0],
        [0.7, 0],
      ],
      { name: 'Donau' },
    );
    const c = line(
      [
        [0.7, 0],
        [0.999, 0],
      ],
      { name: 'Somes' },
    );
    const alt = line(
      [
        [0.2, 0.3],
        [0.2, 0],
      ],
      { nameAlt: ['Inn, Danube'], scalerank: 8 },
    );
    const { at, resolved, net } = build([a, b, c, alt], names);
    expect(at(0.1)).toMatchObject({
      name: 'Danube',
      nameLocal: 'Donau',
      nameRu: 'Дунай',
      nameSource: 'reviewed',
    });
    // Outside the box "Donau" stays Natural Earth's.
    expect(at(0.55)).toMatchObject({ name: 'Donau', nameSource: 'natural_earth' });
    expect(at(0.85)).toMatchObject({ name: 'Tisza', nameSource: 'reviewed' });
    const i = net.edges.findIndex((e) => e.coords[1] === 0.3);
    expect(resolved[i]).toMatchObject({ name: 'Inn', nameSource: 'name_alt' });
  });

  it('a naming split divides a reach without disconnecting it, so the name changes at the confluence point', () => {
    const river = line(
      [
        [0, 0],
        [0.5, 0],
        [0.999, 0],
      ],
      { name: 'Naryn' },
    );
    const names: RiverNames = {
      rivers: [],
      stretches: [
        {
          name: 'Syr Darya',
          from: { lon: 0.8, lat: 0, ne: 'Naryn' },
          to: { lon: 0.8, lat: 0, ne: 'Naryn' },
          source: 'test',
        },
      ],
      splits: [{ lon: 0.7, lat: 0.001, reason: 'test' }],
    };
    const { net, at } = build([river], names);
    expect(net.edges).toHaveLength(2);
    expect(net.edges[0]!.to).toBe(net.edges[1]!.from);
    expect(net.outlets).toHaveLength(1);
    expect(at(0.3).name).toBe('Naryn');
    expect(at(0.85).name).toBe('Syr Darya');
  });

  it('reports a reviewed stretch that matches no reach', () => {
    const names: RiverNames = {
      rivers: [],
      stretches: [
        { name: 'X', from: { lon: 5, lat: 5, ne: null }, to: { lon: 5, lat: 5, ne: null }, source: 'test' },
      ],
      splits: [],
    };
    const { diagnostics } = build(
      [
        line(
          [
            [0, 0],
            [0.999, 0],
          ],
          { name: 'A' },
        ),
      ],
      names,
    );
    expect(diagnostics.map((d) => d.kind)).toEqual(['errata_unused']);
  });
});

describe('data/river-names.json and data/network-errata.json (reviewed files)', () => {
  const read = (f: string) =>
    JSON.parse(fs.readFileSync(path.join(ROOT, 'data', f), 'utf8')) as Record<string, unknown>;

  it('give every record a source or reason, and every reviewed river its local and Russian names', () => {
    const names = read('river-names.json') as unknown as RiverNames;
    for (const r of names.rivers) {
      expect(r.source.length, r.name).toBeGreaterThan(20);
      expect(r.nameLocal, r.name).toBeTruthy();
      expect(r.nameRu, r.name).toMatch(/[А-Яа-яЁё]/);
      expect(r.bbox[0]).toBeLessThan(r.bbox[2]);
      expect(r.bbox[1]).toBeLessThan(r.bbox[3]);
    }
    for (const s of names.stretches) expect(s.source.length, s.name).toBeGreaterThan(20);
    for (const s of names.splits) expect(s.reason.length).toBeGreaterThan(20);
    const errata = read('network-errata.json') as {
      cutEdges: { reason: string }[];
      inlandSystems: { source: string }[];
      reviewedLinks: { reason: string }[];
    };
    for (const rec of [...errata.cutEdges, ...errata.reviewedLinks])
      expect(rec.reason.length).toBeGreaterThan(20);
    for (const rec of errata.inlandSystems) expect(rec.source.length).toBeGreaterThan(20);
  });

  it('every reviewed stretch, split and cut matched the real network (no unused errata in the build)', () => {
    const db = new Database(builtDbPath(), { readonly: true });
    const diagnostics = JSON.parse(
      (db.prepare("SELECT value FROM net_meta WHERE key = 'diagnostics'").get() as { value: string }).value,
    ) as { kind: string; message: string }[];
    db.close();
    expect(diagnostics.filter((d) => d.kind === 'errata_unused')).toEqual([]);
  });
});
