// A seeded synthetic river network written straight into the compact layout (no per-reach objects, so
// it scales to HydroRIVERS' 8.5 M reaches): river systems of heavy-tailed size, each a tree grown
// upstream from its outlet; streams go on upstream (9 in 10 reaches) or branch off as tributaries,
// so a trace crosses ~90 reaches on average; 8–12 vertices a reach of 2–8 km.
import { cumulativeKm } from '../server/core/geo/geodesy.js';
import { PackedSegmentIndex } from '../server/core/geo/packed-segment-index.js';
import {
  type CompactArrays,
  type CompactNetworkData,
  type CoordPrecision,
  NAME_SOURCES,
  NO_STRING,
  REACH_CLASSES,
  StringTable,
} from '../server/core/trace/compact-data.js';
import type { BasinInfo, CountryInfo, NetworkOutlet } from '../server/core/trace/river-network.js';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['AUT', 'HUN', 'SRB', 'ROU', 'UKR', 'MDA', 'KAZ', 'UZB', 'KGZ', 'TJK', 'DEU', 'FRA'];
/** A stream goes on upstream with this probability, else the next reach is a new tributary. */
const CONTINUE_P = 0.9;
/** Largest river system, in reaches (the Amazon, ≈ 7 M km² at ~17 km² of catchment a reach). */
const MAX_BASIN_REACHES = 400_000;

export function syntheticNetwork(
  reaches: number,
  seed: number,
  precision: CoordPrecision,
): CompactNetworkData {
  const rand = rng(seed);
  const n = reaches;
  // Vertex counts first (8–12, mean 10), so the coordinate array is allocated once.
  const vertexStart = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) vertexStart[i + 1] = vertexStart[i]! + 8 + Math.floor(rand() * 5);
  const xy =
    precision === 'f32' ? new Float32Array(2 * vertexStart[n]!) : new Float64Array(2 * vertexStart[n]!);
  const from = new Uint32Array(n);
  const to = new Uint32Array(n);
  const lengthKm = new Float64Array(n);
  const scalerank = new Float64Array(n);
  const basinId = new Int32Array(n);
  const name = new Int32Array(n);
  const country = new Int32Array(n);
  const strings = new StringTable();
  // Node positions and the heading of the stream arriving there (radians, pointing upstream).
  const maxNodes = 2 * n + 1;
  const nodeX = new Float64Array(maxNodes);
  const nodeY = new Float64Array(maxNodes);
  const heading = new Float32Array(maxNodes);
  const outlets: NetworkOutlet[] = [];
  const basins: [number, BasinInfo][] = [];
  let nodes = 0;
  let r = 0;
  for (let b = 0; r < n; b++) {
    const size = Math.min(n - r, Math.max(1, Math.floor(MAX_BASIN_REACHES * rand() ** 6)));
    const outlet = nodes++;
    nodeX[outlet] = -170 + rand() * 340;
    nodeY[outlet] = -50 + rand() * 120;
    heading[outlet] = rand() * 2 * Math.PI;
    const countryId = strings.id(COUNTRIES[b % COUNTRIES.length]!);
    outlets.push({
      id: b,
      node: outlet,
      kind: 'sea',
      name: `Sea ${b}`,
      lon: nodeX[outlet]!,
      lat: nodeY[outlet]!,
    });
    const first = r;
    let streamName = strings.id(`River ${b}`);
    for (let k = 0; k < size; k++, r++) {
      // Continue the current stream upstream, or branch a tributary off a random reach of the system.
      const continues = k > 0 && rand() < CONTINUE_P;
      const down = k === 0 ? outlet : continues ? from[r - 1]! : from[first + Math.floor(rand() * k)]!;
      if (!continues && k > 0) streamName = rand() < 0.3 ? strings.id(`River ${b}.${k}`) : NO_STRING;
      const up = nodes++;
      const dir = heading[down]! + (rand() - 0.5) * (continues ? 0.8 : 2.4);
      const stepDeg = 0.02 + rand() * 0.05;
      nodeX[up] = nodeX[down]! + Math.cos(dir) * stepDeg;
      nodeY[up] = Math.max(-89, Math.min(89, nodeY[down]! + Math.sin(dir) * stepDeg));
      heading[up] = dir;
      // Vertices from the upstream node to the downstream one, meandering sideways.
      const v0 = vertexStart[r]!;
      const m = vertexStart[r + 1]! - v0;
      for (let j = 0; j < m; j++) {
        const t = j / (m - 1);
        const wiggle = j === 0 || j === m - 1 ? 0 : (rand() - 0.5) * 0.2 * stepDeg;
        xy[2 * (v0 + j)] = nodeX[up]! + t * (nodeX[down]! - nodeX[up]!) - Math.sin(dir) * wiggle;
        xy[2 * (v0 + j) + 1] = nodeY[up]! + t * (nodeY[down]! - nodeY[up]!) + Math.cos(dir) * wiggle;
      }
      const cum = cumulativeKm(xy.subarray(2 * v0, 2 * (v0 + m)));
      from[r] = up;
      to[r] = down;
      lengthKm[r] = cum[m - 1]!;
      scalerank[r] = Math.min(10, Math.floor(rand() * 11));
      basinId[r] = b;
      name[r] = streamName;
      country[r] = countryId;
    }
    basins.push([
      b,
      {
        id: b,
        name: `River ${b}`,
        mainOutletId: b,
        lengthKm: 0,
        bbox: [nodeX[outlet]!, nodeY[outlet]!, nodeX[outlet]!, nodeY[outlet]!],
      },
    ]);
  }
  const runStart = new Uint32Array(n + 1);
  for (let i = 0; i <= n; i++) runStart[i] = i;
  const arrays: Omit<CompactArrays, 'snapIndex'> = {
    from,
    to,
    vertexStart,
    xy,
    lengthKm,
    scalerank,
    sourceId: new Float64Array(n).fill(Number.NaN),
    dischargeM3s: new Float64Array(n).fill(Number.NaN),
    basinId,
    name,
    nameLocal: new Int32Array(n).fill(NO_STRING),
    nameRu: new Int32Array(n).fill(NO_STRING),
    country,
    nameSource: new Uint8Array(n).fill(NAME_SOURCES.indexOf('natural_earth')),
    featurecla: new Uint8Array(n).fill(REACH_CLASSES.indexOf('River')),
    arm: new Uint8Array(n),
    altStart: new Uint32Array(n + 1),
    altName: new Int32Array(0),
    runStart,
    runFromKm: new Float64Array(n),
    runToKm: lengthKm.slice(),
    runCountry: country.slice(),
    runBorderA: new Int32Array(n).fill(NO_STRING),
    runBorderB: new Int32Array(n).fill(NO_STRING),
    ...strings.encode(),
  };
  const index = PackedSegmentIndex.build(arrays.xy, arrays.vertexStart).index;
  const countries: [string, CountryInfo][] = COUNTRIES.map((c) => [c, { iso3: c, name: c }]);
  return {
    arrays: { ...arrays, snapIndex: new Uint8Array(index.data) },
    meta: { nodeCount: nodes, outlets, countries, basins, stamp: `synthetic:${n}:${seed}` },
  };
}
