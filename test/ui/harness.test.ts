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
    expect(await ws.page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(ws.pageErrors).toEqual([]);
  });
});
