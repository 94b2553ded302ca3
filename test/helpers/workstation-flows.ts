import type { Page } from 'playwright-core';

/** Steps a person takes in the workstation, shared by the browser tests and the screenshot script. */
export async function unlockWorkspace(page: Page, path: string, passphrase: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Open a workspace' });
  await form.getByRole('textbox', { name: /^Workspace file/ }).fill(path);
  await form.getByLabel(/^Passphrase/).fill(passphrase);
  await form.getByRole('button', { name: 'Unlock workspace' }).click();
}

/** Opens a screen from the navbar and waits for its title. */
export async function openScreen(page: Page, label: string, title = label): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Runs the import wizard on one file up to its result. */
export async function importThroughWizard(page: Page, file: string, system: string): Promise<void> {
  await openScreen(page, 'Import');
  const form = page.getByRole('form', { name: 'Choose the file' });
  await form.getByRole('textbox', { name: /^File/ }).fill(file);
  await form.getByRole('textbox', { name: /^System/ }).fill(system);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('region', { name: 'Problems found' }).waitFor();
}

/** Runs the campaign wizard up to its pre-launch check (the draft created, the check shown). */
export async function createCampaignThroughWizard(page: Page, campaign: { name: string; system?: string; fallback: string; due?: string }): Promise<void> {
  await openScreen(page, 'Campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByRole('textbox', { name: /^Name/ }).fill(campaign.name);
  if (campaign.system) {
    await page.getByRole('combobox', { name: 'Systems' }).click();
    await page.getByRole('option', { name: campaign.system }).click();
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: /^Fallback reviewer/ }).fill(campaign.fallback);
  await page.getByRole('button', { name: 'Next' }).click();
  if (campaign.due) await page.getByLabel(/^Due date/).fill(campaign.due);
  await page.getByRole('button', { name: 'Create draft and check' }).click();
  await page.getByTestId('prelaunch-check').waitFor();
}

/** The review screen's current item id (the card shown). */
export async function shownItem(page: Page): Promise<number> {
  return Number(await page.getByTestId('review-item').getAttribute('data-item-id'));
}

/** Presses a review key and waits until another item is shown. */
export async function pressAndAdvance(page: Page, key: string): Promise<number> {
  const before = await shownItem(page);
  await page.keyboard.press(key);
  await page.locator(`[data-testid="review-item"]:not([data-item-id="${before}"])`).waitFor();
  return shownItem(page);
}

/** Generates a pack in the Evidence screen (its campaign as chosen) and waits for the result or the error. */
export async function generatePackThroughScreen(page: Page, out: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Generate an evidence pack' });
  await form.getByRole('textbox', { name: /^Pack file/ }).fill(out);
  await form.getByRole('button', { name: 'Generate and sign' }).click();
  await page.getByTestId('pack-result').or(page.getByRole('alert')).first().waitFor();
}

/** Verifies a pack by its path in the Evidence screen's verify panel; resolves with the panel's result. */
export async function verifyPackThroughScreen(page: Page, path: string): Promise<ReturnType<Page['getByTestId']>> {
  const panel = page.getByRole('region', { name: 'Verify a pack' });
  await panel.getByRole('textbox', { name: /^Pack file/ }).fill(path);
  await panel.getByRole('button', { name: 'Verify' }).click();
  const result = panel.getByTestId('pack-verification');
  await result.waitFor();
  return result;
}
