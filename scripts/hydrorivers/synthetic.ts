// Seeded generator of HydroRIVERS-schema networks of any size, for tests and benchmarks: basins of
// branching trees on a grid, each reach ~10 vertices, attributes in the HydroRIVERS v1.0 schema.
// CLI: tsx scripts/hydrorivers/synthetic.ts --reaches N [--seed S] --out FILE.geojson[.gz]
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { HydroReachRecord } from '../../server/core/network/hydrorivers.js';

export interface SyntheticOptions {
  reaches: number;
  seed?: number;
  /** Reaches per basin (the last basin takes the remainder). */
  basinSize?: number;
  verticesPerReach?: number;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
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

export interface SyntheticReach extends HydroReachRecord {
  upland: number;
}

/** Reaches in HYRIV_ID order; every basin's outlet reach comes first, upstream reaches after. */
export function syntheticReaches(options: SyntheticOptions): SyntheticReach[] {
  const random = rng(options.seed ?? 1);
  const basinSize = options.basinSize ?? 2000;
  const vertices = Math.max(2, options.verticesPerReach ?? 10);
  const out: SyntheticReach[] = [];
  const basins = Math.ceil(options.reaches / basinSize);
  const cols = Math.ceil(Math.sqrt(basins));
  for (let b = 0; b < basins; b++) {
    const size = Math.min(basinSize, options.reaches - b * basinSize);
    // Basins on a 1° grid between 60 W and 60 E from 60 S upward (the geography is not used).
    const ox = -60 + (b % cols) * (120 / cols);
    const oy = -60 + Math.floor(b / cols) * (120 / cols);
    const endorheic = random() < 0.1;
    const first = out.length;
    // Breadth-first growth: each reach gets 0-2 upstream reaches until the basin is full.
    const heads: { x: number; y: number; parent: number; angle: number }[] = [
      { x: ox, y: oy, parent: -1, angle: Math.PI / 4 },
    ];
    for (let k = 0; k < size; k++) {
      const h = heads.shift() ?? {
        x: ox + random(),
        y: oy + random(),
        parent: first,
        angle: random() * 6.28,
      };
      const stepDeg = 0.01 + 0.02 * random();
      const angle = h.angle + (random() - 0.5) * 0.8;
      const coords: number[] = [];
      // Digitised in flow direction: from the upstream head down to the junction (h.x, h.y).
      const hx = h.x + Math.cos(angle) * stepDeg * (vertices - 1);
      const hy = h.y + Math.sin(angle) * stepDeg * (vertices - 1);
      for (let v = 0; v < vertices; v++) {
        const t = v / (vertices - 1);
        const wobble = v === 0 || v === vertices - 1 ? 0 : (random() - 0.5) * stepDeg * 0.5;
        coords.push(hx + (h.x - hx) * t + wobble, hy + (h.y - hy) * t - wobble);
      }
      const id = 10_000_001 + out.length;
      out.push({
        id,
        nextDown: h.parent < 0 ? 0 : 10_000_001 + h.parent,
        endorheic,
        dischargeM3s: null,
        ordFlow: null,
        coords,
        name: null,
        upland: 0,
      });
      const index = out.length - 1;
      const children = random() < 0.45 ? 2 : 1;
      for (let c = 0; c < children; c++)
        heads.push({ x: hx, y: hy, parent: index, angle: angle + (c === 0 ? -0.4 : 0.4) });
    }
    // Upstream area and discharge: every reach adds ~25 km² and 0.3 L/s/km² × area.
    for (let k = out.length - 1; k >= first; k--) {
      const r = out[k]!;
      r.upland += 25;
      if (r.nextDown !== 0) out[r.nextDown - 10_000_001]!.upland += r.upland;
    }
    for (let k = first; k < out.length; k++) {
      const r = out[k]!;
      r.dischargeM3s = Math.round(r.upland * 0.01 * 1000) / 1000;
      r.ordFlow = Math.max(1, Math.min(9, 6 - Math.floor(Math.log10(Math.max(r.dischargeM3s, 0.001)))));
    }
  }
  return out;
}

/** The reaches as a GeoJSON FeatureCollection in the HydroRIVERS attribute schema. */
export function toHydroRiversGeoJson(reaches: readonly SyntheticReach[]): string {
  const parts = reaches.map((r) => {
    const coords: number[][] = [];
    for (let i = 0; i + 1 < r.coords.length; i += 2) coords.push([r.coords[i]!, r.coords[i + 1]!]);
    return JSON.stringify({
      type: 'Feature',
      properties: {
        HYRIV_ID: r.id,
        NEXT_DOWN: r.nextDown,
        MAIN_RIV: r.id,
        LENGTH_KM: 0,
        DIST_DN_KM: 0,
        DIST_UP_KM: 0,
        CATCH_SKM: 25,
        UPLAND_SKM: r.upland,
        ENDORHEIC: r.endorheic ? 1 : 0,
        DIS_AV_CMS: r.dischargeM3s,
        ORD_STRA: 1,
        ORD_CLAS: 1,
        ORD_FLOW: r.ordFlow,
        HYBAS_L12: 0,
      },
      geometry: { type: 'LineString', coordinates: coords },
    });
  });
  return `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => process.argv[process.argv.indexOf(k) + 1];
  const n = Number(arg('--reaches'));
  const out = arg('--out');
  if (!Number.isInteger(n) || n <= 0 || !out) {
    console.error(
      'usage: tsx scripts/hydrorivers/synthetic.ts --reaches N [--seed S] --out FILE.geojson[.gz]',
    );
    process.exit(2);
  }
  const text = toHydroRiversGeoJson(syntheticReaches({ reaches: n, seed: Number(arg('--seed') ?? 1) }));
  fs.writeFileSync(out, out.endsWith('.gz') ? gzipSync(text) : text);
}
