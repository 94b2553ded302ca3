import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';

let ws: Workstation;
beforeAll(async () => {
  ws = await startWorkstation();
});
afterAll(async () => {
  await ws?.close();
});

describe('the browser harness', () => {
  it('opens the served renderer in chromium, signed in by the launch token, with no Node in the page', async () => {
    await ws.page.getByRole('heading', { name: 'Welcome to Attest' }).waitFor();
    expect(new URL(ws.page.url()).search).toBe('');
    // Evaluated in the page as text: the test's own program has no DOM types.
    expect(await ws.page.evaluate('[typeof window.require, typeof window.process]')).toEqual(['undefined', 'undefined']);
    expect(ws.pageErrors).toEqual([]);
  });
});
