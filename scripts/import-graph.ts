// Reads the project's relative imports (type-only ones included: they are design dependencies too) and
// finds import cycles between files and between folders. Used by tests/architecture and `npm run cycles`.
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_EXT = /\.(ts|tsx)$/;
// Static imports and re-exports (`import … from`, `export … from`, bare `import '…'`) and dynamic `import('…')`.
const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

export type Graph = Map<string, Set<string>>;

/** Every .ts/.tsx file under the given folders (relative to root) with the project files it imports. */
export function importGraph(root: string, dirs: string[]): Graph {
  const graph: Graph = new Map();
  const files: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (SOURCE_EXT.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  for (const file of files) {
    const deps = new Set<string>();
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const target = resolveImport(path.dirname(file), m[1] as string);
      if (target) deps.add(path.relative(root, target));
    }
    graph.set(path.relative(root, file), deps);
  }
  return graph;
}

/** `./x.js` in TypeScript source means `./x.ts` or `./x.tsx` (NodeNext resolution). */
function resolveImport(fromDir: string, spec: string): string | null {
  const base = path.resolve(fromDir, spec);
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Strongly connected components of more than one node (or a node importing itself): the cycles. */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** The same graph between folders (an edge when any file of one imports a file of the other). */
export function folderGraph(graph: Graph): Graph {
  const out: Graph = new Map();
  for (const [file, deps] of graph) {
    const from = path.dirname(file);
    const set = out.get(from) ?? new Set<string>();
    for (const dep of deps) {
      const to = path.dirname(dep);
      if (to !== from) set.add(to);
    }
    out.set(from, set);
  }
  return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const root = path.resolve(import.meta.dirname, '..');
  const g = importGraph(root, ['server', 'client/src', 'scripts', 'shared', 'bench']);
  const fileCycles = cycles(g);
  const folderCycles = cycles(folderGraph(g));
  for (const c of fileCycles) console.log(`file cycle: ${c.join(' ↔ ')}`);
  for (const c of folderCycles) console.log(`folder cycle: ${c.join(' ↔ ')}`);
  console.log(`${g.size} files; ${fileCycles.length} file cycles; ${folderCycles.length} folder cycles`);
  process.exitCode = fileCycles.length + folderCycles.length > 0 ? 1 : 0;
}
