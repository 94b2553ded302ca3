import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../src/api/call-runner.js';
import type { Progress } from '../../src/api/result.js';

describe('progress as the hosts send it', () => {
  it('passes a report at most every 100 ms, but always the one that completes a phase', () => {
    let clock = 1_000;
    const sent: Progress[] = [];
    const report = throttleProgress((p) => sent.push(p), 100, () => clock);
    const at = (ms: number, done: number, total = 10): void => {
      clock = ms;
      report({ phase: 'rows', done, total });
    };
    at(1_000, 1);
    at(1_050, 2);
    at(1_099, 3);
    at(1_100, 4);
    at(1_120, 10);
    at(1_121, 0, 5);
    at(1_300, 1, 5);
    expect(sent.map((p) => p.done)).toEqual([1, 4, 10, 1]);
  });
});
