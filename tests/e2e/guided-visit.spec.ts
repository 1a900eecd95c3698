/**
 * Issue 6's whole flow through the real UI: offline, a guided visit from the brief (a motive, a
 * need, an objection lifted), an order taken from the price step, the report drafted from the
 * steps and saved with the outcome "order" and a next step; back online, the order and the visit
 * reach head office, head office confirms the order and the rep sees it locked; the next brief
 * shows the next step agreed. On the way (issue 14): the order is shown on coming back to the
 * visit, a complaint logged during it is in the report's summary with the order, and a follow-up
 * appointment is planned with the order. A second test ends a visit with a follow-up appointment
 * that lands in the agenda (that visit started from the day's route), and checks that an
 * incomplete report is refused with nothing written.
 */
import type { App, LocalCustomer } from './fixtures.js';
import {
  REP,
  dateField,
  escapeRegExp,
  expect,
  expectNoSeriousA11yViolations,
  fillDate,
  fillTime,
  orderableProducts,
  test,
} from './fixtures.js';

interface LocalAppointment {
  id: string;
  customerId: string;
  kind: 'visit' | 'call';
  startAt: string;
  status: string;
}
interface LocalVisit {
  id: string;
  customerId: string;
  outcome: string;
  orderIds: string[];
  nextStep: string;
  followUpAppointmentId: string | null;
  version: number;
}

/** The rep's planned visits with a customer that has an orderable product, earliest first. */
async function plannedVisits(app: App) {
  const appointments = await app.localRows<LocalAppointment>('appointments');
  const customers = new Map((await app.localRows<LocalCustomer>('customers')).map((c) => [c.id, c]));
  const productFor = await orderableProducts(app);
  return appointments
    .filter((a) => a.kind === 'visit' && a.status === 'planned' && customers.has(a.customerId))
    .sort((a, b) => a.startAt.localeCompare(b.startAt))
    .map((appointment) => {
      const customer = customers.get(appointment.customerId)!;
      return { appointment, customer, product: productFor(customer) };
    })
    .filter((x) => x.product !== undefined);
}

test('offline: a guided visit ends in an order; head office gets both and confirms; the rep sees it', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();
  const [first] = await plannedVisits(app);
  expect(first, 'the demo rep has a planned visit with an orderable product').toBeDefined();
  const { appointment, customer, product } = first!;

  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));

  await app.openBrief(appointment.id);
  await app.startVisitFromBrief();
  await app.goToVisitStep(2, 'Découverte');
  await page.getByRole('checkbox', { name: 'Argent' }).check();
  await page.getByLabel('Besoins notés (un par ligne)').fill('Gamme terrasse pour l’été');
  await app.goToVisitStep(5, 'Traitement des objections');
  await page.getByLabel('Chercher dans les objections').fill('metro');
  await page
    .getByRole('button', { name: 'Noter l’objection « Vos prix sont plus élevés que chez Metro »' })
    .click();
  await page
    .getByRole('list', { name: 'Objections soulevées' })
    .getByRole('checkbox', { name: 'Levée : Vos prix sont plus élevés que chez Metro' })
    .check();

  // The order, taken from the price step, back to the visit once saved.
  await app.goToVisitStep(6, 'Annonce du prix');
  await page.getByRole('link', { name: 'Prendre une commande' }).click();
  await app.addOrderLine(product!, 12);
  await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
  await expect(app.visitStepHeading()).toHaveText('Annonce du prix', { timeout: 20_000 });
  // Back in the visit, the order just taken is there: not numbered yet, amount, its line, a link.
  const taken = page.getByRole('region', { name: 'Commandes prises pendant la visite' });
  await expect(
    taken.getByRole('link', { name: 'Commande (numéro attribué à la synchronisation)' }),
  ).toBeVisible();
  await expect(taken).toContainText(/€ HT, 1 ligne/);
  await expect(taken).toContainText(`12 × ${product!.name}`);
  // The rail: the discovery and the objections recorded something; the opening was passed.
  await expect(app.visitSteps().getByRole('button', { name: /^Découverte/ })).toContainText('faite');
  await expect(app.visitSteps().getByRole('button', { name: /^Prise de contact/ })).toContainText(
    'passée, rien de noté',
  );

  // A complaint logged during the visit.
  await page.getByRole('button', { name: 'Enregistrer une réclamation' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Catégorie').selectOption('delivery');
  await dialog.getByLabel('Description').fill('Deux fûts livrés percés');
  await dialog.getByRole('button', { name: 'Enregistrer la réclamation' }).click();
  await expect(dialog).toBeHidden();

  // The report, drafted from the steps.
  await page.getByRole('button', { name: 'Terminer la visite' }).click();
  await expect(app.visitStepHeading()).toHaveText('Compte rendu');
  await expect(page.getByRole('radio', { name: 'Commande' })).toBeChecked();
  await expect(page.getByText('Une commande prise pendant la visite.')).toBeVisible();
  await expect(page.getByLabel('Besoins exprimés (un par ligne)')).toHaveValue('Gamme terrasse pour l’été');
  await expect(page.getByRole('checkbox', { name: 'Objection 1 levée' })).toBeChecked();
  await expect(page.getByLabel('Résumé')).toHaveValue(
    /« Vos prix sont plus élevés que chez Metro » \(levée\)/,
  );
  // The summary states the order (amount, lines) and the complaint.
  await expect(page.getByLabel('Résumé')).toHaveValue(
    /Commande prise : [\d\s\u202f\u00a0]+,\d\d\s€ HT, 1 ligne\. Réclamation enregistrée pendant la visite : Livraison \(retard, casse\)\.$/,
  );
  await page.getByLabel('Prochaine étape convenue').fill('Livrer avant le 15 et présenter la gamme été');
  // A follow-up appointment as well as the order.
  await page.getByRole('checkbox', { name: 'Planifier aussi un rendez-vous de suivi' }).check();
  const followUpDay = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
  await fillDate(dateField(page, 'Jour'), followUpDay);
  await fillTime(dateField(page, 'Heure'), '07:30');
  await page.getByLabel('Objectif du prochain rendez-vous').fill('Faire le point sur la livraison');
  await expectNoSeriousA11yViolations(page);
  // A reload while writing the report comes back to it, as typed.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(app.visitStepHeading()).toHaveText('Compte rendu', { timeout: 20_000 });
  await expect(page.getByLabel('Prochaine étape convenue')).toHaveValue(
    'Livrer avant le 15 et présenter la gamme été',
  );
  await page.getByRole('button', { name: 'Enregistrer le compte rendu et terminer' }).click();

  // Back on the brief; the visit is on this laptop, the appointment done, the draft gone.
  await expect(page.locator('article.brief')).toBeVisible({ timeout: 20_000 });
  const visits = (await app.localRows<LocalVisit>('visits')).filter(
    (v) => v.customerId === customer.id && v.version === 0,
  );
  expect(visits).toHaveLength(1);
  const visit = visits[0];
  expect(visit).toMatchObject({ outcome: 'order', version: 0 });
  expect(visit!.orderIds).toHaveLength(1);
  const followUp = (await app.localRows<LocalAppointment>('appointments')).find(
    (a) => a.id === visit!.followUpAppointmentId,
  );
  expect(followUp).toMatchObject({ customerId: customer.id, kind: 'visit', status: 'planned' });
  expect(await app.localRows('visitDrafts')).toHaveLength(0);
  const done = (await app.localRows<LocalAppointment>('appointments')).find((a) => a.id === appointment.id);
  expect(done?.status).toBe('done');

  // Online: both reach head office.
  await context.unroute('**/*');
  await context.setOffline(false);
  await app.waitUpToDate();
  await expect
    .poll(async () => (await headOffice.ordersOf(customer.id)).some((o) => o.id === visit!.orderIds[0]), {
      timeout: 20_000,
    })
    .toBe(true);
  await expect
    .poll(async () => (await app.localRows<LocalVisit>('visits')).find((v) => v.id === visit!.id)?.version, {
      timeout: 20_000,
    })
    .toBe(1);
  const order = (await headOffice.ordersOf(customer.id)).find((o) => o.id === visit!.orderIds[0])!;
  expect(order).toMatchObject({ status: 'received', lines: [{ productId: product!.id, quantity: 12 }] });

  // Head office confirms; the rep syncs and sees the order locked.
  await headOffice.setOrderStatus(order.id, 'confirmed');
  await page.getByRole('button', { name: /Synchroniser maintenant/ }).click();
  await page.evaluate((id) => {
    window.location.hash = `#/orders/${id}`;
  }, order.id);
  await expect(page.getByText(/Le siège a confirmé cette commande le .*Appelez le siège\./)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Confirmée', { exact: true })).toBeVisible();

  // The next brief of this customer shows what was agreed.
  await app.openBrief(appointment.id);
  await expect(page.getByText('Livrer avant le 15 et présenter la gamme été')).toBeVisible();
  await expect(page.getByText(/Prochaine étape convenue le/)).toBeVisible();
});

test('offline: a visit ends with a follow-up appointment in the agenda; an incomplete report is refused', async ({
  app,
  page,
  context,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();
  const visitsBefore = (await app.localRows('visits')).length;
  const [, second] = await plannedVisits(app);
  expect(second).toBeDefined();
  const { appointment, customer } = second!;

  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  // Started from the day's route this time.
  const routeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date(appointment.startAt),
  );
  await app.openRoute(routeDay);
  await page.getByRole('button', { name: `Démarrer la visite : ${customer.name}` }).click();
  await expect(app.visitSteps()).toBeVisible();
  await page.keyboard.press('Alt+Digit8');
  await expect(app.visitStepHeading()).toHaveText('Compte rendu');

  // Nothing chosen: refused, nothing written.
  await page.getByRole('button', { name: 'Enregistrer le compte rendu et terminer' }).click();
  const errors = page.getByRole('alert');
  await expect(errors).toContainText('Choisissez l’issue de la visite.');
  await page.getByRole('radio', { name: 'Rendez-vous de suivi' }).check();
  await page.getByRole('button', { name: 'Enregistrer le compte rendu et terminer' }).click();
  await expect(errors).toContainText('Indiquez le jour du rendez-vous de suivi.');
  expect(await app.localRows('visits')).toHaveLength(visitsBefore);

  const next = new Date(Date.now() + 9 * 86_400_000);
  const day = next.toISOString().slice(0, 10);
  await fillDate(dateField(page, 'Jour'), day);
  await fillTime(dateField(page, 'Heure'), '07:15');
  await page.getByLabel('Objectif du prochain rendez-vous').fill('Remettre le devis terrasse');
  await page.getByRole('button', { name: 'Enregistrer le compte rendu et terminer' }).click();
  // Back on the route, where the visit started.
  await expect(page.getByRole('heading', { name: /^Tournée/, level: 1 })).toBeVisible({ timeout: 20_000 });

  const visit = (await app.localRows<LocalVisit>('visits')).find(
    (v) => v.customerId === customer.id && v.outcome === 'follow-up' && v.version === 0,
  );
  expect(visit?.followUpAppointmentId).toBeTruthy();
  await app.openAgenda('day', day);
  await expect(
    page.getByRole('button', {
      name: new RegExp(`^07:15 – 08:00 ${escapeRegExp(customer.name)}.*Enregistré sur ce portable`),
    }),
  ).toBeVisible();
});
