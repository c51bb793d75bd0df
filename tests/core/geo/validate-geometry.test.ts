// The shared geometry validator: sound real-world shapes pass; each kind of broken input is reported with a path.
import { describe, expect, it } from 'vitest';
import { validateGeometry, validatePolygon } from '../../../server/core/geo/validate-geometry.js';

// Rough outline of the Baia Mare Aurul tailings pond area (Romania), closed, counter-clockwise.
const AURUL = {
  type: 'Polygon',
  coordinates: [
    [
      [23.505, 47.64],
      [23.52, 47.64],
      [23.52, 47.65],
      [23.505, 47.65],
      [23.505, 47.64],
    ],
  ],
};

describe('validateGeometry', () => {
  it('accepts a closed real footprint, a point and a river line', () => {
    expect(validatePolygon(AURUL)).toEqual([]);
    expect(validateGeometry({ type: 'Point', coordinates: [16.37, 48.21] }).ok).toBe(true);
    expect(
      validateGeometry({
        type: 'LineString',
        coordinates: [
          [16.37, 48.21],
          [17.1, 48.14],
          [18.9, 47.8],
        ],
      }).ok,
    ).toBe(true);
  });

  it('reports an open ring', () => {
    const open = {
      type: 'Polygon',
      coordinates: [AURUL.coordinates[0]!.slice(0, 4).concat([[23.506, 47.64]])],
    };
    const issues = validatePolygon(open);
    expect(issues.map((i) => i.code)).toContain('not_closed');
    expect(issues[0]?.path).toBe('coordinates.0');
  });

  it('reports a bow-tie with the crossing point', () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [23.5, 47.6],
          [23.6, 47.7],
          [23.6, 47.6],
          [23.5, 47.7],
          [23.5, 47.6],
        ],
      ],
    };
    const issues = validatePolygon(bowTie);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('self_intersection');
    expect(issues[0]?.message).toContain('[23.55, 47.65]');
  });

  it('reports swapped or projected coordinates as out of range, with the position path', () => {
    const projected = { type: 'Point', coordinates: [601339, 5340690] };
    const r = validateGeometry(projected);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'out_of_range', path: 'coordinates' });
    const swapped = {
      type: 'Polygon',
      coordinates: [
        [
          [47.6, 23.5],
          [47.7, 123.5],
          [47.6, 23.6],
          [47.6, 23.5],
        ],
      ],
    };
    expect(validatePolygon(swapped).map((i) => i.path)).toEqual(['coordinates.0.1']);
  });

  it('rejects non-finite numbers, wrong nesting, wrong types and too many positions', () => {
    expect(validateGeometry({ type: 'Point', coordinates: [Number.NaN, 1] }).ok).toBe(false);
    expect(validateGeometry({ type: 'Point', coordinates: ['16', '48'] }).ok).toBe(false);
    expect(validatePolygon({ type: 'Polygon', coordinates: [[16, 48]] })[0]?.code).toBe('bad_structure');
    expect(validatePolygon({ type: 'Point', coordinates: [16, 48] })[0]?.path).toBe('type');
    expect(validatePolygon(null)[0]?.code).toBe('bad_structure');
    const ring = Array.from({ length: 200 }, (_, i) => {
      const a = (i / 200) * 2 * Math.PI;
      return [23.5 + 0.01 * Math.cos(a), 47.6 + 0.01 * Math.sin(a)];
    });
    ring.push(ring[0]!);
    expect(validatePolygon({ type: 'Polygon', coordinates: [ring] })).toEqual([]);
    expect(validatePolygon({ type: 'Polygon', coordinates: [ring] }, 100)[0]?.code).toBe(
      'too_many_positions',
    );
  });

  it('reports a hole that crosses its outer ring', () => {
    const holed = {
      type: 'Polygon',
      coordinates: [
        AURUL.coordinates[0],
        [
          [23.51, 47.645],
          [23.53, 47.645],
          [23.53, 47.648],
          [23.51, 47.648],
          [23.51, 47.645],
        ],
      ],
    };
    expect(validatePolygon(holed).map((i) => i.code)).toEqual(['self_intersection']);
  });
});
