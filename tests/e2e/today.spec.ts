/**
 * Today (Aujourd'hui) end to end: a rep signs in and lands on Today, sees the day's
 * appointments from the demo data (or what to do on a day without any), then the screen keeps
 * working offline from the laptop's database; axe finds nothing serious online or offline.
 */
import { REP, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

/** The calendar day of an instant in Paris (the demo rep's time zone), yyyy-mm-dd. */
function parisDay(at: number | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(at));
}

test('a rep lands on Today, sees the day’s appointments, and it works offline', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await page.goto('/');
  await app.signIn(REP, { goto: false });
  await expect(page.getByRole('heading', { name: 'Aujourd’hui', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Aujourd’hui' })).toHaveAttribute('aria-current', 'page');
  await app.waitUpToDate();

  // What the laptop holds for today, in time order (the demo plans 3 to 5 a weekday).
  const repId = await headOffice.userId(REP.email);
  const today = parisDay(Date.now());
  const mine = (
    await app.localRows<{ repId: string; startAt: string; status: string; customerId: string }>(
      'appointments',
    )
  )
    .filter((a) => a.repId === repId && parisDay(a.startAt) === today)
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  const items = page.getByTestId('today-appointment');
  if (mine.length === 0) {
    await expect(page.getByText('Aucun rendez-vous aujourd’hui')).toBeVisible();
  } else {
    await expect(items).toHaveCount(mine.length);
    const customers = await app.localRows<{ id: string; name: string }>('customers');
    const firstName = customers.find((c) => c.id === mine[0]?.customerId)?.name ?? '';
    await expect(items.first()).toContainText(firstName);
  }
  await expect(page.getByRole('heading', { name: 'Depuis votre dernière visite', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'À traiter', level: 2 })).toBeVisible();
  await expect(page.getByTestId('today-sync')).toContainText(/À jour/);
  await expectNoSeriousA11yViolations(page);

  // Offline: the same day, from the laptop, and the sync card says so.
  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });
  await page.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Aujourd’hui' }).click();
  await expect(page.getByRole('heading', { name: 'Aujourd’hui', level: 1 })).toBeVisible();
  await expect(items).toHaveCount(mine.length);
  await expect(page.getByTestId('today-sync')).toContainText(/Hors ligne : tout ce qui est sur ce portable/);
  await expectNoSeriousA11yViolations(page);
  await context.setOffline(false);
});
