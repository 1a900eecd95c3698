/**
 * Team agenda end to end, in web mode: the manager picks Camille, sets an appointment in her
 * next week, moves it, and it reaches her laptop at the next sync marked as set by him; he
 * cancels it and head office holds it cancelled. Another team's rep is refused in words. Axe on
 * the screen and its form.
 */
import { randomUUID } from 'node:crypto';
import {
  REP,
  THIRD_REP,
  dateField,
  expect,
  expectNoSeriousA11yViolations,
  fillTime,
  test,
} from './fixtures.js';

const MANAGER = THIRD_REP;

test('a manager sets, moves and cancels a rep’s appointment; the rep receives it marked as set by him', async ({
  app,
  page,
  elsewhere,
  headOffice,
}) => {
  test.setTimeout(180_000);
  const manager = await elsewhere(MANAGER);
  const managerPage = manager.page;
  await manager.waitUpToDate();
  await managerPage.getByRole('link', { name: 'Agenda équipe', exact: true }).click();
  await expect(managerPage.getByRole('heading', { name: 'Agenda de l’équipe', level: 1 })).toBeVisible();
  await managerPage.getByLabel('Commercial').selectOption({ label: REP.name });
  await managerPage.getByRole('link', { name: 'Semaine suivante →' }).click();
  await expect(
    managerPage.getByRole('heading', { name: new RegExp(`^${REP.name} : semaine du`) }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(managerPage);

  // Set: the form opens on the Monday of the week shown.
  const objective = `Présenter la gamme été ${randomUUID().slice(0, 8)}`;
  await managerPage.getByRole('button', { name: 'Nouveau rendez-vous' }).click();
  const dialog = managerPage.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Nouveau rendez-vous pour ${REP.name}` })).toBeVisible();
  // Sent without a customer: refused at the field, nothing sent.
  await dialog.getByRole('button', { name: 'Fixer le rendez-vous' }).click();
  await expect(dialog.getByText('Choisissez le client du rendez-vous')).toBeVisible();
  await dialog.getByLabel('Client').selectOption({ index: 1 });
  const customerId = await dialog.getByLabel('Client').inputValue();
  const customerName = (await dialog.getByLabel('Client').locator('option:checked').innerText()).split(
    ' — ',
  )[0]!;
  await fillTime(dateField(dialog, 'Heure de début'), '10:00');
  await dialog.getByLabel('Objectif').fill(objective);
  await expectNoSeriousA11yViolations(managerPage);
  await dialog.getByRole('button', { name: 'Fixer le rendez-vous' }).click();
  await expect(dialog).toBeHidden();
  const item = managerPage.locator('.team-agenda__item').filter({ hasText: objective });
  await expect(item).toContainText('10:00');
  await expect(item).toContainText('Fixé par Julien Mercier');
  await expect(managerPage.getByRole('status').filter({ hasText: 'Rendez-vous fixé pour' })).toBeVisible();

  // Move it to 15:00.
  await item.getByRole('button', { name: `Déplacer le rendez-vous avec ${customerName}` }).click();
  await fillTime(dateField(dialog, 'Heure de début'), '15:00');
  await dialog.getByRole('button', { name: 'Déplacer' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toContainText('15:00');

  // The rep syncs and finds it in her agenda, marked as set by her manager.
  await app.signIn(REP);
  await app.waitUpToDate();
  const held = (await headOffice.appointmentsOf(customerId)).find(
    (a) => a.setByManagerName === 'Julien Mercier',
  );
  expect(held).toBeDefined();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(held!.startAt));
  await app.openAgenda('day', day);
  const card = page.locator(`[data-appointment-id="${held!.id}"]`);
  await expect(card).toContainText('Fixé par Julien Mercier');
  await expect(card).toContainText('15:00');

  // The manager cancels it; head office holds it cancelled.
  await item.getByRole('button', { name: `Annuler le rendez-vous avec ${customerName}` }).click();
  await managerPage.getByRole('alertdialog').getByRole('button', { name: 'Annuler le rendez-vous' }).click();
  await expect(item.locator('.badge').first()).toContainText('Annulé');
  await expect
    .poll(async () => (await headOffice.appointmentsOf(customerId)).find((a) => a.id === held!.id)?.status)
    .toBe('cancelled');

  // Another team's rep: a refusal, not an empty week.
  const karim = await headOffice.userId('karim.benali@tournee.test');
  await managerPage.evaluate((id) => {
    window.location.hash = `#/team-agenda?rep=${id}`;
  }, karim);
  await expect(managerPage.getByText(/n’est pas dans votre équipe/)).toBeVisible();
});
