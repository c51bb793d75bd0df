// Turns Natural Earth river lines into joinable lines: drops supplement duplicates of world rivers
// and snaps dangling line ends onto nearby lines (the supplement meets main rivers only as near-misses).
import { haversineKm } from '../geo/geodesy.js';
import { SegmentIndex } from '../geo/segment-index.js';
import type { BuildOptions, Diagnostic, Errata, RiverLine } from './types.js';

export const vertexKey = (lon: number, lat: number): string =>
  `${Math.round(lon * 1e7)},${Math.round(lat * 1e7)}`;

/** Europe-supplement lines that mostly lie on a world-layer line are the same river drawn twice. */
export function dropDuplicates(
  lines: RiverLine[],
  opt: BuildOptions,
  diagnostics: Diagnostic[],
): RiverLine[] {
  const world = lines.filter((l) => l.source === 'world');
  const index = new SegmentIndex(world.map((l) => l.coords));
  return lines.filter((l) => {
    if (l.source === 'world') return true;
    const n = l.coords.length / 2;
    let on = 0;
    for (let i = 0; i < n; i++) {
      if (index.anyWithin(l.coords[2 * i]!, l.coords[2 * i + 1]!, opt.duplicateKm)) on++;
    }
    if (on / n < opt.duplicateShare) return true;
    diagnostics.push({
      kind: 'dropped_duplicate',
      lon: l.coords[0]!,
      lat: l.coords[1]!,
      message: `Supplement line ${l.name ?? '(unnamed)'} duplicates a world-layer river (${Math.round((100 * on) / n)}% of vertices within ${opt.duplicateKm} km)`,
    });
    return false;
  });
}

interface Insertion {
  seg: number;
  t: number;
  lon: number;
  lat: number;
}

/**
 * Joins every dangling end to the nearest other line within `snapKm`, reusing an existing vertex
 * within `reuseVertexKm` so no near-zero-length edges appear; otherwise a vertex is inserted.
 */
export function snapDanglingEnds(
  lines: RiverLine[],
  opt: BuildOptions,
  errata: Errata,
): { snapped: number; joins: Set<string> } {
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const l of lines)
    for (let i = 0; i < l.coords.length; i += 2) bump(vertexKey(l.coords[i]!, l.coords[i + 1]!));

  const index = new SegmentIndex(lines.map((l) => l.coords));
  const insertions = new Map<number, Insertion[]>();
  const endFixes: { line: number; atStart: boolean; lon: number; lat: number }[] = [];
  let snapped = 0;
  const joins = new Set<string>();

  for (let li = 0; li < lines.length; li++) {
    const c = lines[li]!.coords;
    for (const atStart of [true, false]) {
      const px = atStart ? c[0]! : c[c.length - 2]!;
      const py = atStart ? c[1]! : c[c.length - 1]!;
      if ((counts.get(vertexKey(px, py)) ?? 0) > 1) continue;
      if (errata.noSnap.some((e) => haversineKm(px, py, e.lon, e.lat) <= e.radiusKm)) continue;
      const hit = index.nearest(px, py, opt.snapKm, (line) => line !== li);
      if (!hit) continue;
      const target = lines[hit.line]!.coords;
      const target0 = vertexAt(target, hit.seg);
      const target1 = vertexAt(target, hit.seg + 1);
      let to: [number, number];
      if (haversineKm(hit.lon, hit.lat, target0[0], target0[1]) <= opt.reuseVertexKm) to = target0;
      else if (haversineKm(hit.lon, hit.lat, target1[0], target1[1]) <= opt.reuseVertexKm) to = target1;
      else to = reuseOrInsert(insertions, hit.line, hit, opt.reuseVertexKm);
      endFixes.push({ line: li, atStart, lon: to[0], lat: to[1] });
      joins.add(vertexKey(to[0], to[1]));
      bump(vertexKey(to[0], to[1]));
      bump(vertexKey(px, py));
      snapped++;
    }
  }

  for (const [line, list] of insertions) {
    const c = lines[line]!.coords;
    // Splice from the back so earlier indices stay valid.
    list.sort((a, b) => b.seg - a.seg || b.t - a.t);
    for (const ins of list) c.splice(2 * (ins.seg + 1), 0, ins.lon, ins.lat);
  }
  for (const fix of endFixes) {
    const c = lines[fix.line]!.coords;
    if (fix.atStart) c.unshift(fix.lon, fix.lat);
    else c.push(fix.lon, fix.lat);
  }
  return { snapped, joins };
}

function vertexAt(c: number[], i: number): [number, number] {
  return [c[2 * i]!, c[2 * i + 1]!];
}

function reuseOrInsert(
  insertions: Map<number, Insertion[]>,
  line: number,
  hit: { seg: number; t: number; lon: number; lat: number },
  reuseKm: number,
): [number, number] {
  const list = insertions.get(line) ?? [];
  insertions.set(line, list);
  const near = list.find((i) => haversineKm(i.lon, i.lat, hit.lon, hit.lat) <= reuseKm);
  if (near) return [near.lon, near.lat];
  list.push({ seg: hit.seg, t: hit.t, lon: hit.lon, lat: hit.lat });
  return [hit.lon, hit.lat];
}
