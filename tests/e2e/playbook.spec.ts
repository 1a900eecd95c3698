/**
 * Head office edits the sales playbook and it reaches the reps: the admin changes an
 * objection's text and adds an answer in the editor (axe-checked), saves version 2; a rep then
 * syncs and finds the new objection, with the new answer, in the guided visit's objections step.
 */
import { ADMIN, App, REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

interface LocalAppointment {
  id: string;
  customerId: string;
  kind: 'visit' | 'call';
  startAt: string;
  status: string;
}
interface LocalPlaybook {
  id: string;
  version: number;
}

const NEW_TEXT = 'Le fût de 30 L est bien trop gros pour mon petit débit';
const NEW_ANSWER = 'Combien de fûts écoulez-vous par semaine en saison ?';

test('an objection edited at head office reaches the rep’s guided visit', async ({
  app,
  page: repPage,
  browser,
  baseURL,
}) => {
  // Two browsers and two axe scans of an editor with a few hundred fields: about 50 s on a
  // loaded machine, so the test gets the same margin as the review test.
  test.setTimeout(180_000);
  // The rep's laptop is up to date, with no playbook from head office yet (the built-in one).
  await app.signIn(REP);
  await app.waitUpToDate();
  expect(await app.localRows<LocalPlaybook>('playbooks')).toEqual([]);

  // The admin edits the playbook at head office, in a browser of their own.
  const adminContext = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await adminContext.newPage();
  const admin = new App(page);
  await admin.signIn(ADMIN);
  await page.getByRole('link', { name: 'Guide de vente' }).click();
  await expect(page.getByRole('heading', { name: 'Guide d’entretien de vente', level: 1 })).toBeVisible();
  await expect(page.getByText('Guide intégré (version 1) : pas encore modifié au siège.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const objection = page.getByRole('group', { name: 'Objection 9', exact: true });
  const text = objection.getByLabel('Ce que dit le client');
  await expect(text).toHaveValue('Le fût de 30 L est trop gros pour mon débit');
  await text.fill(NEW_TEXT);
  await objection.getByRole('button', { name: 'Ajouter une réponse : Objection 9' }).click();
  const answers = objection.getByRole('group', { name: /^Objection 9 › Réponse \d+$/ });
  const added = answers.last();
  await expect(added.getByLabel('Technique')).toBeFocused();
  await added.getByLabel('Réponse').fill(NEW_ANSWER);
  await added.getByLabel('Technique').selectOption({ label: 'Question' });
  await expect(page.getByText('Modifications non enregistrées')).toBeVisible();

  // Leaving with unsaved changes asks first; staying keeps them.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  expect(asked).toEqual([
    'Vos modifications du guide ne sont pas enregistrées. Quitter quand même et les perdre ?',
  ]);
  await expect(page.getByRole('heading', { name: 'Guide d’entretien de vente', level: 1 })).toBeVisible();
  expect(page.url()).toMatch(/#\/playbook$/);
  await expect(text).toHaveValue(NEW_TEXT);

  // A blank field is refused at the field, and nothing is sent.
  await page.getByRole('button', { name: 'Ajouter une objection' }).click();
  await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
  await expect(summary).toBeFocused();
  const last = page.getByRole('group', { name: 'Objection 12', exact: true });
  await expect(last.getByLabel('Ce que dit le client')).toHaveAttribute('aria-invalid', 'true');
  await expect(last.getByText('Renseignez ce champ ou supprimez l’élément.').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Supprimer : Objection 12', exact: true }).click();

  await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Version 2 enregistrée' })).toBeVisible();
  await expect(
    page.getByText(/^Version 2, enregistrée par Administration Tournée le \d+ \S+ 20\d\d/),
  ).toBeVisible();
  await expect(page.getByText('Aucune modification')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Objection 9', exact: true }).getByLabel('Ce que dit le client'),
  ).toHaveValue(NEW_TEXT);
  await adminContext.close();

  // The rep syncs: the laptop holds version 2, and the guided visit offers the new objection.
  await repPage.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await app.waitUpToDate();
  await expect
    .poll(async () => (await app.localRows<LocalPlaybook>('playbooks')).map((p) => p.version))
    .toEqual([2]);
  const appointments = await app.localRows<LocalAppointment>('appointments');
  const planned = appointments
    .filter((a) => a.kind === 'visit' && a.status === 'planned')
    .sort((a, b) => a.startAt.localeCompare(b.startAt))[0];
  expect(planned, 'the demo rep has a planned visit').toBeDefined();
  await app.openBrief(planned!.id);
  await app.startVisitFromBrief();
  await app.goToVisitStep(5, 'Traitement des objections');
  await repPage.getByLabel('Chercher dans les objections').fill('petit débit');
  const card = repPage.locator('.visit-step__library .visit-card').filter({ hasText: NEW_TEXT });
  await expect(card).toHaveCount(1);
  await card.getByText('Réponses suggérées').click();
  await expect(card.getByText(NEW_ANSWER)).toBeVisible();
  await repPage.getByRole('button', { name: `Noter l’objection « ${NEW_TEXT} »` }).click();
  await expect(repPage.getByRole('list', { name: 'Objections soulevées' }).getByRole('listitem')).toHaveCount(
    1,
  );
  const drafts = await app.localRows<{ playbookVersion: number }>('visitDrafts');
  expect(drafts.map((d) => d.playbookVersion)).toEqual([2]);
});
