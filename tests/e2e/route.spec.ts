/**
 * The day's route end to end, offline: the start point set in the settings, a day with three
 * appointments set at head office, optimised, a stop moved by keyboard (the totals change and
 * are announced; the appointment made late is said, with « Annuler »), a nearby customer added
 * from "Fill the gaps", and the plan still there after a reload without network; back online,
 * each stop opens in Waze / Google Maps / Plans. Axe on the route and the settings.
 */
import { randomUUID } from 'node:crypto';
import { REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

/**
 * A Sunday three to four weeks ahead (no demo appointments on Sundays), in Paris; a retry
 * takes the next free Sunday, since the first attempt's appointments stay at head office.
 */
function sundayAhead(retry: number): string {
  let at = Date.now() + (21 + 7 * retry) * 86_400_000;
  while (new Date(at).getUTCDay() !== 0) at += 86_400_000;
  // The UTC calendar day the weekday was checked on (in Paris, a late evening is already tomorrow).
  return new Date(at).toISOString().slice(0, 10);
}
function parisInstant(day: string, hour: number): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const parisNoon = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hour12: false }).format(
      noon,
    ),
  );
  return new Date(
    Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), hour - (parisNoon - 12)),
  ).toISOString();
}

test('offline: optimise the day, reorder by keyboard, add a suggestion, keep it after a reload', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  // Offline then back online, with the settings and a reload: longer than most specs.
  test.slow();
  const day = sundayAhead(test.info().retry);
  const repId = await headOffice.userId(REP.email);
  const customers = await headOffice.customersOf(repId, 3);
  if (customers.length < 3) throw new Error('the demo rep needs three customers');
  for (const [k, customer] of customers.entries()) {
    await headOffice.setAppointment({
      id: randomUUID(),
      repId,
      customerId: customer.id,
      startAt: parisInstant(day, [9, 12, 16][k]!),
      durationMinutes: 30,
      objective: 'Tournée e2e',
    });
  }

  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();

  // No start point yet: the route says so and links to the settings.
  await app.openRoute(day);
  await expect(page.getByText('Indiquez votre point de départ', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await app.setRouteStartFromFirstCustomer('Domicile');
  await expectNoSeriousA11yViolations(page);

  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });

  await app.openRoute(day);
  await expect(page.getByText('Départ de Domicile')).toBeVisible();
  await expect(page.getByTestId('route-stop')).toHaveCount(3);
  // Offline, no GPS links: the reason instead.
  await expect(page.getByTestId('route-stop-nav').first()).toHaveText(
    /^Hors ligne : Waze, Google Maps et Plans attendent le réseau/,
  );
  await expect(page.getByRole('link', { name: /dans Waze/ })).toHaveCount(0);
  // The map says what its marks mean.
  await expect(page.getByRole('list', { name: 'Légende de la carte' })).toContainText(
    'Rendez-vous à heure fixe',
  );
  await page.getByRole('button', { name: 'Optimiser l’ordre' }).click();
  await expect(page.getByRole('status').filter({ hasText: /optimisée|meilleur trouvé/ })).toBeVisible();
  // Distance, driving time and return time.
  const totals = page.getByTestId('route-totals');
  const totalsBefore = (await totals.textContent()) ?? '';
  const orderBefore = await app.routeStopNames();
  await expectNoSeriousA11yViolations(page);

  // Keyboard: the first stop's handle, Alt+↓ twice → it becomes the last.
  const handle = page.getByRole('button', { name: new RegExp(`^Déplacer ${orderBefore[0]}`) });
  await handle.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: /position 2 sur 3/ })).toBeVisible();
  await expect(handle).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: /position 3 sur 3/ })).toBeVisible();
  await expect.poll(() => app.routeStopNames()).toEqual([orderBefore[1], orderBefore[2], orderBefore[0]]);
  await expect(totals).not.toHaveText(totalsBefore);
  // The 9:00 appointment now comes last: flagged late, by how much, with the way back.
  await expect(page.getByText(/En retard de/).first()).toBeVisible();
  const lateMove = page.getByTestId('route-late-move');
  await expect(lateMove).toContainText(
    new RegExp(`vous arriveriez chez ${orderBefore[0]} avec .+ de retard sur le rendez-vous de 09:00`),
  );
  await lateMove.getByRole('button', { name: 'Annuler' }).click();
  await expect.poll(() => app.routeStopNames()).toEqual([orderBefore[1], orderBefore[0], orderBefore[2]]);
  await expect(page.getByRole('status').filter({ hasText: /Ordre précédent rétabli/ })).toBeVisible();
  await expect(handle).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => app.routeStopNames()).toEqual([orderBefore[1], orderBefore[2], orderBefore[0]]);
  await lateMove.getByRole('button', { name: 'Garder cet ordre' }).click();
  await expect(lateMove).toHaveCount(0);

  // Fill the gaps: add the first suggestion.
  const suggestion = page.getByTestId('route-suggestion').first();
  await expect(suggestion).toBeVisible({ timeout: 20_000 });
  const added = (await suggestion.locator('.route-stop__name').innerText()).trim();
  await suggestion.getByRole('button', { name: `Ajouter ${added} à la journée` }).click();
  await expect(page.getByTestId('route-stop')).toHaveCount(4);
  const orderAfter = await app.routeStopNames();
  expect(orderAfter).toContain(added);
  const totalsAfter = (await totals.textContent()) ?? '';

  // Reload without network: the plan is still there.
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId('route-stop')).toHaveCount(4, { timeout: 20_000 });
  expect(await app.routeStopNames()).toEqual(orderAfter);
  await expect(totals).toHaveText(totalsAfter);
  await expectNoSeriousA11yViolations(page);
  await context.unroute('**/*');
  await context.setOffline(false);

  // Back online: each stop can be handed to a GPS app, by its coordinates, outside the app.
  await expect(app.syncStatus()).not.toContainText(/Hors ligne/, { timeout: 30_000 });
  const waze = page.getByRole('link', {
    name: `Ouvrir le trajet vers ${orderAfter[0]} dans Waze (navigateur)`,
  });
  await expect(waze).toHaveAttribute(
    'href',
    /^https:\/\/waze\.com\/ul\?ll=-?\d+(\.\d+)?,-?\d+(\.\d+)?&navigate=yes$/,
  );
  await expect(waze).toHaveAttribute('target', '_blank');
  await expect(waze).toHaveAttribute('rel', 'noopener noreferrer');
  await expectNoSeriousA11yViolations(page);
});
