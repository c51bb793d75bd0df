// Starts the real Express app on a free loopback port against a given database file.
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/http/app.js';
import { answerClientErrors } from '../../server/http/security.js';
import { createServices, type Services } from '../../server/services.js';

export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

export async function startServer(dbPath: string): Promise<RunningServer> {
  const services = createServices({ dbPath });
  const server = createApp(services).listen(0, '127.0.0.1');
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          services.close();
          resolve();
        });
      }),
  };
}
