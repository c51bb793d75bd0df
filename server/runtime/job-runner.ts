// Runs heavy jobs inline when they are small and on the jobs worker thread when they are not, so a large
// import, export, review or report never blocks the event loop; the worker's heap is capped, so one
// oversized file costs a refused request, not the server's memory.

import { type PoolEvent, WorkerPool } from '../workers/pool.js';
import type { Job, JobResult } from './jobs.js';

/** Jobs waiting for the worker beyond the running one; more are refused with 503 + Retry-After. */
export const JOB_QUEUE = 8;
/** Heap of the jobs worker: its services take ~150 MB, the rest is for one job's data. */
export const JOB_HEAP_MB = 1024;

/** When a job is big enough to leave the event loop. */
export interface OffloadPolicy {
  /** Planning reviews of geometries with more positions than this. */
  reviewPositions: number;
  /** Imports with a body larger than this. */
  importBytes: number;
  /** Exports when the register holds more sites than this. */
  exportSites: number;
  /** Reports and notification drafts (each computes traces for a whole basin). */
  reports: boolean;
}

export const DEFAULT_OFFLOAD: OffloadPolicy = {
  reviewPositions: 500,
  importBytes: 256 * 1024,
  exportSites: 2000,
  reports: true,
};

export class JobRunner {
  private pool: WorkerPool | null = null;
  private onEvent: ((event: PoolEvent) => void) | undefined;

  constructor(
    private readonly dbPath: string,
    /** Runs a job on this thread (the caller's own services; the job modules load on first use). */
    private readonly inline: (job: Job) => Promise<JobResult>,
    private readonly heapMb = JOB_HEAP_MB,
  ) {}

  /**
   * A server starts the worker at start-up (a CLI command never does): it loads its services while
   * the server warms up, is restarted whenever it dies, and `onEvent` hears of both (for the log).
   */
  start(onEvent?: (event: PoolEvent) => void): void {
    this.onEvent = onEvent;
    this.workers().start();
  }

  async run(job: Job, offload: boolean): Promise<JobResult> {
    if (!offload) return this.inline(job);
    return this.workers().run<JobResult>(job);
  }

  private workers(): WorkerPool {
    this.pool ??= new WorkerPool(new URL('./jobs-worker.ts', import.meta.url), 1, JOB_QUEUE, {
      maxOldGenerationSizeMb: this.heapMb,
      workerData: { dbPath: this.dbPath },
      keepAlive: true,
      onEvent: (event) => this.onEvent?.(event),
    });
    return this.pool;
  }

  get stats() {
    return this.pool?.stats ?? null;
  }

  /** Ids of the worker threads alive now (empty before start and after close). */
  get threadIds(): number[] {
    return this.pool?.threadIds ?? [];
  }

  /** Shutdown: every accepted job finishes, then the worker stops. */
  drain(): Promise<void> {
    return this.pool?.drain() ?? Promise.resolve();
  }

  close(): Promise<void> {
    return this.pool?.close() ?? Promise.resolve();
  }
}
