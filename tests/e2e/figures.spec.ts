/**
 * Team figures end to end, in web mode: the rep syncs; her manager opens "Chiffres", sees each
 * rep of his team (and no other team's) with the figures, the total and Camille's last sync;
 * the screen passes axe; the table exports as CSV for French Excel; a rep's name opens her
 * customers and a customer her 360; offline, the last figures read stay on screen (the team's and a tab read before), said to be.
 */
import { readFile } from 'node:fs/promises';
import { App, REP, THIRD_REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

const MANAGER = THIRD_REP;

test('a manager reads the team’s figures, exports them, drills down to a customer, and keeps them offline', async ({
  app,
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await app.signIn(REP);
  await app.waitUpToDate();

  const managerContext = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  const managerPage = await managerContext.newPage();
  const manager = new App(managerPage);
  await manager.signIn(MANAGER);
  await manager.waitForOfflineShell();
  await managerPage.getByRole('link', { name: 'Chiffres', exact: true }).click();
  await expect(managerPage.getByRole('heading', { name: 'Chiffres de l’équipe', level: 1 })).toBeVisible();

  const table = managerPage.getByRole('table', { name: 'Chiffres par commercial' });
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + 5); // header, total, five reps of Rhône-Alpes
  await expect(table.getByRole('link', { name: 'Karim Benali' })).toHaveCount(0);
  const camille = table.getByRole('row').filter({ has: managerPage.getByRole('link', { name: REP.name }) });
  // Camille synced a moment ago: her last sync is a date, not "never".
  await expect(camille).not.toContainText('Jamais synchronisé');
  await expect(camille).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expect(table.getByRole('row').nth(1)).toContainText('Tout le périmètre');
  await expect(table.getByRole('row').nth(1)).toContainText(/\d\s?€/);
  await expectNoSeriousA11yViolations(managerPage);

  // CSV for French Excel: BOM, semicolons, one line per rep after the total.
  const downloading = managerPage.waitForEvent('download');
  await managerPage.getByRole('button', { name: 'Exporter en CSV' }).click();
  const download = await downloading;
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  expect(lines[0]!.split(';').slice(0, 3)).toEqual(['Commercial', 'Équipe', 'Visites']);
  expect(lines).toHaveLength(1 + 1 + 5);
  expect(lines.some((l) => l.startsWith(`${REP.name};Rhône-Alpes;`))).toBe(true);

  // Drill down: Camille's customers, then one customer's 360.
  await table.getByRole('link', { name: REP.name }).click();
  const customers = managerPage.getByRole('table', { name: `Clients de ${REP.name}` });
  await expect(customers).toBeVisible({ timeout: 20_000 });
  await expectNoSeriousA11yViolations(managerPage);
  const first = customers.getByRole('row').nth(1).getByRole('link');
  const name = await first.innerText();
  await first.click();
  await expect(managerPage.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 20_000 });
  await managerPage.goBack();
  await expect(customers).toBeVisible();

  // Offline: the last figures read stay, said to be the last read; so does a tab read before.
  await managerPage.getByRole('link', { name: '← Retour à l’équipe' }).click();
  await expect(table).toBeVisible();
  await managerPage.getByRole('tab', { name: 'Où échouent les visites' }).click();
  const outcomes = managerPage.getByRole('heading', { name: 'Comment les visites se terminent' });
  await expect(outcomes).toBeVisible({ timeout: 20_000 });
  await managerPage.getByRole('tab', { name: 'Équipe' }).click();
  await expect(table).toBeVisible();
  await managerContext.setOffline(true);
  await managerPage.getByRole('link', { name: 'Clients', exact: true }).click();
  await managerPage.getByRole('link', { name: 'Chiffres', exact: true }).click();
  await expect(managerPage.getByText(/voici les derniers chiffres lus/)).toBeVisible({
    timeout: 20_000,
  });
  await expect(table.getByRole('link', { name: REP.name })).toBeVisible();
  await managerPage.screenshot({ path: 'test-results/figures-offline.png', fullPage: true });
  await managerPage.getByRole('tab', { name: 'Où échouent les visites' }).click();
  await expect(outcomes).toBeVisible({ timeout: 20_000 });
  // One notice says the screen is a copy; the tab says in a line when its own copy was read.
  await expect(managerPage.getByTestId('kept-line')).toContainText('Lue au siège le');
  await expect(managerPage.locator('.banner--warning')).toHaveCount(1);
  await managerContext.close();
  void page;
});

test('a manager opens the migration matrix, a cell, and a customer of it; the churn-risk list says why', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.signIn(MANAGER);
  await page.evaluate(() => {
    window.location.hash = '#/figures?tab=segments';
  });
  await expect(page.getByRole('heading', { name: 'Migrations entre segments' })).toBeVisible({
    timeout: 20_000,
  });
  await expectNoSeriousA11yViolations(page);
  const cells = page.locator('.figures__cell-button');
  expect(await cells.count()).toBeGreaterThan(1);
  const cell = cells.first();
  const label = (await cell.getAttribute('aria-label'))!;
  const title = label.split(' : ')[0]!;
  const count = Number(/(\d+) clients?/.exec(label)![1]);
  await cell.click();
  const list = page.getByRole('table', { name: title });
  await expect(list.getByRole('row')).toHaveCount(count + 1);
  const risk = page.getByRole('table', { name: /^Risque de départ \(\d+\)$/ });
  await expect(risk).toBeVisible();
  // The demo company has customers who stopped ordering: each says why it is listed.
  expect(await risk.getByRole('row').count()).toBeGreaterThan(1);
  await expect(risk.getByRole('row').nth(1)).toContainText(/jours sans commande|passé de/);
  await page.screenshot({ path: 'test-results/figures-matrix.png', fullPage: true });
  const first = list.getByRole('row').nth(1).getByRole('link');
  const name = await first.innerText();
  await first.click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/figures-360.png' });
});

test('a manager sees where the team’s visits fail, for the team and one family, and it passes axe', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.signIn(MANAGER);
  await page.getByRole('link', { name: 'Chiffres', exact: true }).click();
  await page.getByRole('tab', { name: 'Où échouent les visites' }).click();
  const ended = page.getByRole('heading', { name: 'Comment les visites se terminent' });
  await expect(ended).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole('heading', { name: /^Où se sont arrêtées les \d+ visites? sans commande$/ }),
  ).toBeVisible();
  const byRep = page.getByRole('table', { name: 'Par commercial' });
  await expect(byRep.getByRole('row')).toHaveCount(1 + 5);
  await expectNoSeriousA11yViolations(page);
  const view = page.getByLabel('Afficher');
  const family = await view.locator('optgroup').nth(1).locator('option').first().innerText();
  await view.selectOption({ label: family });
  await expect(page.getByText(/visites? sur place sur la période/)).toBeVisible();
  await page.screenshot({ path: 'test-results/figures-visits.png', fullPage: true });

  // Value: A/B/C classes, the forecast with its method, the customers lost.
  await page.getByRole('tab', { name: 'Valeur' }).click();
  await expect(page.getByRole('heading', { name: /^Concentration du CA/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: /^12 prochains mois : .+ attendus/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Clients perdus sur la période \(\d+\)$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Complaints: by cause, open ones by age, satisfaction (the demo company's resolutions carry one).
  await page.getByRole('tab', { name: 'Réclamations' }).click();
  await expect(page.getByRole('heading', { name: 'Ouvertes aujourd’hui, par ancienneté' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('heading', { name: 'Satisfaction à la résolution' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
