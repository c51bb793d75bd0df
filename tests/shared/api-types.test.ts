// The server's trace answer fits the contract's TraceResult (shared/api.ts) the client reads it with:
// checked by the type checker (`npm run lint`), so a field renamed or retyped on one side fails there.
import { describe, expect, it } from 'vitest';
import type { TraceResult as ServerTraceResult } from '../../server/core/trace/trace-result.js';
import type { TraceResult } from '../../shared/api.js';

/** Compiles only while every server trace is a contract trace (assignability, not a runtime check). */
const asContract = (t: ServerTraceResult): TraceResult => t;

describe('API types', () => {
  it('a trace answer of the server is a TraceResult of the contract', () => {
    expect(typeof asContract).toBe('function');
  });
});
