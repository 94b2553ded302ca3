import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeRosterWorkspace } from '../helpers/large-roster.js';
import { startWorkstation, type Workstation } from '../helpers/workstation.js';
import { openScreen, unlockWorkspace } from '../helpers/workstation-flows.js';
import { PASSPHRASE } from '../helpers/workspace.js';

const PEOPLE = 100_000;

/** Runs in the page (the test's own program has no DOM types, hence the shape). */
function scrollTo(element: { scrollHeight: number; scrollTo: (options: { top: number }) => void }, fraction: number): void {
  element.scrollTo({ top: element.scrollHeight * fraction });
}
let ws: Workstation;

beforeAll(async () => {
  ws = await startWorkstation({
    prepare: (dir) => largeRosterWorkspace(dir, PEOPLE, PASSPHRASE),
  });
  await unlockWorkspace(ws.page, ws.demoWorkspace!, PASSPHRASE);
  await ws.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}, 180_000);
afterAll(async () => {
  await ws?.close();
});

describe('a 100k-identity population in the browser', () => {
  it('keeps only the rows in view in the page and fetches only the pages scrolled to', async () => {
    const { page } = ws;
    const asked: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/identities.search')) asked.push((JSON.parse(request.postData() ?? '{}') as { offset?: number }).offset ?? 0);
    });
    await openScreen(page, 'Identities & accounts');
    await page.getByTestId('table-total').filter({ hasText: '100,000 identities' }).waitFor();
    const table = page.getByRole('table', { name: 'Identities' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(PEOPLE));
    expect(await table.getByRole('row').count()).toBeLessThan(80);

    // Jump to the middle: the rows there arrive, and only their page (and a neighbour) is asked for.
    asked.length = 0;
    const scroller = table.locator('[role="row"]').first().locator('xpath=following-sibling::div[1]');
    await scroller.evaluate(scrollTo, 0.5);
    await table.getByRole('cell', { name: 'E050000', exact: true }).waitFor();
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(3);
    expect(asked.every((offset) => offset >= 49_000 && offset <= 51_000)).toBe(true);
    expect(await table.getByRole('row').count()).toBeLessThan(80);

    // And the very end.
    await scroller.evaluate(scrollTo, 1);
    await table.getByRole('cell', { name: 'E099999', exact: true }).waitFor();
  });

  it('searches and filters on the host, a page at a time', async () => {
    const { page } = ws;
    await page.getByRole('searchbox', { name: 'Search' }).fill('person.07777');
    await page.getByTestId('table-total').filter({ hasText: /^10 identities$/ }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'terminated' }).click();
    await page.getByTestId('table-total').filter({ hasText: `${Math.ceil(PEOPLE / 17).toLocaleString('en-GB')} identities` }).waitFor();
    expect(ws.pageErrors).toEqual([]);
  });
});
