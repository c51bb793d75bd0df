// The worker side of WorkerPool: answers each message with {ok, value} or {ok: false, error}. Jobs that
// refuse their input return that as a value (server/jobs.ts), so a thrown error is a real failure.
import { parentPort } from 'node:worker_threads';

export function serve(handle: (message: unknown) => unknown | Promise<unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs only inside a worker thread');
  port.on('message', async (message: unknown) => {
    try {
      port.postMessage({ ok: true, value: await handle(message) });
    } catch (err) {
      port.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
