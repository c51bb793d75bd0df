// A small pool of worker threads with a bounded queue: CPU-heavy jobs (password hashing, imports,
// exports, large reviews, reports) run off the event loop and off libuv's shared thread pool, and a
// flood of them is refused at once instead of queueing without limit.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Thrown (synchronously rejected) when the queue is full: the caller answers 429/503 with Retry-After. */
export class PoolBusyError extends Error {
  constructor() {
    super('The server is busy; try again shortly.');
    this.name = 'PoolBusyError';
  }
}

interface Job {
  message: unknown;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export interface PoolStats {
  /** Jobs finished (successfully or not) since start. */
  done: number;
  running: number;
  queued: number;
  /** Most jobs ever running at once (never more than the pool size). */
  maxRunning: number;
  refused: number;
}

const requireHere = createRequire(import.meta.url);

/**
 * Worker source that registers tsx's loader and then imports the TypeScript module: Node 20 does not
 * apply `--import tsx` to a worker's entry point, and vitest's loader does not reach workers at all.
 */
function bootstrap(moduleUrl: URL): string {
  // The ESM build of tsx/esm/api (require.resolve would pick the CommonJS one).
  const tsxDir = path.dirname(requireHere.resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
}

/** What a pool tells its owner about its threads (for the server's log). */
export type PoolEvent =
  | { kind: 'started'; threadId: number }
  | { kind: 'died'; threadId: number; reason: string; lostJob: boolean }
  | { kind: 'restarting'; delayMs: number };

export interface PoolOptions {
  maxOldGenerationSizeMb?: number;
  workerData?: unknown;
  /** Replace a thread that died at once (after a back-off), instead of on the next job. */
  keepAlive?: boolean;
  onEvent?: (event: PoolEvent) => void;
}

/** Back-off between restarts of a thread that keeps dying (doubling from the first, up to the last). */
const RESTART_MIN_MS = 500;
const RESTART_MAX_MS = 60_000;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private restartDelayMs = RESTART_MIN_MS;
  private restartTimer: NodeJS.Timeout | null = null;
  private drained: Array<() => void> = [];
  private readonly queue: Job[] = [];
  /** Served before `queue`, with its own bound (e.g. logins to accounts nobody is guessing at). */
  private readonly urgent: Job[] = [];
  private closed = false;
  readonly stats: PoolStats = { done: 0, running: 0, queued: 0, maxRunning: 0, refused: 0 };

  constructor(
    private readonly moduleUrl: URL,
    private readonly size: number,
    private readonly maxQueued: number,
    private readonly options: PoolOptions = {},
  ) {}

  /** Starts every thread now (a server at start-up), so the first job does not wait for one to load. */
  start(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /**
   * Runs one job on a free worker (starting workers lazily); rejects with PoolBusyError when its queue
   * is full. `urgent` jobs wait in a separate queue that is served first.
   */
  run<T>(message: unknown, options: { transfer?: ArrayBuffer[]; urgent?: boolean } = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The worker pool is closed.'));
    const queue = options.urgent ? this.urgent : this.queue;
    if (queue.length >= this.maxQueued && !this.freeSlot()) {
      this.stats.refused += 1;
      return Promise.reject(new PoolBusyError());
    }
    return new Promise<T>((resolve, reject) => {
      queue.push({
        message,
        transfer: options.transfer ?? [],
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /** Whether a job submitted now would be refused (without starting a worker to find out). */
  get full(): boolean {
    const allBusy = this.slots.length >= this.size && this.slots.every((s) => s.job !== null);
    return allBusy && this.queue.length >= this.maxQueued;
  }

  /** Resolves once no job is running or queued (new jobs are still taken meanwhile). */
  idle(): Promise<void> {
    if (this.stats.running === 0 && this.urgent.length + this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /** Shutdown: lets every accepted job finish, then stops the threads. */
  async drain(): Promise<void> {
    await this.idle();
    await this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    for (const job of [...this.urgent.splice(0), ...this.queue.splice(0)])
      job.reject(new Error('The server is shutting down.'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private freeSlot(): Slot | null {
    const idle = this.slots.find((s) => s.job === null);
    if (idle) return idle;
    if (this.slots.length < this.size) return this.spawn();
    return null;
  }

  private spawn(): Slot {
    const { maxOldGenerationSizeMb, workerData, onEvent } = this.options;
    const worker = new Worker(bootstrap(this.moduleUrl), {
      eval: true,
      workerData,
      ...(maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb } } : {}),
    });
    worker.unref();
    const slot: Slot = { worker, job: null };
    onEvent?.({ kind: 'started', threadId: worker.threadId });
    worker.on(
      'message',
      (reply: { ok: true; value: unknown } | { ok: false; error: string; status?: number }) => {
        const job = slot.job;
        slot.job = null;
        // An idle worker must not keep a CLI process alive; a busy one must.
        worker.unref();
        this.finish();
        if (!job) return;
        // A thread that finishes jobs is healthy again: the next death restarts it quickly.
        this.restartDelayMs = RESTART_MIN_MS;
        if (reply.ok) job.resolve(reply.value);
        else job.reject(new Error(reply.error));
        this.pump();
      },
    );
    worker.on('error', (err) => this.lose(slot, err));
    // An idle thread that dies must leave the pool too, or the next job would be posted to a dead one.
    worker.on('exit', (code) => this.lose(slot, new Error(`worker stopped (exit ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /**
   * A worker died (out of memory, crash): fail its job and replace it — at once with `keepAlive`
   * (after a back-off that doubles while it keeps dying), else on the next job.
   */
  private lose(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // 'error' and then 'exit' for the same death
    this.slots.splice(i, 1);
    const job = slot.job;
    slot.job = null;
    if (!this.closed)
      this.options.onEvent?.({
        kind: 'died',
        threadId: slot.worker.threadId,
        reason: err.message,
        lostJob: job !== null,
      });
    if (job) {
      this.finish();
      job.reject(err);
    }
    void slot.worker.terminate();
    if (this.options.keepAlive && !this.closed && !this.restartTimer) {
      const delayMs = this.restartDelayMs;
      this.restartDelayMs = Math.min(RESTART_MAX_MS, delayMs * 2);
      this.options.onEvent?.({ kind: 'restarting', delayMs });
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.start();
        this.pump();
      }, delayMs);
      this.restartTimer.unref();
    }
    this.pump();
  }

  /** Threads alive now (for tests: a killed thread is replaced). */
  get threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  private finish(): void {
    this.stats.done += 1;
    this.stats.running -= 1;
    if (this.stats.running === 0 && this.urgent.length + this.queue.length === 0)
      for (const resolve of this.drained.splice(0)) resolve();
  }

  private pump(): void {
    while (this.urgent.length + this.queue.length > 0 && !this.closed) {
      const slot = this.freeSlot();
      if (!slot) break;
      const job = (this.urgent.shift() ?? this.queue.shift()) as Job;
      slot.job = job;
      slot.worker.ref();
      this.stats.running += 1;
      this.stats.maxRunning = Math.max(this.stats.maxRunning, this.stats.running);
      slot.worker.postMessage(job.message, job.transfer);
    }
    this.stats.queued = this.urgent.length + this.queue.length;
  }
}
