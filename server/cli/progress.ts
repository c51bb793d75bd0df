// Progress for long CLI work (network build, large imports and exports), on stderr so stdout stays
// the answer: on a terminal one line rewritten in place; in a pipe or CI only stage lines.
export interface Progress {
  /** Starts a stage ("storing 5,000 sites"). */
  stage(label: string): void;
  /** Counts within the current stage; drawn on a terminal at most every 100 ms. */
  tick(done: number, total: number): void;
  /** Ends the current stage with what it did. */
  done(summary: string): void;
}

interface Sink {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function createProgress(out: Sink = process.stderr, options: { enabled?: boolean } = {}): Progress {
  const enabled = options.enabled ?? true;
  const tty = out.isTTY === true;
  let label = '';
  let started = performance.now();
  let lastDraw = 0;
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const draw = (text: string) => out.write(`\r\x1b[K${text}`);
  return {
    stage(next) {
      label = next;
      started = performance.now();
      lastDraw = 0;
      if (!enabled) return;
      if (tty) draw(`${label}…`);
      else out.write(`${label}…\n`);
    },
    tick(done, total) {
      if (!enabled || !tty) return;
      const now = performance.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      draw(`${label}… ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${pct} %)`);
    },
    done(summary) {
      if (!enabled) return;
      if (tty) draw(`${summary} (${seconds()})\n`);
      else out.write(`${summary} (${seconds()})\n`);
    },
  };
}
