import { REP, expect, expectNoSeriousA11yViolations, orderable, test } from './fixtures.js';

test('an order taken offline reaches head office; head office confirms it; the laptop shows it locked', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  const { customer, product } = await orderable(app);
  await app.openCustomer(customer.name);
  await app.openNewOrder(customer.name);

  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });
  await app.addOrderLine(product, 0);
  await expect(page.getByText('La quantité doit être un nombre entier supérieur à zéro.')).toBeVisible();
  await page.getByLabel(`Quantité de ${product.name}`).fill('6');
  await expect(page.getByText('La quantité doit être un nombre entier supérieur à zéro.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(page.getByText(/Commande enregistrée sur ce portable/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('numéro attribué à la synchronisation');

  await context.setOffline(false);
  await app.waitUpToDate();
  await expect
    .poll(
      async () =>
        (await headOffice.ordersOf(customer.id)).filter((o) => o.lines[0]?.productId === product.id).length,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
  const [atHeadOffice] = (await headOffice.ordersOf(customer.id)).filter(
    (o) => o.lines[0]?.productId === product.id,
  );
  expect(atHeadOffice).toMatchObject({ status: 'received', lines: [{ quantity: 6 }] });
  expect(atHeadOffice!.number).toMatch(/^CMD-\d{4}-\d{6}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(atHeadOffice!.number, {
    timeout: 20_000,
  });

  await headOffice.setOrderStatus(atHeadOffice!.id, 'confirmed');
  await page.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await expect(page.getByText(/Le siège a confirmé cette commande le .*Appelez le siège\./)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Confirmée', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer la commande' })).toHaveCount(0);
  await expect(page.getByLabel(`Quantité de ${product.name}`)).toBeDisabled();
});

test('an order changed on the laptop while head office confirmed it shows the refusal and head office’s copy', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  const { customer, product } = await orderable(app);
  await app.openCustomer(customer.name);
  await app.openNewOrder(customer.name);
  await app.addOrderLine(product, 2);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/CMD-\d{4}-\d{6}/, { timeout: 20_000 });
  const [atHeadOffice] = (await headOffice.ordersOf(customer.id)).filter((o) => o.lines[0]?.quantity === 2);

  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });
  await headOffice.setOrderStatus(atHeadOffice!.id, 'confirmed');
  await page.getByLabel(`Quantité de ${product.name}`).fill('5');
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(page.getByText(/Commande enregistrée sur ce portable/)).toBeVisible();

  await context.setOffline(false);
  await app.waitUpToDate();
  await expect(page.getByText(/Le siège a confirmé cette commande le .*Appelez le siège\./)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByLabel(`Quantité de ${product.name}`)).toHaveValue('2');
  await page.getByRole('button', { name: 'Détails de la synchronisation' }).click();
  const refused = page.getByRole('listitem').filter({ hasText: 'Commande modifiée' });
  await expect(refused).toContainText('ne peut plus être modifiée ici');
  await expect(refused).toContainText('"quantity":5');
  expect((await headOffice.ordersOf(customer.id)).find((o) => o.id === atHeadOffice!.id)).toMatchObject({
    status: 'confirmed',
    lines: [{ quantity: 2 }],
  });
});

test('an order cancelled on the laptop offline is cancelled at head office after the sync', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  const { customer, product } = await orderable(app);
  await app.openCustomer(customer.name);
  await app.openNewOrder(customer.name);
  await app.addOrderLine(product, 3);
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/CMD-\d{4}-\d{6}/, { timeout: 20_000 });
  const [atHeadOffice] = (await headOffice.ordersOf(customer.id)).filter((o) => o.lines[0]?.quantity === 3);

  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Annuler la commande' }).click();
  await page.getByRole('button', { name: 'Non, la garder' }).click();
  await expect(page.getByText('Annulée', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Annuler la commande' }).click();
  await page.getByRole('button', { name: 'Oui, annuler la commande' }).click();
  await expect(page.getByText(/Commande annulée sur ce portable/)).toBeVisible();
  await expect(page.getByLabel(`Quantité de ${product.name}`)).toBeDisabled();

  await context.setOffline(false);
  await app.waitUpToDate();
  await expect
    .poll(
      async () => (await headOffice.ordersOf(customer.id)).find((o) => o.id === atHeadOffice!.id)?.status,
      {
        timeout: 20_000,
      },
    )
    .toBe('cancelled');
});

test('a new order renews the customer’s last one at today’s prices, and the copy reaches head office', async ({
  app,
  page,
  headOffice,
}) => {
  test.setTimeout(300_000);
  await app.signIn(REP);
  // The first download is the long part on a busy machine.
  await expect(app.syncStatus()).toContainText(/À jour/, { timeout: 120_000 });
  const { customer, product } = await orderable(app);
  await app.openCustomer(customer.name);
  await app.openNewOrder(customer.name);
  await app.addOrderLine(product, 7);
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/CMD-\d{4}-\d{6}/, { timeout: 60_000 });
  const number = /CMD-\d{4}-\d{6}/.exec(
    (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
  )![0];

  await page.getByRole('navigation', { name: 'Client' }).getByRole('link', { name: customer.name }).click();
  await app.openNewOrder(customer.name);
  await page.getByRole('button', { name: 'Renouveler la dernière commande' }).click();
  await expect(page.getByText(`1 ligne reprise de la commande ${number}`)).toBeVisible();
  await expect(page.getByText('Aucun prix n’a changé.')).toBeVisible();
  await expect(page.getByLabel(`Quantité de ${product.name}`)).toHaveValue('7');
  await expect(page.getByRole('button', { name: 'Renouveler la dernière commande' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/CMD-\d{4}-\d{6}/, { timeout: 60_000 });
  await expect
    .poll(
      async () => (await headOffice.ordersOf(customer.id)).filter((o) => o.lines[0]?.quantity === 7).length,
      {
        timeout: 60_000,
      },
    )
    .toBe(2);
});
