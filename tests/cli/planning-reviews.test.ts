import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/storage/db.js';
import { hazatlas } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = copyOfBuiltDb();
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas planning reviews', () => {
  it('saves an intake on the Danube below the Pančevo plants, lists, shows and prints it', () => {
    // The Danube between Starčevo and Omoljica, ~11 river km below three Annex I plants (data/seed).
    const saved = cli(
      'planning',
      'reviews',
      'save',
      '20.75',
      '44.79',
      '--type',
      'water_intake',
      '--title',
      'Starčevo intake',
      '--reference',
      'CLI-1',
      '--json',
    );
    expect(saved.status).toBe(0);
    const rec = JSON.parse(saved.stdout) as { id: string; verdict: string; author: string };
    expect(rec.verdict).toBe('advise_against');
    expect(rec.author).toBe(`cli:${os.userInfo().username}`);
    const list = cli('planning', 'reviews', 'list');
    expect(list.stdout).toMatch(
      new RegExp(
        `^1 of 1 saved planning reviews[\\s\\S]*${rec.id}.*advise_against.*Starčevo intake \\[CLI-1\\]`,
      ),
    );
    const show = cli('planning', 'reviews', 'show', rec.id);
    expect(show.stdout).toMatch(
      /Deciding rule: Water intake: a high-hazard site .* within 6 h → advise against/,
    );
    const print = cli('planning', 'reviews', 'print', rec.id, '--lang', 'ru');
    expect(print.stdout).toMatch(/^<!doctype html><html lang="ru">/);
    expect(print.stdout).toContain('Не рекомендуется');
    const d = openDb(db);
    try {
      const audit = d
        .prepare("SELECT target FROM audit_log WHERE action = 'planning_review.save'")
        .pluck()
        .all();
      expect(audit).toEqual([`planning_review:${rec.id}`]);
    } finally {
      d.close();
    }
  });

  it('exits 2 without a title, with an unknown type, or an unknown action', () => {
    expect(cli('planning', 'reviews', 'save', '20.75', '44.79', '--type', 'water_intake').status).toBe(2);
    expect(
      cli('planning', 'reviews', 'save', '20.75', '44.79', '--type', 'castle', '--title', 'x').status,
    ).toBe(2);
    expect(cli('planning', 'reviews', 'delete', 'x').status).toBe(2);
  });
});
