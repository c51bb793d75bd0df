import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyAnnexI } from '../../../server/core/hazard/annex-i.js';
import { annexITable, thiScores } from '../../../server/core/hazard/tables.js';
import { computeThi } from '../../../server/core/hazard/thi.js';
import { computeWri } from '../../../server/core/hazard/wri.js';
import { formatZodIssues, Site } from '../../../server/core/register/site-schema.js';

interface SeedRecord {
  id: string;
  name: string;
  locationPrecision: unknown;
  expectedBasin: unknown;
  [k: string]: unknown;
}

const seed = JSON.parse(readFileSync(new URL('../../../data/seed/sites.json', import.meta.url), 'utf8')) as {
  sites: SeedRecord[];
};

/** Generous bounding boxes of each basin [minLon, minLat, maxLon, maxLat]: catches swapped lon/lat and wrong basins. */
const BASIN_BBOX: Record<string, [number, number, number, number]> = {
  Danube: [8.1, 42.0, 29.8, 50.3],
  'Syr Darya': [60.5, 39.0, 78.6, 47.0],
  Dniester: [22.5, 45.9, 30.5, 50.0],
  'Amu Darya': [58.0, 35.0, 75.5, 44.0],
  'Issyk-Kul': [76.0, 41.9, 79.0, 43.0],
};

const parsed = seed.sites.map(({ locationPrecision, expectedBasin, ...rest }) => ({
  raw: { locationPrecision, expectedBasin },
  result: Site.safeParse(rest),
}));
const sites = parsed.flatMap((p) => (p.result.success ? [{ ...p.result.data, ...p.raw }] : []));

describe('seed register (data/seed/sites.json)', () => {
  it('every record passes the register schema', () => {
    const failures = parsed.flatMap((p, i) =>
      p.result.success ? [] : [`${seed.sites[i]?.name}: ${JSON.stringify(formatZodIssues(p.result.error))}`],
    );
    expect(failures).toEqual([]);
  });

  it('has enough sites, TMFs and sites per basin', () => {
    expect(sites.length).toBeGreaterThanOrEqual(60);
    expect(sites.filter((s) => s.kind === 'tmf').length).toBeGreaterThanOrEqual(15);
    const per = (b: string) => sites.filter((s) => s.expectedBasin === b).length;
    expect(per('Danube')).toBeGreaterThanOrEqual(20);
    expect(per('Syr Darya')).toBeGreaterThanOrEqual(20);
  });

  it('has unique ids and names', () => {
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    expect(new Set(sites.map((s) => s.name.toLowerCase())).size).toBe(sites.length);
  });

  it('places every site inside the bounding box of its expected basin', () => {
    const outside = sites.filter((s) => {
      const box = BASIN_BBOX[String(s.expectedBasin)];
      if (!box) return true;
      const { lon, lat } = s.location;
      return lon < box[0] || lat < box[1] || lon > box[2] || lat > box[3];
    });
    expect(outside.map((s) => `${s.name} (${s.expectedBasin})`)).toEqual([]);
  });

  it('says how precise each coordinate is and cites at least one source', () => {
    for (const s of sites) {
      expect(['site', 'approximate'], s.name).toContain(s.locationPrecision);
      expect(s.sources.length, s.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps non-Danube sites out of the Danube and Syr Darya counts (Kadji-Say drains to Issyk-Kul)', () => {
    expect(sites.find((s) => s.name.startsWith('Kadji-Say'))?.expectedBasin).toBe('Issyk-Kul');
    expect(sites.some((s) => /Neochim|Petromidia/.test(s.name))).toBe(false);
  });

  it('can be scored: Annex I and WRI for every site, THI for every TMF', () => {
    const asOf = new Date('2026-11-22T00:00:00Z');
    for (const s of sites) {
      const a = classifyAnnexI(s.substances, annexITable);
      expect(
        a.substances.every((l) => l.match.kind !== 'unmatched' || l.match.reason.startsWith('no named')),
        s.name,
      ).toBe(true);
      computeWri(s.substances);
      if (s.tmf) expect(computeThi({ ...s.tmf, status: s.status }, thiScores, asOf).ok, s.name).toBe(true);
    }
    // 30,000 t fertiliser-grade AN at Azomureș: 30000/5000 = 6 → named rule
    const azomures = sites.find((s) => s.name === 'Azomureș fertiliser plant');
    expect(azomures && classifyAnnexI(azomures.substances, annexITable).rule).toMatchObject({
      kind: 'named',
      substanceId: 'ammonium-nitrate-b',
      ratio: 6,
    });
  });
});
