// Douglas–Peucker simplification keeps the ends and stays within the tolerance of the full line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectOnSegment } from '../../../server/core/geo/geodesy.js';
import { simplifyLine } from '../../../server/core/geo/simplify.js';

describe('simplifyLine', () => {
  it('drops a vertex 50 m off a straight 10 km line at 0.1 km, keeps one 500 m off', () => {
    // Along the Danube at Vienna, 48.2 N: 0.0045° of latitude ≈ 0.5 km.
    expect(
      simplifyLine(
        [
          [16.3, 48.2],
          [16.365, 48.2004],
          [16.43, 48.2],
        ],
        0.1,
      ),
    ).toHaveLength(2);
    expect(
      simplifyLine(
        [
          [16.3, 48.2],
          [16.365, 48.2045],
          [16.43, 48.2],
        ],
        0.1,
      ),
    ).toHaveLength(3);
  });

  it('keeps both ends and every dropped vertex within the tolerance (random lines)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -0.5, max: 0.5, noNaN: true }),
            fc.double({ min: -0.5, max: 0.5, noNaN: true }),
          ),
          {
            minLength: 2,
            maxLength: 60,
          },
        ),
        (steps) => {
          const line: number[][] = [];
          let [x, y] = [20, 45];
          for (const [dx, dy] of steps) {
            x += dx * 0.1;
            y += dy * 0.1;
            line.push([x, y]);
          }
          const out = simplifyLine(line, 0.2, 9);
          expect(out[0]).toEqual(line[0]!.map((v) => Math.round(v * 1e9) / 1e9));
          expect(out.at(-1)).toEqual(line.at(-1)!.map((v) => Math.round(v * 1e9) / 1e9));
          for (const [px, py] of line) {
            let best = Number.POSITIVE_INFINITY;
            for (let i = 0; i + 1 < out.length; i++)
              best = Math.min(
                best,
                projectOnSegment(px!, py!, out[i]![0]!, out[i]![1]!, out[i + 1]![0]!, out[i + 1]![1]!)
                  .distanceKm,
              );
            expect(best).toBeLessThan(0.2 * 1.02 + 1e-6); // planar vs geodesic: within 2 % at these sizes
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
