/**
 * The guided visit, offline: started from a brief, through discovery (two motives, a need), the
 * reformulation drafted from them, an objection recorded as lifted; a reload in the middle of
 * typing a note resumes the visit at the same step with the text. Axe on the visit screen.
 */
import { REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

interface LocalAppointment {
  id: string;
  customerId: string;
  kind: 'visit' | 'call';
  startAt: string;
  status: string;
}
interface LocalCustomer {
  id: string;
  name: string;
}

test('offline: a guided visit from the brief survives a reload mid-typing', async ({
  app,
  page,
  context,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();

  const appointments = await app.localRows<LocalAppointment>('appointments');
  const customers = new Map((await app.localRows<LocalCustomer>('customers')).map((c) => [c.id, c]));
  const planned = appointments
    .filter((a) => a.kind === 'visit' && a.status === 'planned' && customers.has(a.customerId))
    .sort((a, b) => a.startAt.localeCompare(b.startAt))[0];
  expect(planned, 'the demo rep has a planned visit').toBeDefined();
  const customer = customers.get(planned!.customerId)!;

  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));

  await app.openBrief(planned!.id);
  await app.startVisitFromBrief();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Visite : ${customer.name}`);
  await expect(app.visitStepHeading()).toHaveText('Prise de contact');
  await expect(app.visitSteps().locator('[aria-current="step"]')).toContainText('Prise de contact');
  await expectNoSeriousA11yViolations(page);

  // Découverte: two motives and a need.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(app.visitStepHeading()).toHaveText('Découverte');
  await expect(app.visitStepHeading()).toBeFocused();
  await page.getByRole('checkbox', { name: 'Argent' }).check();
  await page.getByRole('checkbox', { name: 'Confort' }).check();
  await page.getByLabel('Besoins notés (un par ligne)').fill('Gamme terrasse pour l’été');
  await expectNoSeriousA11yViolations(page);

  // Reformulation drafted from them.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(app.visitStepHeading()).toHaveText('Reformulation');
  const reformulation = page.getByLabel('Reformulation à dire au client');
  await expect(reformulation).toHaveValue(/vous recherchez : gamme terrasse pour l’été\./);
  await expect(reformulation).toHaveValue(/maîtriser vos coûts et votre marge et vous simplifier le travail/);
  await page.getByRole('checkbox', { name: 'Le client confirme' }).check();

  // An objection from the library, lifted.
  await app.goToVisitStep(5, 'Traitement des objections');
  await page.getByLabel('Chercher dans les objections').fill('metro');
  await page
    .getByRole('button', { name: 'Noter l’objection « Vos prix sont plus élevés que chez Metro »' })
    .click();
  const raised = page.getByRole('list', { name: 'Objections soulevées' });
  await expect(raised.getByRole('listitem')).toHaveCount(1);
  await raised.getByRole('checkbox', { name: 'Levée : Vos prix sont plus élevés que chez Metro' }).check();
  await expect(app.visitSaved()).toHaveText(/^Enregistré sur ce portable à \d{2}:\d{2}$/);
  await expectNoSeriousA11yViolations(page);

  // Typing a note, then a reload (the debounce window passes: the text is on this laptop).
  const notes = page.getByLabel('Notes : Traitement des objections');
  await notes.click();
  await page.keyboard.type('Compare avec Metro, sensible au franco');
  await page.waitForTimeout(400);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);

  await expect(app.visitStepHeading()).toHaveText('Traitement des objections', { timeout: 20_000 });
  await expect(page.getByLabel('Notes : Traitement des objections')).toHaveValue(
    'Compare avec Metro, sensible au franco',
  );
  await expect(
    page.getByRole('list', { name: 'Objections soulevées' }).getByRole('checkbox', {
      name: 'Levée : Vos prix sont plus élevés que chez Metro',
    }),
  ).toBeChecked();
  await app.goToVisitStep(2, 'Découverte');
  await expect(page.getByRole('checkbox', { name: 'Argent' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Confort' })).toBeChecked();

  // Leaving goes back to the brief, which offers to resume the same visit.
  await page.getByRole('link', { name: 'Quitter (reprendre plus tard)' }).click();
  await expect(page.locator('article.brief')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reprendre la visite en cours' })).toBeVisible();
  await app.startVisitFromBrief();
  await expect(app.visitStepHeading()).toHaveText('Découverte');
  expect(await app.localRows('visitDrafts')).toHaveLength(1);
});
