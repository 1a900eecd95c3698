import { randomUUID } from 'node:crypto';
import { REP, customerIdFromUrl, expect, test } from './fixtures.js';

test('head office serves the service worker uncached, as JavaScript', async ({ request }) => {
  const response = await request.get('/sw.js');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^(text|application)\/javascript/);
  expect(response.headers()['cache-control']).toBe('no-cache');
});

test('after one sign-in, web mode opens offline on local data and syncs when back', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();
  const count = await page.locator('.page__count').innerText();
  expect(count).toMatch(/\d+ clients/);

  await context.setOffline(true);
  // Chromium's offline emulation may not cover the service worker's own fetches: make sure
  // head office is really out of reach, for the page and the worker alike.
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });
  await expect(page.locator('.page__count')).toHaveText(count);
  await expect(app.customerRows().first()).toBeVisible();

  const name = (await app.customerRows().first().getByRole('link').innerText()).trim();
  await app.openCustomer(name);
  const text = `Vu en réserve, sans réseau — ${randomUUID()}`;
  await app.addNote(text);
  const note = page.getByRole('listitem').filter({ hasText: text });
  await expect(note).toContainText('enregistré sur ce portable');

  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
  await app.waitUpToDate();
  await expect(note).toContainText('reçu au siège');
  expect((await headOffice.notesOf(customerIdFromUrl(page))).filter((n) => n.body === text)).toHaveLength(1);
});

test('behind a gateway, a 502 or a maintenance page opens the app as last cached, and never replaces it', async ({
  app,
  page,
  context,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  await app.waitForOfflineShell();
  const clients = page.getByRole('heading', { name: 'Clients', level: 1 });
  const answerEverything = (status: number, title: string) =>
    context.route('**/*', (route) =>
      route.fulfill({
        status,
        contentType: 'text/html',
        body: `<html><body><h1>${title}</h1></body></html>`,
      }),
    );

  // Head office down behind a load balancer: every request is answered 502.
  await answerEverything(502, 'Bad Gateway');
  expect((await page.reload())?.fromServiceWorker()).toBe(true);
  await expect(clients).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bad Gateway' })).toHaveCount(0);

  // A maintenance page answered 200 is not the app: the cached app opens instead…
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await answerEverything(200, 'Maintenance');
  await page.reload();
  await expect(clients).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Maintenance' })).toHaveCount(0);

  // …and it did not replace the cache: with head office unreachable, the app still opens.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  expect((await page.reload())?.fromServiceWorker()).toBe(true);
  await expect(clients).toBeVisible();
  await expect(app.customerRows().first()).toBeVisible();
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
});
