/** The language is remembered per user: on this laptop, across reloads and sign-ins. */
import { OTHER_REP, REP, expect, test } from './fixtures.js';

test.afterEach(async ({ headOffice }) => {
  // Head office keeps the language too: leave Camille in French for the other tests.
  await headOffice.setLocaleOf(REP, 'fr');
});

test('English for Camille survives a reload and another user, French for Thomas', async ({ app, page }) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  async function expectEnglish(): Promise<void> {
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(nav.getByRole('link', { name: 'Customers' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
    await expect(app.syncStatus()).toContainText(/Up to date|Offline|waiting|Syncing/, { timeout: 20_000 });
  }
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expectEnglish();
  await expect(app.syncStatus()).toContainText(/Up to date · synced/, { timeout: 20_000 });

  // Dates come from Intl in the formatting locale: English is en-GB unless this laptop chose
  // en-US ("5 Jan 2026, 09:00", then "Jan 5, 2026, 9:00 AM"), never "5 janv. 2026".
  await nav.getByRole('link', { name: 'Customers' }).click();
  const first = app.customerRows().first();
  const name = (await first.getByRole('link').innerText()).trim();
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const updated = page.locator('dd[data-field="updatedAt"]');
  await expect(updated).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/);
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Date and time format' }).selectOption('en-US');
  await page.goBack();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(updated).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/);
  await expect(page.getByRole('button', { name: 'Edit customer' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expectEnglish();
  await expect(updated).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}/);

  // Another user on the same browser: his own language (French).
  await app.signOut();
  await app.signIn(OTHER_REP, { goto: false });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await app.waitUpToDate();

  // Camille again: English.
  await app.signOut();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await app.signIn(REP, { goto: false });
  await expectEnglish();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});
