// Which drainage area a point lies in: a lon/lat raster where every land cell carries the river system
// (basin id) of the nearest river line, or the terminal lake whose shore is nearer (Issyk-Kul, Balkhash,
// Aral…). The same network Voronoi as the drawn catchments (catchment-raster.ts), plus the lakes, so a
// point by Issyk-Kul belongs to the lake, not to the Naryn beyond the range. Natural Earth has no
// elevation: a divide between two rivers lies halfway between them, not on the ridge.
import type { MultiPolygon, Polygon } from 'geojson';
import { PolygonLocator } from '../geo/polygon-locator.js';
import { SegmentIndex } from '../geo/segment-index.js';
import {
  type Grid,
  gridFor,
  growLabels,
  NO_LABEL,
  rasterizeLand,
  seedLines,
} from '../network/catchment-raster.js';

export interface DrainageLake {
  /** Raster label, above every basin id. */
  label: number;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface DrainageRaster {
  grid: Grid;
  labels: Int32Array;
  lakes: DrainageLake[];
}

export type DrainageArea = { kind: 'basin'; basinId: number } | { kind: 'lake'; lake: DrainageLake };

/** Cell size: about 8–11 km in the Convention area, as the drawn catchments. */
export const DRAINAGE_RES_DEG = 0.1;
/** Land farther than this many cells from any river or terminal lake stays unassigned. */
const MAX_STEPS = 40;

export function buildDrainageRaster(input: {
  reaches: readonly { coords: ArrayLike<number>; basinId: number; scalerank: number }[];
  land: readonly (Polygon | MultiPolygon)[];
  lakes: readonly { name: string; geometry: Polygon | MultiPolygon }[];
  resDeg?: number;
}): DrainageRaster {
  const grid = gridFor([-180, -60, 180, 85], input.resDeg ?? DRAINAGE_RES_DEG);
  const labels = seedLines(
    grid,
    input.reaches.map((r) => ({ coords: r.coords, label: r.basinId, priority: r.scalerank })),
  );
  let next = Math.max(0, ...input.reaches.map((r) => r.basinId)) + 1;
  const lakes = input.lakes.map((l) => ({ ...l, label: next++ }));
  const land = rasterizeLand(grid, input.land);
  for (const lake of lakes) {
    // The lake's own cells belong to it (over the river lines drawn across it) and count as land.
    const cells = rasterizeLand(grid, [lake.geometry]);
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] !== 1) continue;
      labels[i] = lake.label;
      land[i] = 1;
    }
  }
  growLabels(grid, labels, land, MAX_STEPS);
  return { grid, labels, lakes };
}

/** The cell itself first, then its eight neighbours. */
const NEIGHBOURHOOD: readonly [number, number][] = [
  [0, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
  [-1, 0],
  [1, 0],
  [-1, 1],
  [0, 1],
  [1, 1],
];

export class DrainageAreas {
  private readonly lakeByLabel: Map<number, DrainageLake>;
  private readonly lakeLocator: PolygonLocator<DrainageLake>;
  private readonly shores: SegmentIndex;
  private readonly shoreLake: DrainageLake[] = [];

  constructor(readonly raster: DrainageRaster) {
    this.lakeByLabel = new Map(raster.lakes.map((l) => [l.label, l]));
    this.lakeLocator = new PolygonLocator(raster.lakes.map((l) => ({ item: l, geometry: l.geometry })));
    const rings: number[][] = [];
    for (const lake of raster.lakes) {
      const polys =
        lake.geometry.type === 'Polygon' ? [lake.geometry.coordinates] : lake.geometry.coordinates;
      for (const ring of polys.flat()) {
        rings.push(ring.flatMap((p) => [p[0]!, p[1]!]));
        this.shoreLake.push(lake);
      }
    }
    this.shores = new SegmentIndex(rings);
  }

  /** The terminal lake whose water surface holds the point. */
  lakeContaining(lon: number, lat: number): DrainageLake | null {
    return this.lakeLocator.locate(lon, lat);
  }

  /** The nearest point of the lake's shore within `maxKm`. */
  shore(
    lake: DrainageLake,
    lon: number,
    lat: number,
    maxKm: number,
  ): { lon: number; lat: number; distanceKm: number } | null {
    const hit = this.shores.nearest(lon, lat, maxKm, (line) => this.shoreLake[line] === lake);
    return hit ? { lon: hit.lon, lat: hit.lat, distanceKm: hit.distanceKm } : null;
  }

  get lakes(): readonly DrainageLake[] {
    return this.raster.lakes;
  }

  /** The drainage area of the cell holding the point, or null off the raster or far from any river. */
  at(lon: number, lat: number): DrainageArea | null {
    const { grid } = this.raster;
    return this.cell(Math.floor((lon - grid.west) / grid.res), Math.floor((lat - grid.south) / grid.res));
  }

  /**
   * The areas of the point's cell and its eight neighbours, the point's own first. A divide drawn on
   * cells of ~10 km is only that sure: near one, both sides count as the point's own.
   */
  around(lon: number, lat: number): DrainageArea[] {
    const { grid } = this.raster;
    const c = Math.floor((lon - grid.west) / grid.res);
    const r = Math.floor((lat - grid.south) / grid.res);
    const out: DrainageArea[] = [];
    const seen = new Set<string>();
    for (const [dc, dr] of NEIGHBOURHOOD) {
      const a = this.cell(c + dc, r + dr);
      const key = a ? (a.kind === 'lake' ? `l${a.lake.label}` : `b${a.basinId}`) : '';
      if (a && !seen.has(key)) {
        seen.add(key);
        out.push(a);
      }
    }
    return out;
  }

  private cell(c: number, r: number): DrainageArea | null {
    const { grid, labels } = this.raster;
    if (c < 0 || r < 0 || c >= grid.width || r >= grid.height) return null;
    const label = labels[r * grid.width + c]!;
    if (label === NO_LABEL) return null;
    const lake = this.lakeByLabel.get(label);
    return lake ? { kind: 'lake', lake } : { kind: 'basin', basinId: label };
  }
}
