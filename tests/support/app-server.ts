// Starts the real Express app with explicit options (trusted proxies, a fresh login limiter) on a
// loopback port, for tests that need more than tests/support/server.ts's defaults.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp } from '../../server/boot/app.js';
import { answerClientErrors } from '../../server/http/security.js';
import type { Services } from '../../server/runtime/services.js';

export interface AppServer {
  url: string;
  api: string;
  close(): Promise<void>;
}

export async function listenApp(services: Services, options: Partial<AppOptions> = {}): Promise<AppServer> {
  const server: Server = createApp(services, options).listen(0, '127.0.0.1');
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    api: `${url}/api`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
