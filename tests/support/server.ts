// Starts the real Express app on a free loopback port against a given database file.
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp } from '../../server/boot/app.js';
import { answerClientErrors } from '../../server/http/security.js';
import { createServices, type Services } from '../../server/runtime/services.js';
import { createToken } from './auth.js';

export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * Starts the server. With `{ editorToken: true }` it also creates an editor's API token in that
 * database (only for a copy: never ask for one on the shared built database). `app` overrides the
 * app's options (e.g. a higher per-client limit on heavy routes for the fuzz tests).
 */
export async function startServer(
  dbPath: string,
  options?: { app?: Partial<AppOptions> },
): Promise<RunningServer>;
export async function startServer(
  dbPath: string,
  options: { editorToken: true; app?: Partial<AppOptions> },
): Promise<RunningServer & { editorToken: string }>;
export async function startServer(
  dbPath: string,
  options: { editorToken?: boolean; app?: Partial<AppOptions> } = {},
): Promise<RunningServer & { editorToken?: string }> {
  const services = createServices({ dbPath });
  const editorToken = options.editorToken ? createToken(dbPath, 'editor') : undefined;
  const server = createApp(services, options.app).listen(0, '127.0.0.1');
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    ...(editorToken === undefined ? {} : { editorToken }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          services.close();
          resolve();
        });
      }),
  };
}
