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
