// Site symbols drawn as signed-distance-field images at start-up (no sprite files to fetch), so
// MapLibre can tint them by hazard class with icon-color and outline them with a halo.

const SIZE = 32;
const RADIUS = 8; // distance (px) spanned by the SDF ramp, as in MapLibre's glyphs

type Sdf = (x: number, y: number) => number;

/** Signed distance to a circle (negative inside). */
const circle: Sdf = (x, y) => Math.hypot(x - SIZE / 2, y - SIZE / 2) - 9;

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

/** Signed distance to an upward triangle (negative inside): tailings facilities. */
const triangle: Sdf = (x, y) => {
  const pts: [number, number][] = [
    [16, 5],
    [27.5, 26],
    [4.5, 26],
  ];
  let d = Infinity;
  let inside = true;
  for (let i = 0; i < 3; i++) {
    const [ax, ay] = pts[i] as [number, number];
    const [bx, by] = pts[(i + 1) % 3] as [number, number];
    d = Math.min(d, segDist(x, y, ax, ay, bx, by));
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) inside = false;
  }
  return inside ? -d : d;
};

function render(sdf: Sdf): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const d = sdf(x + 0.5, y + 0.5);
      const a = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + 0.25))));
      const i = (y * SIZE + x) * 4;
      data[i] = 255;
      data[i + 1] = 255;
      data[i + 2] = 255;
      data[i + 3] = a;
    }
  }
  return { width: SIZE, height: SIZE, data };
}

export const SITE_ICONS = { 'hz-activity': render(circle), 'hz-tmf': render(triangle) };
