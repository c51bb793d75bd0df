// findDelta on small hand-made networks: a split that rejoins is not a delta; a split to two outlets is.
import { describe, expect, it } from 'vitest';
import { type DeltaNetwork, findDelta } from '../../../server/core/network/delta.js';

function net(edges: [number, number][], outlets: number[], basinId = 1): DeltaNetwork {
  const nodes = Math.max(...edges.flat()) + 1;
  const reaches = edges.map(([from, to], id) => ({ id, from, to, basinId }));
  const outflows = Array.from({ length: nodes }, (_, n) =>
    reaches.filter((r) => r.from === n).map((r) => r.id),
  );
  return { reaches, outflows, outletAt: new Map(outlets.map((node, i) => [node, { id: 100 + i }])) };
}

describe('findDelta', () => {
  it('takes the split whose arms reach different outlets, downstream of an island arm that rejoins', () => {
    // 0→1 splits round an island (1→2, 1→3, both →4), then 4→5 splits into a delta: 5→6 (outlet), 5→7→8 (outlet).
    const n = net(
      [
        [0, 1],
        [1, 2],
        [1, 3],
        [2, 4],
        [3, 4],
        [4, 5],
        [5, 6],
        [5, 7],
        [7, 8],
      ],
      [6, 8],
    );
    const d = findDelta(n, 1);
    expect(d?.apexNode).toBe(5);
    expect(d?.reachIds.sort()).toEqual([6, 7, 8]);
    expect(d?.outletIds).toEqual([100, 101]);
  });

  it('picks the upstream apex when arms split again inside the delta', () => {
    // 0→1; 1→2 (outlet), 1→3; 3→4 (outlet), 3→5 (outlet)
    const n = net(
      [
        [0, 1],
        [1, 2],
        [1, 3],
        [3, 4],
        [3, 5],
      ],
      [2, 4, 5],
    );
    expect(findDelta(n, 1)?.apexNode).toBe(1);
  });

  it('is null for a river with one mouth, and ignores other basins', () => {
    expect(
      findDelta(
        net(
          [
            [0, 1],
            [1, 2],
            [1, 3],
            [2, 4],
            [3, 4],
          ],
          [4],
        ),
        1,
      ),
    ).toBeNull();
    expect(
      findDelta(
        net(
          [
            [0, 1],
            [1, 2],
            [1, 3],
          ],
          [2, 3],
          7,
        ),
        1,
      ),
    ).toBeNull();
  });
});
