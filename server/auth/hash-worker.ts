// Worker thread for password hashing: scrypt runs here synchronously, so it never occupies libuv's
// shared thread pool (which also serves file reads for static files and glyphs).
import { serve } from '../workers/serve.js';
import { hashPasswordSync, verifyPasswordSync } from './password.js';

export type HashJob = { op: 'hash'; password: string } | { op: 'verify'; password: string; stored: string };

serve((message) => {
  const job = message as HashJob;
  return job.op === 'hash' ? hashPasswordSync(job.password) : verifyPasswordSync(job.password, job.stored);
});
