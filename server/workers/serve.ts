// The worker side of WorkerPool: answers each message with {ok, value} or {ok: false, error, status}.
import { parentPort } from 'node:worker_threads';

/** An error whose message is safe to show the client, with the HTTP status it should answer. */
export class JobError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function serve(handle: (message: unknown) => unknown | Promise<unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs only inside a worker thread');
  port.on('message', async (message: unknown) => {
    try {
      port.postMessage({ ok: true, value: await handle(message) });
    } catch (err) {
      port.postMessage({
        ok: false,
        error: err instanceof Error ? err.message : String(err),
        ...(err instanceof JobError ? { status: err.status } : {}),
      });
    }
  });
}
