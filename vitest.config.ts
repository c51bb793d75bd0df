import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests that rebuild the database need the Natural Earth mirror; when HAZATLAS_SOURCES is unset, use the
// checkout's sibling `../shared/data/naturalearth` (the layout CI and development sessions use).
const sibling = path.resolve(import.meta.dirname, '../shared/data/naturalearth');
const sources = process.env.HAZATLAS_SOURCES ?? (fs.existsSync(sibling) ? sibling : undefined);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    env: sources ? { HAZATLAS_SOURCES: sources } : {},
  },
});
