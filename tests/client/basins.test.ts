// Basin selector choices: focus basins first (the Danube followed by its delta), others by name.
import { describe, expect, it } from 'vitest';
import { basinChoices, choiceKey } from '../../client/src/lib/basins.js';
import type { Basin, Catchments } from '../../shared/api.js';

const basin = (id: number, name: string, outlets: string[]): Basin => ({
  id,
  name,
  lengthKm: 100,
  bbox: [0, 0, 1, 1],
  outlets,
});

const catchments: Catchments = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [] },
      properties: {
        basinId: 49,
        name: 'Danube',
        kind: 'basin',
        approximate: true,
        areaKm2: 1,
        bbox: [7.9, 42.1, 29.7, 50.3],
        role: 'area',
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [] },
      properties: {
        basinId: 49,
        name: 'Danube Delta',
        kind: 'delta',
        approximate: true,
        areaKm2: 1,
        bbox: [28.5, 44.5, 29.7, 45.8],
        role: 'area',
      },
    },
  ],
};

describe('basinChoices', () => {
  const basins = [
    basin(7, 'Elbe', ['North Sea']),
    basin(124, 'Syr Darya', ['Aral Sea']),
    basin(3, 'Aa', ['Baltic Sea']),
    basin(49, 'Danube', ['Black Sea']),
  ];

  it('lists Danube, Danube Delta, Syr Darya first, then the rest alphabetically', () => {
    const c = basinChoices(basins, catchments);
    expect(c.map((x) => x.label)).toEqual(['Danube', 'Danube Delta', 'Syr Darya', 'Aa', 'Elbe']);
    expect(c.map((x) => x.focus)).toEqual([true, true, true, false, false]);
  });

  it('fits to the catchment box when known, and the delta filters sites of its basin', () => {
    const [danube, delta] = basinChoices(basins, catchments);
    expect(danube?.bbox).toEqual([7.9, 42.1, 29.7, 50.3]);
    expect(delta).toMatchObject({ key: 'delta:49', basinId: 49, basinName: 'Danube', delta: true });
    expect(delta?.bbox).toEqual([28.5, 44.5, 29.7, 45.8]);
    // Without catchments (still loading), the river bbox and no delta.
    const bare = basinChoices(basins, null);
    expect(bare.find((x) => x.basinId === 49)?.bbox).toEqual([0, 0, 1, 1]);
    expect(bare.some((x) => x.delta)).toBe(false);
  });

  it('keys choices so the URL state maps back to the selector', () => {
    expect(choiceKey(undefined, true)).toBe('');
    expect(choiceKey(49, false)).toBe('49');
    expect(choiceKey(49, true)).toBe('delta:49');
  });
});
