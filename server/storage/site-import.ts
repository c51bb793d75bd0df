// Runs a site import in ONE transaction — all accepted rows or none (or, with skipInvalid, the valid
// ones): from parsed rows in memory, or streamed row by row from a file (server/storage/import-file-stream.ts)
// so a large file never sits in memory whole. The row-by-row work is SiteImportSession's.
import type { HydrologyProvider } from '../core/register/hydrology.js';
import type { RawRow, RowError, RowItem } from '../core/register/import/types.js';
import type { Db } from './db.js';
import { type ImportReport, type SessionOptions, SiteImportSession } from './site-import-session.js';

export {
  DUPLICATE_RADIUS_M,
  type Duplicate,
  type ImportOptions,
  type ImportReport,
  type ImportWarning,
} from './site-import-session.js';

export function importRows(
  db: Db,
  hydrology: HydrologyProvider,
  rows: readonly RawRow[],
  parseErrors: readonly RowError[],
  options: SessionOptions,
): ImportReport {
  // The duplicate check reads the table it guards, so it runs in the same write transaction as the insert.
  // A dry run writes nothing: a read transaction, so it never holds the write lock (it may run on the
  // jobs worker's connection for seconds while the server keeps writing).
  const run = db.transaction((): ImportReport => {
    const session = new SiteImportSession(db, hydrology, { ...options, expectedRows: rows.length });
    // Parse errors and rows, merged in line order (one rejected row per line with errors).
    const byLine = new Map<number, RowError[]>();
    for (const e of parseErrors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
    const errorLines = [...byLine.keys()].sort((a, b) => a - b);
    let next = 0;
    const rejectUpTo = (line: number) => {
      while (next < errorLines.length && (errorLines[next] as number) <= line) {
        session.reject(byLine.get(errorLines[next] as number) ?? []);
        next += 1;
      }
    };
    for (const row of rows) {
      rejectUpTo(row.line - 1);
      session.add(row);
    }
    rejectUpTo(Number.POSITIVE_INFINITY);
    const { report, commit } = session.finish();
    // Not committing: undo any batch stored before the first error (better-sqlite3 rolls back on throw).
    if (!commit && !options.dryRun && db.inTransaction) throw new RollBack(report);
    return report;
  });
  try {
    return options.dryRun ? run.deferred() : run.immediate();
  } catch (err) {
    if (err instanceof RollBack) return err.report;
    throw err;
  }
}

/** Thrown out of a transaction to roll it back while keeping the report. */
class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back');
  }
}

/** Why a streamed import stopped before its end: the whole file is refused, nothing is stored. */
export class ImportAborted extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * A streamed import on a connection no one else uses meanwhile (the jobs worker's, or a CLI's): the
 * transaction stays open across the file's reads. `items` may throw ImportAborted (a file that cannot be
 * read, too many rows); the transaction is then rolled back.
 */
export async function importStream(
  db: Db,
  hydrology: HydrologyProvider,
  items: AsyncIterable<RowItem>,
  options: SessionOptions & { maxRows?: number },
): Promise<{ report: ImportReport; maxPending: number }> {
  db.exec(options.dryRun ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
  try {
    const session = new SiteImportSession(db, hydrology, options);
    for await (const item of items) {
      if (item.ok) session.add(item.row);
      else session.reject(item.errors);
      if (options.maxRows !== undefined && session.rowCount > options.maxRows)
        throw new ImportAborted(
          'TOO_MANY_ROWS',
          `The file has more than ${options.maxRows} rows; one import takes at most ${options.maxRows}. Split it.`,
          413,
          { maxRows: options.maxRows },
        );
    }
    const { report, commit } = session.finish();
    db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    return { report, maxPending: session.maxPending };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
