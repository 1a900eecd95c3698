/**
 * Rough edges a demanding rep hits (issue 14, points 3, 9, 10), in French and English: the
 * complaints list, a customer page and a visit brief opened from the route, with screenshots for
 * a human (test-results/screens/polish-*.png), and not one `MissingTranslationError` in the console.
 */
import { REP, expect, test } from './fixtures.js';

test.use({ viewport: { width: 1366, height: 800 } });

test.afterEach(async ({ headOffice }) => {
  await headOffice.setLocaleOf(REP, 'fr');
});

for (const locale of ['fr', 'en'] as const) {
  test(`complaints, customer and brief in ${locale}, every label translated`, async ({ app, page }) => {
    const missing: string[] = [];
    page.on('console', (message) => {
      if (/MissingTranslationError|MISSING_TRANSLATION/.test(message.text())) missing.push(message.text());
    });
    await app.signIn(REP);
    await app.waitUpToDate().catch(() => undefined);
    if (locale === 'en') {
      await page.getByRole('link', { name: 'Paramètres' }).click();
      await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
      await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
    }
    const shot = (name: string) =>
      page.screenshot({ path: `test-results/screens/polish-${locale}-${name}.png` });

    await page.evaluate(() => {
      window.location.hash = '#/complaints';
    });
    const summary = page.locator('.complaints__summary');
    await expect(summary).toContainText(locale === 'fr' ? /ouverte/ : /open complaint/, { timeout: 20_000 });
    await shot('complaints');
    const table = page.getByRole('table');
    await expect(table).not.toContainText(/Retard de livraison|Livraison endommagée|Produit manquant/);

    await table.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shot('customer');
    await page.getByRole('tab', { name: /^(Données & consentements|Data & consents)$/ }).click();
    await shot('consents');

    await app.openRoute(new Date().toISOString().slice(0, 10));
    const prepare = page.getByRole('link', { name: /^(Préparer|Prepare)/ }).first();
    if ((await prepare.count()) > 0) {
      await prepare.click();
      await expect(page.getByRole('link', { name: /Retour à la tournée|Back to the route/ })).toBeVisible();
      await expect(page.locator('article.brief')).toHaveAttribute('data-brief-ready', 'true', {
        timeout: 20_000,
      });
      await shot('brief');
    }
    expect(missing).toEqual([]);
  });
}
