// The reviewed files in data/ are all read through one loader that validates each with its schema: the
// checkout's files pass, and a broken edit or an unregistered file is refused naming the file and field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DATA_DIR,
  loadReferenceData,
  REFERENCE_SCHEMAS,
  ReferenceDataError,
} from '../../server/storage/reference-data.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-reference-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of data/*.json in a fresh directory, with `edit` applied to one parsed file. */
function copyWith(name: string, edit: (doc: Record<string, unknown>) => void): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'data-'));
  for (const f of fs.readdirSync(DATA_DIR).filter((n) => n.endsWith('.json')))
    fs.copyFileSync(path.join(DATA_DIR, f), path.join(dir, f));
  const doc = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
  edit(doc);
  fs.writeFileSync(path.join(dir, name), JSON.stringify(doc));
  return dir;
}

describe('loadReferenceData', () => {
  it('validates every reviewed file of the checkout, each with a schema', () => {
    const files = fs.readdirSync(DATA_DIR).filter((n) => n.endsWith('.json'));
    expect(Object.keys(REFERENCE_SCHEMAS).sort()).toEqual(files.sort());
    const data = loadReferenceData();
    // data/terminal-lakes.json: the Aral Sea ends the Syr Darya and Amu Darya.
    expect(data['terminal-lakes.json'].lakes.map((l) => l.name)).toContain('Aral Sea');
    // data/network-errata.json: the Zeravshan ends in the desert near Karakul (inland system).
    expect(data['network-errata.json'].inlandSystems.map((s) => s.river)).toContain('Zeravshan');
  });

  it('refuses a terminal lake without its reason, naming the file and the field', () => {
    const dir = copyWith('terminal-lakes.json', (doc) => {
      (doc.lakes as Record<string, unknown>[])[0] = { name: 'Aral Sea', match: ['Aral Sea'] };
    });
    expect(() => loadReferenceData(dir)).toThrow(ReferenceDataError);
    expect(() => loadReferenceData(dir)).toThrow(
      /terminal-lakes\.json is not a valid terminal-lakes\.json: lakes\.0\.reason/,
    );
  });

  it('refuses an erratum off the globe (network-errata.json was cast, unchecked, before)', () => {
    const dir = copyWith('network-errata.json', (doc) => {
      (doc.cutEdges as Record<string, unknown>[])[0] = { lon: 195.5, lat: 49.4, radiusKm: 1, reason: 'typo' };
    });
    expect(() => loadReferenceData(dir)).toThrow(/network-errata\.json.*cutEdges\.0\.lon/);
  });

  it('refuses a reviewed file nobody validates', () => {
    const dir = copyWith('runoff.json', () => {});
    fs.writeFileSync(path.join(dir, 'gauges.json'), '{"gauges": []}');
    expect(() => loadReferenceData(dir)).toThrow(/gauges\.json has no schema/);
  });
});
