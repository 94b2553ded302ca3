import type { Progress } from '../api/result.js';
import type { Terminal } from './terminal.js';

/** Progress goes to stderr (stdout carries only the result): "phase: done / total (pct)". */
export function progressReporter(terminal: Terminal): (progress: Progress) => void {
  let lastShown = 0;
  let lastLine = '';
  return ({ phase, done, total }) => {
    const now = Date.now();
    if (done < total && now - lastShown < 200) return;
    const line = `${phase}:${done}/${total}`;
    if (line === lastLine) return;
    lastShown = now;
    lastLine = line;
    const pct = total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : '';
    terminal.stderr(`${phase}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}${pct}${terminal.interactive && done < total ? '\r' : '\n'}`);
  };
}
