/** A session revoked at head office signs the rep out at the next sync; nothing is lost. */
import { randomUUID } from 'node:crypto';
import { REP, customerIdFromUrl, expect, test } from './fixtures.js';

test('a revoked session signs the rep out at the next sync, and the offline note arrives once', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  const name = (await app.customerRows().first().getByRole('link').innerText()).trim();
  await app.openCustomer(name);
  const customerId = customerIdFromUrl(page);

  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });
  const text = `Commande à confirmer lundi — ${randomUUID()}`;
  await app.addNote(text);
  await expect(page.getByRole('listitem').filter({ hasText: text })).toContainText(
    'enregistré sur ce portable',
  );

  const userId = await headOffice.userId(REP.email);
  expect(await headOffice.revokeSessionsOf(userId)).toBeGreaterThan(0);

  await context.setOffline(false);
  const notice = page.getByRole('alert').filter({ hasText: /session a été fermée/ });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText(/Reconnectez-vous/);
  await expect(notice).toContainText(/non envoyées sont restées sur ce portable/);
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(REP.email);
  expect((await headOffice.notesOf(customerId)).some((n) => n.body === text)).toBe(false);

  await app.signIn(REP, { goto: false });
  await app.waitUpToDate();
  await expect
    .poll(async () => (await headOffice.notesOf(customerId)).filter((n) => n.body === text).length, {
      timeout: 20_000,
    })
    .toBe(1);
  await page.goto(`/#/customers/${customerId}`);
  const note = page.getByRole('listitem').filter({ hasText: text });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('reçu au siège');
  await page.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await app.waitUpToDate();
  expect((await headOffice.notesOf(customerId)).filter((n) => n.body === text)).toHaveLength(1);
});
