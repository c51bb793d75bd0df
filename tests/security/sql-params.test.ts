// Audit: user input reaches SQL only as bound parameters. Every template literal in server/ and scripts/
// that looks like SQL and interpolates something must interpolate only a reviewed, input-free expression.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/database.js';

/**
 * Reviewed interpolations, by file: each builds SQL text from constants or from placeholders only.
 * Adding one here means reading where its value comes from.
 */
const REVIEWED: Record<string, string[]> = {
  // `marks` is '?, ?, …' sized to the id list; the ids themselves are bound.
  'server/storage/site-read.ts': ['marks'],
  // buildFilter() returns fixed FROM/WHERE text with '?' placeholders; orderBy() maps a zod-enum sort key to
  // a fixed column; SUMMARY_COLUMNS is the constant column list of site-summary.ts; `column`/`collate` are literals at the call sites and the
  // IN list is '?' placeholders.
  'server/storage/site-query.ts': [
    'from',
    'where',
    'orderBy(f.sort)',
    'column',
    'collate',
    "clauses.join(' AND ')",
    "c.split(' ')[0]",
    'nullsLast',
    'c',
    'dir',
    'countFrom',
    'SUMMARY_COLUMNS',
  ],
  // SUMMARY_COLUMNS is the constant column list of site-summary.ts; SELECT is this file's constant
  // SELECT … FROM text built from it (the ids are bound through json_each(?)).
  'server/storage/site-index.ts': ['SUMMARY_COLUMNS', 'SELECT'],
  // TABLES is a constant list of the network tables.
  'server/storage/network-store.ts': ['t'],
  // Same pattern as site-query: a constant column list, fixed FROM text, WHERE clauses of '?' placeholders.
  'server/storage/receptor-store.ts': ['from', 'clause', "where.join(' AND ')"],
  // `filter` is a constant WHERE text of named parameters (absent filters bound as NULL).
  'server/storage/audit-store.ts': ['filter'],
  // GeoPackage identifiers (layer and column names; on import, table names read from the uploaded
  // file) go through quote(), which wraps them in "…" and doubles any '"' inside, so they stay one
  // identifier; geometryType is a literal union. Every value is a bound parameter.
  'server/storage/gpkg.ts': [
    'quote(layer.name)',
    'layer.geometryType',
    "names.map(quote).join(', ')",
    'quote(col.table_name)',
  ],
  // Table names read from an uploaded GeoPackage go through quoteIdent() (doubles any '"').
  'scripts/hydrorivers/formats.ts': ['quoteIdent(l.tableName)', 'quoteIdent(layer.tableName)'],
};

const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|ORDER BY|PRAGMA|CREATE|DROP|VALUES)\b/;

/** `list.map(() => '?').join(', ')`: one placeholder per bound value. */
const PLACEHOLDERS = /^[\w.]+\.map\(\(\) => '\?'\)\.join\(', ?'\)$/;

/** `cond ? 'SQL text' : ''`: a choice between two literals, whatever the condition. */
const LITERAL_CHOICE = /^[^'"`]+\?\s*'[^'$]*'\s*:\s*'[^'$]*'$/;

/** An ALL_CAPS name declared in the same file as a plain string (or template without interpolation). */
function isConstantText(source: string, expr: string): boolean {
  if (!/^[A-Z][A-Z0-9_]*$/.test(expr)) return false;
  const decl = new RegExp(`const ${expr}\\s*=\\s*(?:'[^']*'|"[^"]*"|\`[^\`$]*\`)\\s*;`, 's');
  return decl.test(source);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Template literals (no nesting) with their `${…}` expressions. */
function templates(source: string): { text: string; exprs: string[] }[] {
  const out: { text: string; exprs: string[] }[] = [];
  for (const m of source.matchAll(/`((?:[^`\\]|\\.)*)`/gs)) {
    const text = m[1] ?? '';
    const exprs = [...text.matchAll(/\$\{([^}]*)\}/g)].map((e) => (e[1] ?? '').trim());
    if (exprs.length > 0) out.push({ text, exprs });
  }
  return out;
}

describe('SQL is built from constants and placeholders only', () => {
  const files = [...sourceFiles(path.join(ROOT, 'server')), ...sourceFiles(path.join(ROOT, 'scripts'))];

  it('finds the storage modules it audits', () => {
    expect(files.some((f) => f.endsWith('site-query.ts'))).toBe(true);
  });

  it('every interpolation into SQL-like text is a reviewed one', () => {
    const unreviewed: string[] = [];
    for (const file of files) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const source = fs.readFileSync(file, 'utf8');
      for (const t of templates(source)) {
        if (!SQL_WORDS.test(t.text.replace(/\$\{[^}]*\}/g, ''))) continue;
        // Error messages mention words like "from"; SQL has upper-case keywords with SQL punctuation.
        if (!/[?(),=*]/.test(t.text)) continue;
        for (const e of t.exprs)
          if (
            !(REVIEWED[rel] ?? []).includes(e) &&
            !isConstantText(source, e) &&
            !PLACEHOLDERS.test(e) &&
            !LITERAL_CHOICE.test(e)
          )
            unreviewed.push(`${rel}: \${${e}}`);
      }
    }
    expect(unreviewed).toEqual([]);
  });

  it('no SQL is assembled by string concatenation', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\.(prepare|exec)\(\s*(['"`])[^'"`]*\2\s*\+/g)) {
        offenders.push(`${path.relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('accepts only constant text and placeholder lists without review (self-check)', () => {
    expect(isConstantText("const COLUMNS = 'a, b';", 'COLUMNS')).toBe(true);
    expect(isConstantText(['const COLUMNS = `a, $', '{x}`;'].join(''), 'COLUMNS')).toBe(false);
    expect(isConstantText('let COLUMNS = input;', 'COLUMNS')).toBe(false);
    expect(PLACEHOLDERS.test("ids.map(() => '?').join(', ')")).toBe(true);
    expect(PLACEHOLDERS.test("ids.map((i) => i).join(', ')")).toBe(false);
    expect(LITERAL_CHOICE.test("o.only ? 'AND s.x IS NOT NULL' : ''")).toBe(true);
    expect(LITERAL_CHOICE.test("o.only ? req.query.x : ''")).toBe(false);
  });

  it('the reviewed list catches an injected expression (self-check)', () => {
    const sample = ['db.prepare(`SELECT * FROM sites WHERE name = $', '{req.query.name}`)'].join('');
    const found = templates(sample).flatMap((t) => t.exprs);
    expect(found).toEqual(['req.query.name']);
    expect(REVIEWED['server/storage/site-query.ts']).not.toContain('req.query.name');
  });
});
