/**
 * Screenshots of every screen at 1366×800, in French and English, online and offline, for a
 * human to look at (test-results/screens/*.png). Run: `npx playwright test screens`.
 */
import type { Page } from '@playwright/test';
import { THIRD_REP, expect, test } from './fixtures.js';

test.use({ viewport: { width: 1366, height: 800 } });

// Julien switches to English; head office keeps it, so put him back in French afterwards.
test.afterEach(async ({ headOffice }) => {
  await headOffice.setLocaleOf(THIRD_REP, 'fr');
});

const dir = 'test-results/screens';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${dir}/${name}.png` });
}

for (const locale of ['fr', 'en'] as const) {
  test(`screens in ${locale}`, async ({ app, page, context }) => {
    await page.goto('/#/customers');
    if (locale === 'en') await page.getByLabel('Langue').selectOption('en');
    await shot(page, `${locale}-signin`);
    await app.signIn(THIRD_REP, { goto: false });
    await app.waitUpToDate().catch(() => undefined);
    await expect(app.syncStatus()).toContainText(/À jour|Up to date/, { timeout: 20_000 });
    if (locale === 'en') {
      await page.getByRole('link', { name: 'Paramètres' }).click();
      await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
      await page.getByRole('link', { name: 'Customers' }).click();
    }
    await shot(page, `${locale}-list`);
    await page.getByRole('button', { name: /Détails de la synchronisation|Sync details/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, `${locale}-sync-dialog`);
    await page.keyboard.press('Escape');
    await app.customerRows().first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shot(page, `${locale}-customer`);
    await page.getByRole('button', { name: /Modifier la fiche|Edit customer/ }).click();
    await shot(page, `${locale}-customer-edit`);
    await page.getByRole('link', { name: /Paramètres|Settings/ }).click();
    await shot(page, `${locale}-settings`);

    // Julien is a manager: his team's figures, tab by tab, and the campaigns.
    for (const tab of ['team', 'segments', 'visits', 'value', 'complaints'] as const) {
      await page.evaluate((t) => {
        window.location.hash = `#/figures?tab=${t}`;
      }, tab);
      await expect(page.getByRole('tabpanel')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('tabpanel').locator('.skeleton')).toHaveCount(0, { timeout: 30_000 });
      await shot(page, `${locale}-figures-${tab}`);
    }
    await page.evaluate(() => {
      window.location.hash = '#/campaigns';
    });
    await expect(page.getByRole('heading', { level: 1, name: /^(Campagnes|Campaigns)$/ })).toBeVisible();
    await expect(page.locator('.skeleton')).toHaveCount(0, { timeout: 20_000 });
    await shot(page, `${locale}-campaigns`);

    await context.setOffline(true);
    await expect(app.syncStatus()).toContainText(/Hors ligne|Offline/, { timeout: 20_000 });
    await page.getByRole('link', { name: /^(Clients|Customers)$/ }).click();
    await shot(page, `${locale}-list-offline`);
    await app.customerRows().first().getByRole('link').click();
    await page.getByRole('textbox', { name: /Nouvelle note|New note/ }).fill('Note prise sans réseau');
    await page.getByRole('button', { name: /Ajouter la note|Add the note/ }).click();
    await shot(page, `${locale}-customer-offline`);
    await page.evaluate(() => {
      window.location.hash = '#/figures?tab=segments';
    });
    // Said once: by the screen when the team figures were kept too, else by the tab.
    await expect(
      page
        .getByText(
          /copie gardée sur ce poste|copy kept on this computer|derniers chiffres lus|last figures read/,
        )
        .first(),
    ).toBeVisible({ timeout: 20_000 });
    await shot(page, `${locale}-figures-segments-offline`);
    await context.setOffline(false);
  });
}
