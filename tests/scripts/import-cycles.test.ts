// No import cycles between files or folders (type-only imports count: they are design dependencies too)
// across the server, the client, the shared contract, the scripts and the benchmarks, read by the same
// graph as `npm run cycles` (scripts/import-graph.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, type Graph, importGraph } from '../../scripts/import-graph.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const graph = importGraph(ROOT, ['server', 'client/src', 'shared', 'scripts', 'bench']);

/** Cycles allowed in server/: none since its use cases moved to server/app (issue 10, items 1 and 2). */
const SERVER_BUDGET = { files: 0, folders: 0 };

const inServer = (c: string[]): boolean => c.every((f) => f === 'server' || f.startsWith('server/'));

describe('import cycles', () => {
  it('finds a cycle when there is one, between files and between their folders', () => {
    const g: Graph = new Map([
      ['a/x.ts', new Set(['b/y.ts'])],
      ['b/y.ts', new Set(['a/z.ts'])],
      ['a/z.ts', new Set<string>()],
    ]);
    expect(cycles(g)).toEqual([]);
    expect(cycles(folderGraph(g))).toEqual([['a', 'b']]);
    g.get('a/z.ts')?.add('a/x.ts');
    expect(cycles(g)).toEqual([['a/x.ts', 'a/z.ts', 'b/y.ts']]);
  });

  it('reads the project (the client, shared contract and server are all in the graph)', () => {
    expect(graph.get('client/src/App.tsx')?.size).toBeGreaterThan(5);
    expect([...graph.keys()].some((f) => f.startsWith('shared/'))).toBe(true);
    expect([...graph.keys()].some((f) => f.startsWith('server/core/'))).toBe(true);
  });

  it('has none in the client, the shared contract, the scripts or the benchmarks', () => {
    const outside = [...cycles(graph), ...cycles(folderGraph(graph))].filter((c) => !inServer(c));
    expect(outside).toEqual([]);
  });

  it(`has no more in the server than the budget (${SERVER_BUDGET.files} file, ${SERVER_BUDGET.folders} folder cycles)`, () => {
    const files = cycles(graph).filter(inServer);
    const folders = cycles(folderGraph(graph)).filter(inServer);
    expect(files.length, files.map((c) => c.join(' ↔ ')).join('\n')).toBeLessThanOrEqual(SERVER_BUDGET.files);
    expect(folders.length, folders.map((c) => c.join(' ↔ ')).join('\n')).toBeLessThanOrEqual(
      SERVER_BUDGET.folders,
    );
  });
});
