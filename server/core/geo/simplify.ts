// Douglas–Peucker line simplification in a local equirectangular frame (km), for lighter answers.
import { kmPerDegLon } from './geodesy.js';

const KM_PER_DEG_LAT = 111.32;

/** Keeps the vertices needed to stay within toleranceKm of the line; coordinates rounded to `digits`. */
export function simplifyLine(coords: readonly number[][], toleranceKm: number, digits = 5): number[][] {
  const n = coords.length;
  if (n <= 2) return coords.map((c) => round(c, digits));
  const kx = kmPerDegLon(coords[Math.floor(n / 2)]![1]!);
  const x = (i: number) => coords[i]![0]! * kx;
  const y = (i: number) => coords[i]![1]! * KM_PER_DEG_LAT;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  const tol2 = toleranceKm * toleranceKm;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ax = x(a);
    const ay = y(a);
    const dx = x(b) - ax;
    const dy = y(b) - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD2 = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = x(i) - ax;
      const py = y(i) - ay;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 > worstD2) {
        worstD2 = d2;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(round(coords[i]!, digits));
  return out;
}

const round = (c: readonly number[], digits: number): number[] => {
  const f = 10 ** digits;
  return [Math.round(c[0]! * f) / f, Math.round(c[1]! * f) / f];
};
