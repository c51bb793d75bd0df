// The receptor import's `skipInvalid` extension (used by the web client's "import the valid rows"):
// valid rows land in one go, bad ones are listed; without it the file is still all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer & { editorToken: string };
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb(), { editorToken: true });
});
afterAll(async () => {
  await server?.close();
});

const count = () => server.services.db.prepare('SELECT COUNT(*) FROM receptors').pluck().get() as number;
const post = (query: string, body: string) =>
  fetch(`${server.url}/api/receptors/import?${query}`, {
    method: 'POST',
    headers: { ...authHeaders(server.editorToken), 'content-type': 'text/csv' },
    body,
  });

const csv = [
  'name,kind,lon,lat',
  'Intake Novi Sad,water_intake,19.85,45.25',
  'Bad latitude,school,19.8,95',
  'Hospital Novi Sad,hospital,19.83,45.26',
].join('\n');

interface Report {
  dryRun: boolean;
  accepted: number;
  rejected: number;
  errors: { line: number; field?: string }[];
  ids: string[];
}

describe('POST /api/receptors/import?skipInvalid=true', () => {
  it('without it, one bad row still refuses the whole file (422, nothing stored)', async () => {
    const before = count();
    const res = await post('format=csv', csv);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Report).ids).toEqual([]);
    expect(count()).toBe(before);
  });

  it('a dry run with it stores nothing and reports the bad row', async () => {
    const before = count();
    const res = await post('format=csv&dryRun=true&skipInvalid=true', csv);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report).toMatchObject({ dryRun: true, accepted: 2, rejected: 1, ids: [] });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([[3, 'lat']]);
    expect(count()).toBe(before);
  });

  it('stores the valid rows and lists the skipped one', async () => {
    const before = count();
    const res = await post('format=csv&skipInvalid=true', csv);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report).toMatchObject({ dryRun: false, accepted: 2, rejected: 1 });
    expect(report.ids).toHaveLength(2);
    expect(report.errors.map((e) => e.line)).toEqual([3]);
    expect(count()).toBe(before + 2);
    const names = (
      (await (await fetch(`${server.url}/api/receptors?bbox=19.7,45.2,19.9,45.3`)).json()) as {
        items: { name: string }[];
      }
    ).items.map((r) => r.name);
    expect(names).toEqual(['Intake Novi Sad', 'Hospital Novi Sad']);
  });

  it('refuses a value other than true/false', async () => {
    const res = await post('format=csv&skipInvalid=maybe', csv);
    expect(res.status).toBe(400);
  });
});
