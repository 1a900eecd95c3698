/**
 * Preparing the day offline: the demo rep opens the brief of one of their appointments with no
 * network, reads every section, opens the day sheet and exports it (web mode: the browser's
 * print dialog through the print stylesheet, checked with print media and a real PDF).
 */
import { REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

interface LocalAppointment {
  id: string;
  customerId: string;
  kind: 'visit' | 'call';
  startAt: string;
  status: string;
  objective: string;
}
interface LocalCustomer {
  id: string;
  name: string;
}

const parisDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

test('offline: open a visit brief, then the day sheet, and export it as PDF', async ({
  app,
  page,
  context,
}) => {
  // Web mode's "Export as PDF" opens the browser's print dialog: record the call instead.
  await page.addInitScript(() => {
    const w = window as unknown as { __printCalls: number };
    w.__printCalls = 0;
    window.print = () => {
      w.__printCalls += 1;
    };
  });
  const workerWarnings: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Portfolio worker')) workerWarnings.push(message.text());
  });
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();

  const appointments = await app.localRows<LocalAppointment>('appointments');
  const customers = new Map((await app.localRows<LocalCustomer>('customers')).map((c) => [c.id, c]));
  const visit = appointments
    .filter((a) => a.kind === 'visit' && a.status === 'planned' && customers.has(a.customerId))
    .sort((a, b) => a.startAt.localeCompare(b.startAt))[0];
  expect(visit, 'the demo rep has a planned visit').toBeDefined();
  const customer = customers.get(visit!.customerId)!;

  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });

  // The brief.
  await app.openBrief(visit!.id);
  const brief = page.locator('article.brief');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Préparation de visite : ${customer.name}`,
  );
  await expect(brief.locator('[data-brief="objective"]')).toHaveText(visit!.objective);
  for (const title of [
    'Chiffres clés',
    'Qui rencontrer',
    'Dernières visites',
    'Objections déjà entendues',
    'Commandes en cours',
    'Réclamations ouvertes',
    'Produits qui ne sont plus achetés',
    'À proposer (ventes croisées)',
  ]) {
    await expect(brief.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  }
  await expect(brief.locator('[data-figure="rfm"]')).not.toContainText('Calcul');
  await expect(brief.locator('[data-figure="orders-12"]')).toHaveText(/^\d+$/);
  await expect(brief.locator('[data-section="freshness"]')).toContainText('Dernière synchronisation');
  await expect(brief).toHaveAttribute('data-cross-sell-ready', 'true', { timeout: 20_000 });
  // Computed by the portfolio worker (off the main thread), started offline from the cache.
  expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/portfolio\.worker/));
  expect(workerWarnings).toEqual([]);
  await expect(page.getByRole('link', { name: 'Ouvrir la fiche 360' })).toHaveAttribute(
    'href',
    `#/customers/${customer.id}`,
  );
  await expectNoSeriousA11yViolations(page);

  // An appointment that is not on this laptop.
  await page.evaluate(() => {
    window.location.hash = '#/brief/00000000-0000-7000-8000-000000000000';
  });
  await expect(page.getByText('Rendez-vous introuvable')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Retour à l’agenda' })).toBeVisible();

  // The day sheet of that day: the route, then one brief per stop.
  const day = parisDay(visit!.startAt);
  const ofTheDay = appointments.filter(
    (a) => a.status !== 'cancelled' && parisDay(a.startAt) === day && customers.has(a.customerId),
  );
  await app.openDaySheet(day);
  const sheetBriefs = page.locator('.daysheet__brief article.brief');
  await expect(sheetBriefs).toHaveCount(ofTheDay.length);
  await expect(page.locator(`.daysheet__brief[data-brief-of="${customer.id}"]`)).toContainText(customer.name);
  await expect(page.getByRole('heading', { name: 'Itinéraire', level: 2 })).toBeVisible();
  await expect(page.locator('.daysheet__brief article[data-brief-ready="true"]')).toHaveCount(
    ofTheDay.length,
  );
  await expectNoSeriousA11yViolations(page);

  // Export: web mode opens the print dialog.
  await page.getByRole('button', { name: 'Exporter en PDF' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls))
    .toBe(1);
  await expect(page.getByText('Enregistrer au format PDF')).toBeVisible();

  // The print layout: no rail, no toolbar, no banner; every brief printed, each on its page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.rail')).toBeHidden();
  await expect(page.locator('.daysheet__toolbar')).toBeHidden();
  for (const banner of await page.locator('.banner').all()) await expect(banner).toBeHidden();
  for (const b of await sheetBriefs.all()) await expect(b).toBeVisible();
  const breaks = await page
    .locator('.daysheet__brief')
    .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).breakBefore));
  expect(breaks.every((b) => b === 'page')).toBe(true);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  await page.emulateMedia({ media: 'screen' });
  await context.setOffline(false);
});
