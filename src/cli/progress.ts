import type { Progress } from '../api/result.js';
import type { Terminal } from './terminal.js';

/**
 * Progress goes to stderr (stdout carries only the result): "phase: done / total (pct)", or
 * "phase: done" when the total is not known (0), as for a directory search.
 */
export function progressReporter(terminal: Terminal): (progress: Progress) => void {
  let lastShown = 0;
  let lastLine = '';
  return ({ phase, done, total }) => {
    const now = Date.now();
    const finished = total > 0 && done >= total;
    if (!finished && now - lastShown < 200) return;
    const line = `${phase}:${done}/${total}`;
    if (line === lastLine) return;
    lastShown = now;
    lastLine = line;
    const pct = total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : '';
    const counts = total > 0 ? `${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}${pct}` : `${done.toLocaleString('en-US')} so far`;
    terminal.stderr(`${phase}: ${counts}${terminal.interactive && !finished ? '\r' : '\n'}`);
  };
}
