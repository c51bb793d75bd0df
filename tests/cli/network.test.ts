import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { builtDbPath } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = builtDbPath();
});
const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas network check', () => {
  it('reports where each reviewed supplement line joins, and exits 0', () => {
    const r = cli('network', 'check', 'data/network-supplement.geojson');
    expect(r.status).toBe(0);
    // Chirchik mouth at Yangi Chinoz, 40.8993 N 68.7076 E (Wikipedia): on Natural Earth's Syr Darya.
    expect(r.stdout).toMatch(/✓ Chirchik \(approximate\) → Syr Darya at 68\.71\d\d, 40\.89\d\d/);
    expect(r.stdout).toMatch(/✓ Săsar \(approximate\) → Lăpuș/);
    expect(r.stdout).toContain('10 line(s); all join within 5 km.');
  });

  it('gives JSON with --json', () => {
    const r = cli('network', 'check', 'data/network-supplement.geojson', '--json');
    const json = JSON.parse(r.stdout) as { lines: { name: string; ok: boolean; distanceKm: number }[] };
    expect(json.lines).toHaveLength(10);
    expect(json.lines.every((l) => l.ok && l.distanceKm <= 5)).toBe(true);
  });

  it('exits 2 naming a line whose end is far from its river, and a line with missing fields', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-supplement-'));
    const far = path.join(dir, 'far.geojson');
    fs.writeFileSync(
      far,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'Chirchik', flowsInto: 'Syr Darya', source: 'test', approximate: true },
            // Ends in Tashkent, ~45 km from the Syr Darya.
            geometry: {
              type: 'LineString',
              coordinates: [
                [69.58, 41.47],
                [69.24, 41.31],
              ],
            },
          },
        ],
      }),
    );
    const r = cli('network', 'check', far);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(
      /✗ .*Chirchik\): its downstream end \(69\.2400, 41\.3100\) is not within 5 km of Syr Darya/,
    );
    const bad = path.join(dir, 'bad.geojson');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: null }],
      }),
    );
    const b = cli('network', 'check', bad);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/feature 1 \(properties\.name\): give the river name/);
  });
});
