// The jobs worker thread: loads its own services (network, indexes, its own database connection) once,
// then runs heavy jobs (server/jobs.ts) off the server's event loop.
import { workerData } from 'node:worker_threads';
import { serve } from '../workers/serve.js';
import { type Job, runJobOnWorker } from './jobs.js';
import { createServices } from './services.js';

const services = createServices({ dbPath: (workerData as { dbPath: string }).dbPath });
serve((message) => runJobOnWorker(services, message as Job));
