/**
 * Preparing tomorrow in the hotel with no network, the whole way through the real UI:
 * create an appointment in the agenda, build the day's route on the offline map, open the
 * visit's brief from the route, export the day sheet. Back online, the appointment reaches
 * head office.
 */
import { randomUUID } from 'node:crypto';
import { REP, dateField, expect, fillTime, test } from './fixtures.js';

/** A Saturday four to five weeks ahead (the demo company plans nothing on weekends), in Paris. */
function saturdayAhead(): string {
  let at = Date.now() + 28 * 86_400_000;
  while (new Date(at).getUTCDay() !== 6) at += 86_400_000;
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

test('offline: create an appointment, build the route, open the brief, export the day sheet', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __printCalls: number };
    w.__printCalls = 0;
    window.print = () => {
      w.__printCalls += 1;
    };
  });
  const day = saturdayAhead();
  const repId = await headOffice.userId(REP.email);
  // The first customer is where the start point gets set; the visits are at two others.
  const [, customer, other] = await headOffice.customersOf(repId, 3);
  if (!customer || !other) throw new Error('the demo rep needs three customers');
  // Head office already set one afternoon visit that day.
  await headOffice.setAppointment({
    id: randomUUID(),
    repId,
    customerId: other.id,
    startAt: parisInstant(day, 15),
    durationMinutes: 45,
    objective: 'Point sur la saison',
  });

  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();
  await app.setRouteStartFromFirstCustomer('Bureau');

  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });

  // 1. The agenda: a new visit at 10:00 with an objective.
  const objective = `Relancer la gamme export ${randomUUID().slice(0, 8)}`;
  await app.openAgenda('day', day);
  await expect(page.locator('[data-appointment-id]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  const combobox = dialog.getByRole('combobox', { name: 'Client' });
  await combobox.fill(customer.name);
  await expect(dialog.getByRole('option', { name: new RegExp(customer.name) }).first()).toBeVisible();
  await combobox.press('Enter');
  await expect(combobox).toHaveValue(customer.name);
  await fillTime(dateField(dialog, 'Heure de début'), '10:00');
  await dialog.getByLabel('Objectif').fill(objective);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const card = page.locator('[data-appointment-id]').filter({ hasText: customer.name });
  await expect(card).toContainText('Enregistré sur ce portable');
  await expect(card).toContainText('10:00');
  const appointmentId = await card.getAttribute('data-appointment-id');
  if (!appointmentId) throw new Error('no id on the new appointment');

  // 2. The route of that day: the visit, from the start point, with totals and the map.
  await app.openRoute(day);
  await expect(page.getByText('Départ de Bureau')).toBeVisible();
  await expect(page.getByTestId('route-stop')).toHaveCount(2);
  await page.getByRole('button', { name: 'Optimiser l’ordre' }).click();
  await expect(page.getByRole('status').filter({ hasText: /optimisée|meilleur trouvé/ })).toBeVisible();
  expect(await app.routeStopNames()).toEqual([customer.name, other.name]);
  await expect(page.getByTestId('route-totals')).toContainText(/km/);
  // The offline map: outlines and towns come from the app itself (lazy chunks precached).
  await expect(page.locator('.map__point--stop .map__number')).toHaveText(['1', '2']);
  await expect
    .poll(() => page.locator('.map__outlines path').count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect.poll(() => page.locator('.map__towns text').count(), { timeout: 20_000 }).toBeGreaterThan(0);

  // 3. The brief, from the route.
  await page.getByRole('link', { name: `Préparer la visite chez ${customer.name}` }).click();
  await expect(page.locator('article.brief[data-brief-ready="true"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Préparation de visite : ${customer.name}`,
  );
  await expect(page.locator('[data-brief="objective"]')).toHaveText(objective);

  // 4. The day sheet, exported (web mode: the browser's print, through the print stylesheet).
  await app.openDaySheet(day);
  await expect(page.locator(`.daysheet__brief[data-brief-of="${customer.id}"]`)).toContainText(objective);
  await page.getByRole('button', { name: 'Exporter en PDF' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls))
    .toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.rail')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // Back online: the appointment reaches head office.
  await context.unroute('**/*');
  await context.setOffline(false);
  await app.waitUpToDate();
  const atHeadOffice = (await headOffice.appointmentsOf(customer.id)).find((a) => a.id === appointmentId);
  expect(atHeadOffice).toMatchObject({ status: 'planned', durationMinutes: expect.any(Number) });
});
