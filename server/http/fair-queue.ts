// Fair turns under overload: at most a few requests are handled per event-loop turn, the rest wait for the
// next turn. Node 20's libuv accepts one new connection per turn, so when every turn handled all pending
// requests (hundreds of milliseconds at full load) new clients waited seconds just to be accepted.
import type { RequestHandler } from 'express';

/** Requests handled per turn: about 20–40 ms of work, so accept() and new sockets get a turn often. */
export const REQUESTS_PER_TURN = 16;

export function fairQueue(perTurn = REQUESTS_PER_TURN): RequestHandler {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    for (let i = 0; i < perTurn && waiting.length > 0; i += 1) (waiting.shift() as () => void)();
    if (waiting.length > 0) {
      scheduled = true;
      setImmediate(drain);
    }
  };
  return (_req, _res, next) => {
    waiting.push(() => next());
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  };
}
