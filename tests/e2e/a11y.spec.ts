/**
 * Every screen passes axe with no serious or critical violation, in French and English,
 * online and offline; the customer list works with the keyboard alone.
 */
import { REP, THIRD_REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

test('sign-in screen, in French and in English', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The form with its validation errors shown.
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText(/Saisissez une adresse e-mail valide/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoSeriousA11yViolations(page);
});

test('customer list, customer page, edit form, settings and sync details', async ({ app, page }) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await expect(app.customerRows().first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const name = (await app.customerRows().first().getByRole('link').innerText()).trim();
  await app.openCustomer(name);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Modifier la fiche' }).click();
  await expect(page.getByRole('textbox', { name: 'Raison sociale' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Annuler' }).click();

  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Détails de la synchronisation' }).click();
  await expect(page.getByRole('dialog', { name: 'Synchronisation' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('offline state: banner, indicator and a note waiting on this laptop', async ({ app, page, context }) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });
  await expectNoSeriousA11yViolations(page);
  const name = (await app.customerRows().first().getByRole('link').innerText()).trim();
  await app.openCustomer(name);
  await app.addNote('Note sans réseau pour le contrôle d’accessibilité');
  await expect(page.getByText('enregistré sur ce portable').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await context.setOffline(false);
});

test('English screens', async ({ app, page, headOffice }) => {
  // Julien, so that head office keeps Camille in French for the other tests.
  await app.signIn(THIRD_REP);
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(app.customerRows().first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Sync details' }).click();
  await expect(page.getByRole('dialog', { name: 'Sync' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await headOffice.setLocaleOf(THIRD_REP, 'fr');
});

test('the customer list is usable with the keyboard alone', async ({ app, page }) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  const rows = app.customerRows();
  await expect(rows.first()).toBeVisible();

  // Tab from the filter reaches the grid (past the list's filters and the sortable headers):
  // exactly one row is a tab stop (the active one).
  await page.getByRole('searchbox', { name: 'Filtrer les clients' }).focus();
  const firstLink = rows.nth(0).getByRole('link');
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    if (await firstLink.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(firstLink).toBeFocused();
  await expect(rows.nth(0)).toHaveAttribute('data-active', 'true');

  // ArrowDown and J move the active row; focus follows and is visible.
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1).getByRole('link')).toBeFocused();
  await page.keyboard.press('j');
  const third = rows.nth(2);
  const thirdLink = third.getByRole('link');
  await expect(thirdLink).toBeFocused();
  await expect(third).toHaveAttribute('data-active', 'true');
  await expect(rows.nth(0)).not.toHaveAttribute('data-active', 'true');
  expect(await thirdLink.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  // The focused row is outlined (a 2 px accent ring drawn on its cells).
  const ring = await third.evaluate((row) => getComputedStyle(row.querySelector('td')!).boxShadow);
  expect(ring).toMatch(/inset/);
  await page.keyboard.press('k');
  await expect(rows.nth(1).getByRole('link')).toBeFocused();
  await page.keyboard.press('ArrowDown');

  // Enter opens the customer page, whose title takes the focus.
  const name = (await thirdLink.innerText()).trim();
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { name, level: 1 });
  await expect(title).toBeVisible();
  await expect(title).toBeFocused();
});
