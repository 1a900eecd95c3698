/**
 * Team review end to end, in web mode: the rep takes an order with a discount above her limit
 * and logs a complaint, then syncs; her manager, in another browser, approves the discount,
 * confirms the order and acknowledges the complaint with a note on the review screen (each tab
 * passes axe); the rep syncs and sees the order approved and confirmed, the complaint moved.
 */
import { randomUUID } from 'node:crypto';
import {
  REP,
  THIRD_REP,
  escapeRegExp,
  expect,
  expectNoSeriousA11yViolations,
  orderable,
  test,
} from './fixtures.js';
import type { LocalCustomer, App } from './fixtures.js';

/** Camille's manager (fixtures name him THIRD_REP for the sign-in tests). */
const MANAGER = THIRD_REP;

/** A customer of the rep (a name no other customer has: the review filters by name) and a product. */
async function orderableUnique(app: App) {
  const customers = await app.localRows<LocalCustomer>('customers');
  // Names shared by two customers would make the customer filter ambiguous.
  return orderable(
    app,
    customers.filter((c) => customers.filter((o) => o.name === c.name).length === 1),
  );
}

test('a manager approves, confirms and acknowledges on the review screen; the rep sees it all', async ({
  app,
  page,
  elsewhere,
  headOffice,
}) => {
  test.setTimeout(180_000);
  // The rep: an order at 15 % (her limit is 10 %) and a complaint, then a sync.
  await app.signIn(REP);
  await app.waitUpToDate();
  const { customer, product } = await orderableUnique(app);
  await app.openCustomer(customer.name);
  await app.openNewOrder(customer.name);
  await app.addOrderLine(product, 3);
  await page.getByLabel(`Remise en % de ${product.name}`).fill('15');
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/CMD-\d{4}-\d{6}/, { timeout: 20_000 });
  const number = /CMD-\d{4}-\d{6}/.exec(await page.getByRole('heading', { level: 1 }).innerText())?.[0];
  expect(number).toBeDefined();
  expect((await headOffice.ordersOf(customer.id)).find((o) => o.number === number)).toMatchObject({
    approval: 'pending',
    status: 'received',
  });

  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await app.openCustomer(customer.name);
  await app.openComplaintsTab();
  const description = `Fût percé à la livraison — ${randomUUID()}`;
  await app.logComplaint({
    description,
    files: [{ name: 'bon.txt', mimeType: 'text/plain', buffer: Buffer.from('bon de livraison') }],
  });
  await page.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await app.waitUpToDate();
  const card = page.locator('li.complaint').filter({ hasText: description });
  await expect(card.locator('.complaint__title')).toContainText('Au siège', { timeout: 20_000 });

  // The manager, in another browser.
  const manager = await elsewhere(MANAGER);
  const managerPage = manager.page;
  await managerPage.getByRole('link', { name: 'Suivi équipe' }).click();
  await expect(managerPage.getByRole('heading', { name: 'Suivi équipe', level: 1 })).toBeVisible();

  // To approve: the order, its discount above the limit highlighted.
  const pendingRow = managerPage.getByRole('row').filter({ hasText: number! });
  await expect(pendingRow).toContainText(customer.name);
  await expect(pendingRow).toContainText('Camille Martin');
  await expect(pendingRow.locator('mark')).toContainText(
    new RegExp(`${escapeRegExp(product.name)} : 15\\s%`),
  );
  await expectNoSeriousA11yViolations(managerPage);
  await pendingRow.getByRole('button', { name: `Valider la remise de la commande ${number}` }).click();
  await expect(
    managerPage.getByRole('status').filter({ hasText: `Remise de la commande ${number}` }),
  ).toContainText('validée');
  await expect(managerPage.getByRole('row').filter({ hasText: number! })).toHaveCount(0);

  // Orders: confirm it.
  await managerPage.getByRole('tab', { name: 'Commandes' }).click();
  const orderRow = managerPage.getByRole('row').filter({ hasText: number! });
  await expect(orderRow).toContainText('Remise validée');
  await expectNoSeriousA11yViolations(managerPage);
  await orderRow.getByRole('button', { name: `Confirmer la commande ${number}` }).click();
  await expect(orderRow).toContainText('Confirmée');
  await expect(orderRow.getByRole('button', { name: `Expédier la commande ${number}` })).toBeVisible();

  // Complaints: open it, acknowledge it with a note.
  await managerPage.getByRole('tab', { name: 'Réclamations' }).click();
  await expect(managerPage.getByRole('table', { name: 'Réclamations de l’équipe' })).toBeVisible();
  await expectNoSeriousA11yViolations(managerPage);
  await managerPage.getByRole('button', { name: customer.name, exact: true }).first().click();
  const dialog = managerPage.getByRole('dialog');
  await expect(dialog).toContainText(description);
  await expect(dialog.getByRole('button', { name: 'Télécharger bon.txt' })).toBeVisible();
  const download = managerPage.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Télécharger bon.txt' }).click();
  expect((await download).suggestedFilename()).toBe('bon.txt');
  await dialog.getByLabel('Passer à « Prise en compte »').check();
  await dialog
    .getByLabel('Note (visible par le commercial)')
    .fill('Transporteur prévenu, avoir en préparation');
  await dialog.getByRole('button', { name: 'Enregistrer au siège' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Enregistré au siège : Prise en compte.');
  await expect(dialog).toContainText('Reçue → Prise en compte');
  await expectNoSeriousA11yViolations(managerPage);
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // Visits: the team's reports (or the empty state when none was synced yet).
  await managerPage.getByRole('tab', { name: 'Visites' }).click();
  await expect(
    managerPage
      .getByRole('table', { name: 'Comptes rendus de visite de l’équipe' })
      .or(managerPage.getByText('Aucun compte rendu de visite synchronisé pour votre équipe.')),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(managerPage);

  // The rep syncs: the complaint moved with the note, the order approved and confirmed.
  await page.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await app.waitUpToDate();
  await expect(card.locator('.complaint__title')).toContainText('Prise en compte', { timeout: 20_000 });
  await expect(card).toContainText('Transporteur prévenu, avoir en préparation');
  await page.getByRole('link', { name: 'Commandes', exact: true }).click();
  const repRow = page.getByRole('row').filter({ hasText: number! });
  await expect(repRow).toContainText('Confirmée');
  await expect(repRow).toContainText('Remise validée');
});
