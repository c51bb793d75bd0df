// The fair-turn middleware: requests run in arrival order, at most REQUESTS_PER_TURN per event-loop turn,
// so the poll phase (accepting connections, reading sockets) comes round between batches.
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { fairQueue, REQUESTS_PER_TURN } from '../../server/http/fair-queue.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('fairQueue', () => {
  it('runs queued requests in order, a bounded batch per turn', async () => {
    const mw = fairQueue();
    const ran: number[] = [];
    const total = REQUESTS_PER_TURN * 2 + 3;
    for (let i = 0; i < total; i += 1) mw({} as Request, {} as Response, () => ran.push(i));
    // Nothing runs synchronously: the request waits for the queue's turn.
    expect(ran).toEqual([]);
    await turn();
    expect(ran).toHaveLength(REQUESTS_PER_TURN);
    await turn();
    expect(ran).toHaveLength(REQUESTS_PER_TURN * 2);
    await turn();
    expect(ran).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('a request arriving while a batch is pending joins the queue behind the earlier ones', async () => {
    const mw = fairQueue(2);
    const ran: string[] = [];
    for (const id of ['a', 'b', 'c']) mw({} as Request, {} as Response, () => ran.push(id));
    await turn();
    mw({} as Request, {} as Response, () => ran.push('d'));
    await turn();
    await turn();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  });
});
