import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests that rebuild the database need the Natural Earth mirror; when HAZATLAS_SOURCES is unset, use the
// checkout's sibling `../shared/data/naturalearth` (the layout CI and development sessions use).
const sibling = path.resolve(import.meta.dirname, '../shared/data/naturalearth');
const sources = process.env.HAZATLAS_SOURCES ?? (fs.existsSync(sibling) ? sibling : undefined);

// Core and client tests are "unit" tests unless they open the built database or a server; those run in
// the "geo" project (pure core on the real network). Decided from the file's imports, so a new test lands
// in the right project without a list to keep.
const NEEDS_DATABASE = /support\/(database|server)\.js'/;
function filesIn(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.test\.tsx?$/.test(entry.name)) out.push(full);
    }
  };
  for (const d of dirs) walk(path.resolve(import.meta.dirname, d));
  return out.map((f) =>
    path
      .relative(import.meta.dirname, f)
      .split(path.sep)
      .join('/'),
  );
}
const needsDatabase = (f: string): boolean => NEEDS_DATABASE.test(fs.readFileSync(f, 'utf8'));
const pureCandidates = filesIn(['tests/core', 'tests/client', 'tests/scripts', 'tests/shared', 'tests/fuzz']);
const unitTests = pureCandidates.filter((f) => !needsDatabase(f));
const geoTests = pureCandidates.filter((f) => needsDatabase(f) && !f.startsWith('tests/fuzz/'));
const fuzzOverHttp = pureCandidates.filter((f) => needsDatabase(f) && f.startsWith('tests/fuzz/'));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    env: sources ? { HAZATLAS_SOURCES: sources } : {},
    projects: [
      { extends: true, test: { name: 'unit', include: unitTests } },
      { extends: true, test: { name: 'geo', include: geoTests } },
      {
        extends: true,
        test: {
          name: 'api',
          include: [
            'tests/http/**/*.test.ts',
            'tests/security/**/*.test.ts',
            'tests/durability/**/*.test.ts',
            ...fuzzOverHttp,
          ],
        },
      },
      { extends: true, test: { name: 'cli', include: ['tests/cli/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
