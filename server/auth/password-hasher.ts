// Password hashing for the server: one dedicated worker thread with a bounded queue, so a login flood
// can neither starve other work nor queue without limit (a full queue is refused at once).
import { PoolBusyError, WorkerPool } from '../workers/pool.js';
import type { HashJob } from './hash-worker.js';

/** One thread: on a 2-core machine the other core keeps serving everything else. */
export const HASH_THREADS = 1;
/** Password checks that may wait for the thread (at ~100 ms each, about 2 s of waiting at most). */
export const HASH_QUEUE = 16;

export class PasswordHasher {
  private readonly pool: WorkerPool;
  /** Password checks run (verify jobs finished), for tests and benchmarks. */
  verifications = 0;

  constructor(threads = HASH_THREADS, queue = HASH_QUEUE) {
    this.pool = new WorkerPool(new URL('./hash-worker.ts', import.meta.url), threads, queue);
  }

  get stats() {
    return { ...this.pool.stats, verifications: this.verifications };
  }

  /** Whether a check submitted now would be refused (queue full). */
  get busy(): boolean {
    return this.pool.full;
  }

  /** Starts the thread now (a server calls this at start-up, so the first login does not wait for it). */
  warm(): Promise<void> {
    return this.pool
      .run<boolean>({ op: 'verify', password: 'x', stored: '!' } satisfies HashJob)
      .then(() => undefined);
  }

  hash(password: string): Promise<string> {
    return this.pool.run<string>({ op: 'hash', password } satisfies HashJob);
  }

  /**
   * Rejects with PoolBusyError when the queue is full. `urgent` checks (accounts with no recent
   * failure) have their own queue, served first, so guesses at other accounts cannot lock them out.
   */
  async verify(password: string, stored: string, urgent = false): Promise<boolean> {
    try {
      const ok = await this.pool.run<boolean>({ op: 'verify', password, stored } satisfies HashJob, {
        urgent,
      });
      this.verifications += 1;
      return ok;
    } catch (err) {
      if (!(err instanceof PoolBusyError)) this.verifications += 1;
      throw err;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
