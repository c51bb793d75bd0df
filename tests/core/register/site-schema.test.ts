import { describe, expect, it } from 'vitest';
import { formatZodIssues, Site, SiteInput, SitePatch } from '../../../server/core/register/site-schema.js';

const base = {
  name: 'Test plant',
  kind: 'hazardous_activity',
  sector: 'chemical',
  status: 'operating',
  location: { lon: 24.37, lat: 45.06 },
  sources: [{ title: 'Operator web page' }],
  substances: [{ name: 'Chlorine', casNumber: '7782-50-5', quantityTonnes: 30, wgk: 2, estimate: true }],
};

const tmf = {
  volumeM3: 1e6,
  areaHa: 40,
  maxDamHeightM: 25,
  damRaiseType: 'upstream',
  material: 'gold tailings',
  toxicConstituents: ['cyanide'],
  yearCommissioned: 1999,
  lastIndependentReview: null,
  emergencyPlan: false,
  floodExposure: 'high',
  seismicExposure: 'low',
};

function issues(schema: typeof SiteInput | typeof SitePatch, v: unknown) {
  const r = schema.safeParse(v);
  expect(r.success).toBe(false);
  return r.success ? [] : formatZodIssues(r.error);
}

describe('SiteInput', () => {
  it('accepts a minimal site and trims / NFC-normalises text', () => {
    // "Săsar" typed as S, a, combining breve (U+0306), s, a, r
    const r = SiteInput.parse({ ...base, name: '  Plant ', receivingRiver: 'Sa\u0306sar' });
    expect(r.name).toBe('Plant');
    expect(r.receivingRiver).toBe('S\u0103sar');
  });

  it('reports a bad CAS check digit at substances.0.casNumber', () => {
    const bad = { ...base, substances: [{ ...base.substances[0], casNumber: '7782-50-4' }] };
    expect(issues(SiteInput, bad)).toEqual([
      { path: 'substances.0.casNumber', message: 'CAS number check digit should be 5, not 4' },
    ]);
  });

  it('rejects an Annex I category that is not in the table', () => {
    const bad = { ...base, substances: [{ ...base.substances[0], annexICategory: 'H9' }] };
    expect(issues(SiteInput, bad)[0]?.path).toBe('substances.0.annexICategory');
    const ok = { ...base, substances: [{ ...base.substances[0], annexICategory: 'E1' }] };
    expect(SiteInput.safeParse(ok).success).toBe(true);
  });

  it("requires tmf attributes for kind 'tmf' and forbids them otherwise", () => {
    expect(issues(SiteInput, { ...base, kind: 'tmf', sector: 'mining_metallurgy' })).toEqual([
      { path: 'tmf', message: "tmf attributes are required when kind is 'tmf'" },
    ]);
    expect(issues(SiteInput, { ...base, tmf })[0]?.message).toBe(
      "tmf attributes are only allowed when kind is 'tmf'",
    );
    expect(SiteInput.safeParse({ ...base, kind: 'tmf', tmf }).success).toBe(true);
  });

  it('checks tmf enumerations against the THI score table', () => {
    const bad = {
      ...base,
      kind: 'tmf',
      tmf: { ...tmf, seismicExposure: 'extreme', toxicConstituents: ['cyanide', 'cyanide'] },
    };
    expect(issues(SiteInput, bad).map((i) => i.path)).toEqual([
      'tmf.toxicConstituents',
      'tmf.seismicExposure',
    ]);
  });

  it('checks ranges, lengths, sources and unknown keys', () => {
    const got = issues(SiteInput, {
      ...base,
      name: 'x'.repeat(201),
      location: { lon: 24, lat: 95 },
      sources: [],
      colour: 'red',
    });
    expect(got).toEqual([
      { path: 'name', message: 'must be at most 200 characters' },
      { path: 'location.lat', message: 'latitude must be between -90 and 90 (WGS84 degrees)' },
      { path: 'sources', message: 'give at least one source' },
      { path: '', message: 'Unrecognized key: "colour"' },
    ]);
  });

  it('validates the footprint polygon', () => {
    const ring = [
      [24.36, 45.05],
      [24.38, 45.05],
      [24.38, 45.07],
      [24.36, 45.05],
    ];
    expect(
      SiteInput.safeParse({ ...base, footprint: { type: 'Polygon', coordinates: [ring] } }).success,
    ).toBe(true);
    const open = [...ring.slice(0, 3), [24.36, 45.07]];
    expect(
      issues(SiteInput, { ...base, footprint: { type: 'Polygon', coordinates: [open] } })[0]?.message,
    ).toMatch(/closed/);
    expect(
      issues(SiteInput, { ...base, footprint: { type: 'Polygon', coordinates: [ring.slice(1)] } })[0]
        ?.message,
    ).toMatch(/at least 4 positions/);
    expect(issues(SiteInput, { ...base, footprint: { type: 'Point', coordinates: [24, 45] } })[0]?.path).toBe(
      'footprint.type',
    );
  });

  it('rejects non-http source URLs and badly written dates', () => {
    const got = issues(SiteInput, {
      ...base,
      sources: [{ title: 'x', url: 'ftp://x.org/a', accessed: '22.11.2026' }],
    });
    expect(got.map((i) => i.path)).toEqual(['sources.0.url', 'sources.0.accessed']);
  });
});

describe('Site', () => {
  it('requires a UUID id', () => {
    expect(Site.safeParse(base).success).toBe(false);
    expect(Site.safeParse({ ...base, id: 'not-a-uuid' }).success).toBe(false);
    expect(Site.safeParse({ ...base, id: '0b8f2f8e-8d0a-4c1e-9a43-3c1c9b3f6a10' }).success).toBe(true);
  });
});

describe('SitePatch', () => {
  it('takes any subset of fields but needs the version read', () => {
    expect(SitePatch.parse({ version: 3, notes: ' checked ' })).toEqual({ version: 3, notes: 'checked' });
    expect(issues(SitePatch, { notes: 'x' })).toEqual([
      { path: 'version', message: 'version is required (the version you read)' },
    ]);
    expect(issues(SitePatch, { version: 1, id: '0b8f2f8e-8d0a-4c1e-9a43-3c1c9b3f6a10' })[0]?.message).toMatch(
      /Unrecognized key/,
    );
  });
});
