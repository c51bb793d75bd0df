// A receptor import streamed row by row (the jobs worker's path for large CSV and GeoJSON files): each
// row validated as it comes, valid ones stored in batches inside ONE transaction that is committed only
// when nothing failed (or with skipInvalid), errors listed up to a limit and counted. Same report as
// importReceptors (receptor-store.ts), which does the same from rows in memory.
import {
  type ReceptorFields,
  rowToReceptorBody,
  validateReceptor,
} from '../core/planning/receptor-schema.js';
import type { RowError, RowItem } from '../core/register/import/types.js';
import type { Db } from './db.js';
import { insertReceptors, type ReceptorImportReport } from './receptor-store.js';
import { ImportAborted } from './site-import.js';

/** Valid receptors stored together. */
export const RECEPTOR_BATCH_ROWS = 500;

export interface ReceptorStreamOptions {
  dryRun: boolean;
  defaultKind?: string | undefined;
  skipInvalid?: boolean;
  /** Errors listed in the report (the rest only counted). */
  listLimit: number;
  maxRows?: number;
}

/** On a connection no one else uses meanwhile: the transaction stays open across the file's reads. */
export async function importReceptorStream(
  db: Db,
  items: AsyncIterable<RowItem>,
  options: ReceptorStreamOptions,
): Promise<{ report: ReceptorImportReport & { errorCount: number }; maxPending: number }> {
  const report: ReceptorImportReport & { errorCount: number } = {
    dryRun: options.dryRun,
    accepted: 0,
    rejected: 0,
    errors: [],
    ids: [],
    errorCount: 0,
  };
  let pending: ReceptorFields[] = [];
  let maxPending = 0;
  let rows = 0;
  const storing = () => !options.dryRun && (report.errorCount === 0 || options.skipInvalid === true);
  const flush = () => {
    if (pending.length > 0 && storing()) for (const id of insertReceptors(db, pending)) report.ids.push(id);
    pending = [];
  };
  const reject = (errors: readonly RowError[]) => {
    report.rejected += 1;
    for (const e of errors) {
      report.errorCount += 1;
      if (report.errors.length < options.listLimit) report.errors.push(e);
    }
    // All or nothing: after a failure nothing more is stored (and what was is rolled back).
    if (!options.skipInvalid) pending = [];
  };
  db.exec(options.dryRun ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
  try {
    for await (const item of items) {
      rows += 1;
      if (options.maxRows !== undefined && rows > options.maxRows)
        throw new ImportAborted(
          'TOO_MANY_ROWS',
          `The file has more than ${options.maxRows} rows; one import takes at most ${options.maxRows}. Split it.`,
          413,
          { maxRows: options.maxRows },
        );
      if (!item.ok) {
        reject(item.errors);
        continue;
      }
      const { row } = item;
      const geometry = row.footprint ?? { type: 'Point' as const, coordinates: [row.lon, row.lat] };
      const checked = validateReceptor(rowToReceptorBody(row.props, geometry, options.defaultKind));
      if (!checked.ok) {
        reject(
          checked.issues.map((issue) => ({
            line: row.line,
            field: issue.path || undefined,
            message: issue.message,
          })),
        );
        continue;
      }
      report.accepted += 1;
      if (!storing()) continue;
      pending.push(checked.fields);
      maxPending = Math.max(maxPending, pending.length);
      if (pending.length >= RECEPTOR_BATCH_ROWS) flush();
    }
    const commit = storing() && report.accepted > 0;
    if (commit) flush();
    else report.ids = [];
    db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    report.errors.sort((a, b) => a.line - b.line);
    return { report, maxPending };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
