/**
 * Agenda end to end: offline, by keyboard, create an appointment, see it in the day and week
 * views, move it, cancel another; back online it reaches head office. An appointment set at
 * head office arrives marked as such. Axe on the day and week views and the form. A new
 * appointment takes the day's next free slot, and the week grid shows it at its time.
 */
import { randomUUID } from 'node:crypto';
import { REP, dateField, expect, expectNoSeriousA11yViolations, fillDate, test } from './fixtures.js';

/** A day four weeks ahead (or `days`), in Paris (the demo users' time zone), and an instant on it. */
function futureDay(days = 28): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(at);
}
function parisInstant(day: string, hour: number, minute = 0): string {
  // Paris is UTC+1 in winter and UTC+2 in summer: find the offset of that day at noon.
  const noon = new Date(`${day}T12:00:00Z`);
  const parisNoon = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hour12: false }).format(
      noon,
    ),
  );
  const offset = parisNoon - 12;
  return new Date(
    Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), hour - offset, minute),
  ).toISOString();
}

test('offline by keyboard: create, see in day and week, move, cancel; online it reaches head office', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  const day = futureDay();
  const repId = await headOffice.userId(REP.email);
  const [first, second] = await headOffice.customersOf(repId, 2);
  if (!first || !second) throw new Error('the demo rep has no customers');
  // Head office sets one appointment for the rep on that day (it arrives marked).
  const setId = randomUUID();
  await headOffice.setAppointment({
    id: setId,
    repId,
    customerId: second.id,
    startAt: parisInstant(day, 14),
    durationMinutes: 45,
    objective: `Fixé au siège ${setId.slice(0, 8)}`,
  });

  await app.signIn(REP);
  await app.waitUpToDate();
  await app.openAgenda('day', day);
  const setCard = page.locator(`[data-appointment-id="${setId}"]`);
  await expect(setCard).toContainText(/Fixé par/);
  await expect(setCard).toContainText(second.name);
  await expectNoSeriousA11yViolations(page);

  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });

  // N opens the form with the customer field focused; the rest is typed.
  const objective = `Présenter la gamme hiver ${randomUUID().slice(0, 8)}`;
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Client' })).toBeFocused();
  await page.keyboard.type(first.name);
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Client' })).toHaveValue(first.name);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel('Objectif').focus();
  await page.keyboard.type(objective);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const card = page.locator('[data-appointment-id]').filter({ hasText: first.name }).first();
  await expect(card).toContainText('Enregistré sur ce portable');
  await expect(card).toContainText('09:00');
  const id = await card.getAttribute('data-appointment-id');
  if (!id) throw new Error('no id on the new appointment');

  // Week view, then back to the day.
  await page.locator('body').press('w');
  await expect(page).toHaveURL(/#\/agenda\/week\//);
  await expect(page.locator(`[data-day="${day}"] [data-appointment-id="${id}"]`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.locator('body').press('d');
  await expect(page).toHaveURL(new RegExp(`#/agenda/day/${day}`));

  // Move: J focuses the first appointment (09:00), Shift+↓ four times = 10:00.
  await page.locator('body').press('j');
  await expect(page.locator(`[data-appointment-id="${id}"]`)).toBeFocused();
  for (const time of ['09:15', '09:30', '09:45']) {
    await page.keyboard.press('Shift+ArrowDown');
    await expect(page.locator('.agenda__message')).toContainText(time);
  }
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.locator('.agenda__message')).toContainText('10:00');
  await expect(page.locator(`[data-appointment-id="${id}"]`)).toContainText('10:00');

  // Cancel the one set at head office, with confirmation.
  await setCard.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: second.name });
  await details.getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await details.getByRole('button', { name: 'Oui, annuler le rendez-vous' }).click();
  await expect(details).toBeHidden();
  await expect(setCard).toContainText('Annulé');

  const local = await app.localRows<{ id: string; startAt: string }>('appointments');
  const movedStart = local.find((a) => a.id === id)?.startAt;
  expect(movedStart).toBe(parisInstant(day, 10));

  await context.setOffline(false);
  await app.waitUpToDate();
  await expect(page.locator(`[data-appointment-id="${id}"]`)).not.toContainText('Enregistré sur ce portable');

  const [mine] = (await headOffice.appointmentsOf(first.id)).filter((a) => a.id === id);
  expect(mine).toMatchObject({ startAt: parisInstant(day, 10), durationMinutes: 60, status: 'planned' });
  const [cancelled] = (await headOffice.appointmentsOf(second.id)).filter((a) => a.id === setId);
  expect(cancelled).toMatchObject({ status: 'cancelled' });
  expect(cancelled?.setByManagerName).not.toBeNull();
});

test('a past start or a zero duration gets a clear message and nothing is saved', async ({ app, page }) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  const day = futureDay();
  await app.openAgenda('day', day);
  await page.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  const combobox = dialog.getByRole('combobox', { name: 'Client' });
  await combobox.fill('a');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await combobox.press('Enter');
  await dialog.getByLabel('Durée (minutes)').fill('0');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByRole('alert')).toContainText('La durée doit être supérieure à zéro minute');
  await dialog.getByLabel('Durée (minutes)').fill('30');
  await fillDate(dateField(dialog, 'Date'), '2020-01-06');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Le début est déjà passé');
  expect(await app.localRows('outbox')).toEqual([]);
});

test('a new appointment takes the next free slot of the day; the week grid shows it at its time', async ({
  app,
  page,
  headOffice,
}) => {
  // Five weeks ahead: a week of its own, past the demo's planned appointments.
  const day = futureDay(35);
  const repId = await headOffice.userId(REP.email);
  const [first, second] = await headOffice.customersOf(repId, 2);
  if (!first || !second) throw new Error('the demo rep has no customers');
  const setId = randomUUID();
  await headOffice.setAppointment({
    id: setId,
    repId,
    customerId: second.id,
    startAt: parisInstant(day, 9),
    durationMinutes: 90,
    objective: `Fixé au siège ${setId.slice(0, 8)}`,
  });
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.openAgenda('day', day);
  await expect(page.locator(`[data-appointment-id="${setId}"]`)).toBeVisible();

  // 09:00–10:30 is taken: the form proposes 10:30 and says nothing is in the way.
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' });
  await expect(dialog.getByRole('combobox', { name: 'Client' })).toBeFocused();
  // The exact name then Enter at once, without waiting for the list.
  await page.keyboard.type(first.name);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Client' })).toHaveValue(first.name);
  await expect(dialog.getByTestId('appointment-live')).not.toContainText('chevauche');
  await dialog.getByLabel('Objectif').fill(`Créneau libre ${randomUUID().slice(0, 8)}`);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  const card = page.locator('[data-appointment-id]').filter({ hasText: first.name }).first();
  await expect(card).toContainText('10:30');
  const id = await card.getAttribute('data-appointment-id');
  if (!id) throw new Error('no id on the new appointment');

  // The week grid: both in the day's column, the new one right under the other, by their times.
  await page.locator('body').press('w');
  const column = page.getByTestId('week-grid').locator(`[data-day="${day}"]`);
  const placed = column.locator(`[data-appointment-id="${id}"]`);
  const set = column.locator(`[data-appointment-id="${setId}"]`);
  await expect(placed).toBeVisible();
  await expect(set).toBeVisible();
  const [setBox, placedBox] = [await set.boundingBox(), await placed.boundingBox()];
  if (!setBox || !placedBox) throw new Error('appointments not laid out');
  // 90 minutes above it, 60 minutes tall: about 1.5 times its height apart.
  expect(placedBox.y).toBeGreaterThanOrEqual(setBox.y + setBox.height - 4);
  expect(Math.abs(setBox.height / placedBox.height - 1.5)).toBeLessThan(0.2);
  expect(Math.abs(placedBox.x - setBox.x)).toBeLessThan(2);
  // Keyboard: J then J goes from the first to the second of the week.
  await page.locator('body').press('j');
  await expect(set).toBeFocused();
  await page.keyboard.press('j');
  await expect(placed).toBeFocused();
  await expectNoSeriousA11yViolations(page);
});
