/**
 * The customer 360 and instant search, offline; and an interrupted first download that
 * resumes without starting over.
 */
import type { Page } from '@playwright/test';
import type { HeadOffice } from './fixtures.js';
import { REP, escapeRegExp, expect, expectNoSeriousA11yViolations, test } from './fixtures.js';

interface LocalContact {
  customerId: string;
  firstName: string;
  lastName: string;
  phone: string;
  mobile: string;
  anonymisedAt: string | null;
}
interface LocalCustomer {
  id: string;
  name: string;
  phone: string;
}

/** Rows of one table of the signed-in user's local database (read straight from IndexedDB). */
async function localRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (storeName) => {
    const dbs = await indexedDB.databases();
    const name = dbs.map((d) => d.name).find((n) => n?.startsWith('tournee-'));
    if (!name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

async function repCustomerCount(headOffice: HeadOffice): Promise<number> {
  const { customers } = await headOffice.call<{ customers: { ownerName: string | null }[] }>(
    'customer-list',
    {
      limit: 1000,
    },
  );
  return customers.filter((c) => c.ownerName === REP.name).length;
}

test('offline: Ctrl+K finds a customer by contact name and phone, the 360 shows, an edit syncs later', async ({
  app,
  page,
  context,
  headOffice,
}) => {
  await app.signIn(REP);
  await app.waitUpToDate();
  const contacts = (await localRows<LocalContact>(page, 'contacts')).filter(
    (c) => c.anonymisedAt === null && c.lastName.length >= 3 && (c.phone || c.mobile),
  );
  const customers = await localRows<LocalCustomer>(page, 'customers');
  // Prefer a contact whose name has accents: the search must not need them.
  const contact =
    contacts.find((c) => stripAccents(`${c.firstName}${c.lastName}`) !== `${c.firstName}${c.lastName}`) ??
    contacts[0];
  expect(contact, 'the demo company gives customers contacts with phones').toBeDefined();
  const customer = customers.find((c) => c.id === contact!.customerId)!;

  await context.setOffline(true);
  await expect(app.syncStatus()).toContainText(/Hors ligne/, { timeout: 20_000 });

  // By the contact's name, typed without accents and in lower case.
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Rechercher un client' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('combobox', { name: 'Rechercher un client' });
  await expect(input).toBeFocused();
  await input.fill(stripAccents(`${contact!.firstName} ${contact!.lastName}`).toLowerCase());
  const option = dialog.getByRole('option', { name: new RegExp(escapeRegExp(customer.name)) }).first();
  await expect(option).toBeVisible();
  await expect(option).toContainText('Contact');
  await expectNoSeriousA11yViolations(page);
  // Arrow keys move the active option; Enter opens the active one.
  const options = dialog.getByRole('option');
  const index = await options.evaluateAll(
    (els, name) => els.findIndex((el) => el.textContent?.includes(name)),
    customer.name,
  );
  for (let i = 0; i < index; i += 1) await input.press('ArrowDown');
  await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(page.getByRole('heading', { name: customer.name, level: 1 })).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // By part of a phone number, digits only ("0472" finds "04 72 …").
  const digits = (contact!.phone || contact!.mobile).replace(/\D/g, '');
  const part = digits.slice(2, 8);
  const searchButton = page.getByRole('button', { name: 'Rechercher' });
  await searchButton.click();
  await dialog.getByRole('combobox').fill(part);
  await expect(
    dialog.getByRole('option', { name: new RegExp(escapeRegExp(customer.name)) }).first(),
  ).toBeVisible();
  // Esc closes and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(searchButton).toBeFocused();

  // The 360: tabs by keyboard, key figures, axe on every tab.
  const tablist = page.getByRole('tablist', { name: 'Fiche client' });
  await expect(tablist.getByRole('tab')).toHaveText([
    'Vue d’ensemble',
    'Contacts',
    'Commandes',
    'Visites',
    'Réclamations',
    'Données & consentements',
  ]);
  await expect(page.getByRole('heading', { name: 'Chiffres clés' })).toBeVisible();
  await expect(page.locator('[data-figure="orders-12"]')).toHaveText(/^\d[\d\s\u202f]*$/);
  await expect(page.locator('[data-figure="revenue-12"]')).toContainText('€');
  await expect(page.locator('[data-figure="rfm"]')).toContainText(/R \d · F \d · M \d|Pas de commande/, {
    timeout: 10_000,
  });
  await expectNoSeriousA11yViolations(page);
  await tablist.getByRole('tab', { name: 'Vue d’ensemble' }).focus();
  for (const name of ['Contacts', 'Commandes', 'Visites', 'Réclamations', 'Données & consentements']) {
    await page.keyboard.press('ArrowRight');
    const tab = tablist.getByRole('tab', { name });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
  await tablist.getByRole('tab', { name: 'Contacts' }).click();
  const contactName = `${contact!.firstName} ${contact!.lastName}`.trim();
  await expect(
    page.getByRole('heading', { name: new RegExp(escapeRegExp(contactName)), level: 3 }),
  ).toBeVisible();
  await expect(page.locator(`a[href^="tel:"]`).first()).toBeVisible();

  // Edit a declarative field offline: saved on this laptop, at head office once back online.
  await tablist.getByRole('tab', { name: 'Vue d’ensemble' }).click();
  await page.getByRole('button', { name: 'Modifier la fiche' }).click();
  const hours = `7h–15h, fermé le lundi ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Horaires d’ouverture' }).fill(hours);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByText('Modifications enregistrées sur ce portable.')).toBeVisible();
  await expect(page.getByText(hours)).toBeVisible();
  await expect(app.syncStatus()).toContainText(/1 en attente/);

  await context.setOffline(false);
  await app.waitUpToDate();
  await expect
    .poll(
      async () => {
        const { customers: found } = await headOffice.call<{
          customers: { id: string; openingHours?: string }[];
        }>('customer-list', { query: customer.name, limit: 50 });
        return found.find((c) => c.id === customer.id)?.openingHours;
      },
      { timeout: 20_000 },
    )
    .toBe(hours);
});

test('an interrupted first download shows its progress and resumes where it stopped', async ({
  app,
  page,
  headOffice,
}) => {
  const PAGE_LIMIT = 100;
  const pulls: { cookie: number | null; reset: boolean; ids: string[]; more: boolean }[] = [];
  let requests = 0;
  let aborted = 0;
  await page.route(/\/api\/sync-pull$/, async (route) => {
    requests += 1;
    // Small pages so that the first download takes several; the second page is lost once.
    const body = JSON.parse(route.request().postData() ?? '{}') as { cookie: number | null; limit?: number };
    if (requests === 2 && aborted === 0) {
      // Hangs a moment (the progress shows), then the connection drops.
      await new Promise((r) => setTimeout(r, 1_500));
      aborted += 1;
      await route.abort('connectionreset');
      return;
    }
    const response = await route.fetch({ postData: JSON.stringify({ ...body, limit: PAGE_LIMIT }) });
    const json = (await response.json()) as {
      ok: boolean;
      value?: {
        reset: boolean;
        more: boolean;
        patch: { op: string; entity: string; id?: string; value?: { id: string } }[];
      };
    };
    if (json.ok && json.value) {
      pulls.push({
        cookie: body.cookie,
        reset: json.value.reset,
        more: json.value.more,
        ids: json.value.patch.map((op) => `${op.entity}:${op.id ?? op.value?.id ?? ''}`),
      });
    }
    // Slow enough for the progress to be seen.
    await new Promise((r) => setTimeout(r, 150));
    await route.fulfill({ response, json });
  });

  await app.signIn(REP);
  const progress = page.getByTestId('download-progress');
  await expect(progress).toContainText(
    // Head office announced the download's size: received / total (percentage).
    /Téléchargement de votre portefeuille… [\d\s\u202f]+ \/ [\d\s\u202f]+ éléments? \([\d\s\u202f]+%\)/,
  );
  await expect.poll(() => aborted, { timeout: 15_000 }).toBe(1);
  await expect(progress).toContainText(/Reprise du téléchargement|Téléchargement interrompu/, {
    timeout: 20_000,
  });
  await app.waitUpToDate();
  await expect(progress).toHaveCount(0);

  // Every customer of the rep is on the laptop…
  const expected = await repCustomerCount(headOffice);
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByText(new RegExp(`^${expected} clients$`))).toBeVisible();
  // …and nothing started over: the page after the lost one asked from page 1's cookie, no
  // response reset the laptop, and no row of the first page came again.
  expect(pulls.length).toBeGreaterThan(2);
  expect(pulls[0]!.cookie).toBeNull();
  expect(pulls[1]!.cookie).not.toBeNull();
  expect(pulls.slice(1).every((p) => !p.reset)).toBe(true);
  const first = new Set(pulls[0]!.ids);
  const again = pulls.slice(1).flatMap((p) => p.ids.filter((id) => first.has(id)));
  expect(again).toEqual([]);
  expect(requests).toBe(pulls.length + 1);
});
