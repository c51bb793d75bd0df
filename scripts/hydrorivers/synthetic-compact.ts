// The seeded synthetic HydroRIVERS-schema network (same shape as synthetic.ts: basins of branching
// trees, ~10 vertices a reach) generated straight into typed arrays, for networks of millions of
// reaches where one JS object per reach would not fit.
import type { CompactInput } from '../../server/core/network/compact-network.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCompactInput(
  reaches: number,
  seed = 1,
  basinSize = 2000,
  vertices = 10,
): CompactInput {
  const random = rng(seed);
  const basins = Math.ceil(reaches / basinSize);
  const cols = Math.ceil(Math.sqrt(basins));
  const reachTo = new Int32Array(reaches);
  const vertexStart = new Uint32Array(reaches + 1);
  const coords = new Float32Array(reaches * vertices * 2);
  const upland = new Float64Array(reaches);
  const outletNode = new Int32Array(basins);
  const outletKind = new Uint8Array(basins);
  // Per-basin queue of heads to grow from: x, y, parent, angle (typed, reused).
  const qx = new Float64Array(basinSize * 2 + 2);
  const qy = new Float64Array(basinSize * 2 + 2);
  const qp = new Int32Array(basinSize * 2 + 2);
  const qa = new Float64Array(basinSize * 2 + 2);
  let r = 0;
  for (let b = 0; b < basins; b++) {
    const size = Math.min(basinSize, reaches - b * basinSize);
    const ox = -170 + (b % cols) * (340 / cols);
    const oy = -60 + Math.floor(b / cols) * (130 / cols);
    outletNode[b] = reaches + b;
    outletKind[b] = random() < 0.1 ? 1 : 0;
    let head = 0;
    let tail = 0;
    qx[tail] = ox;
    qy[tail] = oy;
    qp[tail] = -1;
    qa[tail++] = Math.PI / 4;
    const first = r;
    for (let k = 0; k < size; k++, r++) {
      const hx0 = qx[head]!;
      const hy0 = qy[head]!;
      const parent = qp[head]!;
      const a0 = qa[head++]!;
      const step = 0.001 + 0.002 * random();
      const angle = a0 + (random() - 0.5) * 0.8;
      const sx = hx0 + Math.cos(angle) * step * (vertices - 1);
      const sy = hy0 + Math.sin(angle) * step * (vertices - 1);
      vertexStart[r] = r * vertices;
      for (let v = 0; v < vertices; v++) {
        const t = v / (vertices - 1);
        const wobble = v === 0 || v === vertices - 1 ? 0 : (random() - 0.5) * step * 0.5;
        coords[2 * (r * vertices + v)] = sx + (hx0 - sx) * t + wobble;
        coords[2 * (r * vertices + v) + 1] = sy + (hy0 - sy) * t - wobble;
      }
      reachTo[r] = parent < 0 ? reaches + b : parent;
      const children = random() < 0.45 ? 2 : 1;
      for (let c = 0; c < children && tail < qx.length; c++) {
        qx[tail] = sx;
        qy[tail] = sy;
        qp[tail] = r;
        qa[tail++] = angle + (c === 0 ? -0.4 : 0.4);
      }
    }
    for (let k = r - 1; k >= first; k--) {
      upland[k]! += 25;
      const to = reachTo[k]!;
      if (to < reaches) upland[to]! += upland[k]!;
    }
  }
  vertexStart[reaches] = reaches * vertices;
  const dischargeM3s = new Float32Array(reaches);
  for (let k = 0; k < reaches; k++) dischargeM3s[k] = upland[k]! * 0.01;
  const sourceId = new Int32Array(reaches);
  for (let k = 0; k < reaches; k++) sourceId[k] = 10_000_001 + k;
  return {
    reachTo,
    vertexStart,
    coords,
    dischargeM3s,
    sourceId,
    nameId: new Int32Array(reaches).fill(-1),
    names: [],
    outletNode,
    outletKind,
  };
}
