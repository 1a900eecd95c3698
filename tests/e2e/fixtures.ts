/**
 * Shared end-to-end fixtures: page objects over role/label locators (which also prove the
 * accessible names), a head-office API client for checks "at head office", and an axe check.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { APIRequestContext, BrowserContext, Locator, Page } from '@playwright/test';

export const REP = { email: 'camille.martin@tournee.test', password: 'tournee', name: 'Camille Martin' };
export const OTHER_REP = {
  email: 'thomas.bernard@tournee.test',
  password: 'tournee',
  name: 'Thomas Bernard',
};
export const THIRD_REP = {
  email: 'julien.mercier@tournee.test',
  password: 'tournee',
  name: 'Julien Mercier',
};
export const ADMIN = { email: 'admin@tournee.test', password: 'tournee' };

interface ResultBody<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

/** Talks to head office as the admin, with a bearer token (the CLI's way). */
export class HeadOffice {
  private token: string | null = null;
  constructor(private readonly request: APIRequestContext) {}

  async call<T>(method: string, input: unknown): Promise<T> {
    if (!this.token) {
      const login = await this.raw<{ token: string }>('auth-login', {
        ...ADMIN,
        deviceName: 'e2e admin',
        tokenDelivery: 'body',
      });
      this.token = login.token;
    }
    return this.raw<T>(method, input);
  }

  private async raw<T>(method: string, input: unknown): Promise<T> {
    const response = await this.request.post(`/api/${method}`, {
      data: input,
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    const body = (await response.json()) as ResultBody<T>;
    if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
    return body.value as T;
  }

  /** The user's id at head office, by email. */
  async userId(email: string): Promise<string> {
    const { users } = await this.call<{ users: { id: string; email: string }[] }>('user-list', {});
    const found = users.find((u) => u.email === email);
    if (!found) throw new Error(`no user ${email} at head office`);
    return found.id;
  }

  /** Revokes every open session of a user (what an admin does when a laptop is lost). */
  async revokeSessionsOf(userId: string): Promise<number> {
    const { sessions } = await this.call<{ sessions: { id: string; revokedAt: string | null }[] }>(
      'auth-sessions',
      { userId },
    );
    const open = sessions.filter((s) => s.revokedAt === null);
    for (const session of open) await this.call('auth-revoke', { sessionId: session.id });
    return open.length;
  }

  /** Sets a user's saved language at head office, signed in as that user (tests reset it). */
  async setLocaleOf(user: { email: string; password: string }, locale: 'fr' | 'en'): Promise<void> {
    const as = new HeadOffice(this.request);
    as.token = (
      await as.raw<{ token: string }>('auth-login', { ...user, deviceName: 'e2e', tokenDelivery: 'body' })
    ).token;
    await as.raw('user-set-locale', { locale });
    await as.raw('auth-logout', {});
  }

  async customerByName(name: string): Promise<{ id: string; name: string; city: string; version: number }> {
    const { customers } = await this.call<{
      customers: { id: string; name: string; city: string; version: number }[];
    }>('customer-list', { query: name });
    const found = customers.find((c) => c.name === name);
    if (!found) throw new Error(`no customer ${name} at head office`);
    return found;
  }

  /** Appointments of a customer at head office (agenda e2e). */
  async appointmentsOf(customerId: string): Promise<E2EAppointment[]> {
    const { appointments } = await this.call<{ appointments: E2EAppointment[] }>('appointment-list', {
      customerId,
    });
    return appointments;
  }

  /** Sets an appointment for a rep at head office, as the admin (marked as set by them). */
  async setAppointment(input: {
    id: string;
    repId: string;
    customerId: string;
    startAt: string;
    durationMinutes: number;
    objective: string;
  }): Promise<E2EAppointment> {
    const { appointment } = await this.call<{ appointment: E2EAppointment }>('appointment-set', {
      contactId: null,
      kind: 'visit',
      notes: '',
      ...input,
    });
    return appointment;
  }

  /** The first customers of a rep's portfolio. */
  async customersOf(ownerId: string, limit: number): Promise<{ id: string; name: string; city: string }[]> {
    const { customers } = await this.call<{ customers: { id: string; name: string; city: string }[] }>(
      'customer-list',
      { ownerId, limit },
    );
    return customers;
  }

  /** Orders of a customer at head office, newest first. */
  async ordersOf(customerId: string): Promise<E2EOrder[]> {
    const { orders } = await this.call<{ orders: E2EOrder[] }>('order-list', { customerId });
    return orders;
  }

  /** Moves an order's status at head office, as the admin. */
  async setOrderStatus(id: string, status: string): Promise<E2EOrder> {
    const { order } = await this.call<{ order: E2EOrder }>('order-set-status', { id, status });
    return order;
  }

  /** Moves a complaint along its lifecycle at head office, as the admin. */
  async updateComplaintStatus(complaintId: string, status: string, note = ''): Promise<void> {
    await this.call('complaint-update-status', { complaintId, status, note });
  }

  /** The content of a complaint's attachment as head office stores it. */
  async complaintAttachment(id: string): Promise<Buffer> {
    const { contentBase64 } = await this.call<{ contentBase64: string }>('complaint-attachment-get', { id });
    return Buffer.from(contentBase64, 'base64');
  }

  async notesOf(customerId: string): Promise<{ id: string; body: string }[]> {
    const { notes } = await this.call<{ notes: { id: string; body: string }[] }>('customer-get', {
      id: customerId,
    });
    return notes;
  }
}

export interface E2EOrder {
  id: string;
  number: string;
  status: string;
  approval?: string;
  version: number;
  lines: { productId: string; quantity: number; unitPriceCents: number }[];
  totalExclCents: number;
}

export interface E2EAppointment {
  id: string;
  customerId: string;
  startAt: string;
  durationMinutes: number;
  status: string;
  setByManagerName: string | null;
  version: number;
}

export class App {
  constructor(readonly page: Page) {}

  /** Opens the day's route (yyyy-mm-dd in the user's time zone) and waits for its stops or empty state. */
  async openRoute(day: string): Promise<void> {
    await this.page.evaluate((d) => {
      window.location.hash = `#/route/${d}`;
    }, day);
    await expect(this.page.getByRole('heading', { name: /^(Tournée|Route)/, level: 1 })).toBeVisible();
  }

  /** Route stops in their current order: the customer names. */
  async routeStopNames(): Promise<string[]> {
    return (await this.page.locator('.route-stop .route-stop__name').allInnerTexts()).map((t) => t.trim());
  }

  /**
   * Settings → Route: takes the first customer's position as the start point, named `label`
   * (« Domicile » / « Bureau » are the home and office choices, anything else another place), and saves.
   */
  async setRouteStartFromFirstCustomer(label: string): Promise<void> {
    await this.page.getByRole('link', { name: /^(Paramètres|Settings)$/ }).click();
    const card = this.page.getByRole('region', { name: /^(Tournée|Route)$/ });
    const select = card.getByRole('combobox', {
      name: /^(Ou reprendre l’adresse d’un client|Or use a customer’s address)$/,
    });
    await select.selectOption({ index: 1 });
    const kinds: Record<string, string | undefined> = {
      Domicile: 'votre domicile',
      Home: 'your home',
      Bureau: 'votre bureau',
      Office: 'your office',
    };
    const kind = kinds[label];
    if (kind !== undefined) await card.getByRole('radio', { name: kind }).check();
    else {
      await card.getByRole('radio', { name: /^(un autre lieu|another place)$/ }).check();
      await card.getByRole('textbox', { name: /^(Nom du lieu|Name of the place)$/ }).fill(label);
    }
    await card.getByRole('button', { name: /^(Enregistrer|Save)$/ }).click();
    await expect(card.getByText(/Réglages de tournée enregistrés|Route settings saved/)).toBeVisible();
  }

  syncStatus() {
    return this.page
      .getByRole('status')
      .filter({ hasText: /jour|ligne|Synchronisation|attente|Up to date|Offline|Sync|waiting/i })
      .first();
  }

  /**
   * Signs in from the sign-in screen, in whichever language it shows (it opens in the language
   * of the last user of this browser), and waits for the app (the customer list after `goto`).
   */
  async signIn(user: { email: string; password: string }, options: { goto?: boolean } = {}): Promise<void> {
    // The customer list, where these specs start; Today (the app's landing) has its own spec.
    if (options.goto !== false) await this.page.goto('/#/customers');
    await this.page.getByLabel(/^(Adresse e-mail|Email address)$/).fill(user.email);
    await this.page.getByLabel(/^(Mot de passe|Password)$/).fill(user.password);
    await this.page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
    if (options.goto === false) {
      // The app reopens on the screen the URL names (e.g. the customer page before a sign-out).
      await expect(
        this.page.getByRole('navigation', { name: /^(Navigation principale|Main navigation)$/ }),
      ).toBeVisible();
    } else {
      await expect(this.page.getByRole('heading', { name: /^(Clients|Customers)$/, level: 1 })).toBeVisible();
    }
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('link', { name: /^(Paramètres|Settings)$/ }).click();
    await this.page.getByRole('button', { name: /^(Se déconnecter|Sign out)$/ }).click();
    await expect(this.page.getByRole('button', { name: /^(Se connecter|Sign in)$/ })).toBeVisible();
  }

  /** Web mode: resolves once the service worker has cached the app shell (it is active). */
  async waitForOfflineShell(): Promise<void> {
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state;
    });
    await expect.poll(() => this.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  }

  async waitUpToDate(): Promise<void> {
    await expect(this.syncStatus()).toContainText(/À jour/, { timeout: 45_000 });
  }

  customerRows() {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  async openCustomer(name: string): Promise<void> {
    await this.page.getByLabel('Filtrer les clients').fill(name);
    await this.page.getByRole('link', { name, exact: true }).first().click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /Nouvelle note/ }).fill(text);
    await this.page.getByRole('button', { name: /Ajouter la note/ }).click();
  }

  /** From the open customer page: the order screen for that customer. */
  async openNewOrder(customerName: string): Promise<void> {
    await this.page.getByRole('link', { name: /^(Nouvelle commande|New order)$/ }).click();
    await expect(
      this.page.getByRole('heading', { name: `Nouvelle commande — ${customerName}`, level: 1 }),
    ).toBeVisible();
  }

  /** Adds a product to the order by its reference, then sets the line's quantity. */
  async addOrderLine(product: { reference: string; name: string }, quantity: number): Promise<void> {
    await this.page.getByLabel(/Ajouter un produit/).fill(product.reference);
    await this.page
      .getByRole('button', { name: new RegExp(escapeRegExp(product.reference)) })
      .first()
      .click();
    await this.page.getByLabel(`Quantité de ${product.name}`).last().fill(String(quantity));
  }

  /** From the open customer page: the complaints tab. */
  async openComplaintsTab(): Promise<void> {
    await this.page.getByRole('tab', { name: /^(Réclamations|Complaints)$/ }).click();
    await expect(
      this.page.getByRole('button', { name: /^(Enregistrer une réclamation|Log a complaint)$/ }),
    ).toBeVisible();
  }

  /** Logs a complaint from the complaints tab (French UI), with files, and waits for the dialog to close. */
  async logComplaint(input: {
    description: string;
    files: { name: string; mimeType: string; buffer: Buffer }[];
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Enregistrer une réclamation' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Description').fill(input.description);
    await dialog.getByLabel(/Photos ou fichiers/).setInputFiles(input.files);
    await dialog.getByRole('button', { name: 'Enregistrer la réclamation' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Rows of one table of the signed-in user's local database, read straight from IndexedDB. */
  async localRows<T>(store: string): Promise<T[]> {
    return this.page.evaluate(async (storeName) => {
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

  /** Opens the visit brief of an appointment and waits for its figures (RFM included). */
  async openBrief(appointmentId: string): Promise<void> {
    await this.page.evaluate((id) => {
      window.location.hash = `#/brief/${encodeURIComponent(id)}`;
    }, appointmentId);
    await expect(this.page.locator('article.brief[data-brief-ready="true"]')).toBeVisible({
      timeout: 20_000,
    });
  }

  /** On a brief: starts (or resumes) the guided visit and waits for its first screen. */
  async startVisitFromBrief(): Promise<void> {
    await this.page
      .getByRole('button', { name: /^(Démarrer la visite|Reprendre la visite en cours)$/ })
      .click();
    await expect(this.visitSteps()).toBeVisible();
  }

  /** The guided visit's step rail. */
  visitSteps() {
    return this.page.getByRole('navigation', { name: 'Étapes de la visite' });
  }

  /** The heading of the visit step shown (it takes the focus on every step change). */
  visitStepHeading() {
    return this.page.locator('#visit-step-title');
  }

  /** Goes to a visit step by the keyboard (Alt+1…7) and waits for its heading. */
  async goToVisitStep(n: number, title: string): Promise<void> {
    await this.page.keyboard.press(`Alt+Digit${String(n)}`);
    await expect(this.visitStepHeading()).toHaveText(title);
    await expect(this.visitStepHeading()).toBeFocused();
  }

  /** The visit's "saved on this laptop" indicator. */
  visitSaved() {
    return this.page.locator('.visit__saved');
  }

  /** Opens the agenda on a day (yyyy-mm-dd in the user's time zone). */
  async openAgenda(view: 'day' | 'week', day: string): Promise<void> {
    await this.page.evaluate(
      ([v, d]) => {
        window.location.hash = `#/agenda/${v}/${d}`;
      },
      [view, day] as const,
    );
    await expect(this.page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible();
  }

  /** Opens the day sheet of a day (yyyy-mm-dd in the user's time zone). */
  async openDaySheet(day: string): Promise<void> {
    await this.page.evaluate((d) => {
      window.location.hash = `#/day-sheet/${d}`;
    }, day);
    await expect(
      this.page.getByRole('heading', { name: /^(Feuille de route du|Day sheet for)/, level: 1 }),
    ).toBeVisible();
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The id in the current URL when a customer page is open (`#/customers/<id>`). */
export function customerIdFromUrl(page: Page): string {
  const match = /#\/customers\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`no customer page open: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Signs `user` in in a browser of their own (another person at another desk); closed after the test. */
export type SignInElsewhere = (
  user: { email: string; password: string },
  options?: { acceptDownloads?: boolean },
) => Promise<App>;

export const test = base.extend<{ app: App; headOffice: HeadOffice; elsewhere: SignInElsewhere }>({
  app: async ({ page }, use) => {
    await use(new App(page));
  },
  elsewhere: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, options = {}) => {
      const context = await browser.newContext({
        baseURL,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        acceptDownloads: options.acceptDownloads ?? false,
      });
      contexts.push(context);
      const other = new App(await context.newPage());
      await other.signIn(user);
      return other;
    });
    for (const context of contexts) await context.close();
  },
  headOffice: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL });
    await use(new HeadOffice(request));
    await request.dispose();
  },
});

export { expect };

/**
 * A date or time field of the app (React Aria segments, named by its label): a group of
 * spinbuttons, typed digit by digit as a keyboard does.
 */
export function dateField(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('group', { name, exact: true });
}

/** Types a day (`YYYY-MM-DD`) into a date field as a French rep reads it: jj mm aaaa. */
export async function fillDate(field: Locator, day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await field.getByRole('spinbutton').first().focus();
  await field.page().keyboard.type(`${date}${month}${year}`);
}

/** Types a time (`HH:mm`, 24-hour as in French) into a time field. */
export async function fillTime(field: Locator, time: string): Promise<void> {
  await field.getByRole('spinbutton').first().focus();
  await field.page().keyboard.type(time.replace(':', ''));
}

export interface LocalCustomer {
  id: string;
  name: string;
  priceGroup: string;
}
export interface LocalProduct {
  id: string;
  reference: string;
  name: string;
  active: boolean;
}

/**
 * Reads the laptop's own catalogue: for each customer, an active product its price group (or
 * the base list) prices today, whose reference no other product contains (so the order screen's
 * search shows it alone). `orderable(customer)` is undefined when there is none.
 */
export async function orderableProducts(
  app: App,
): Promise<(customer: Pick<LocalCustomer, 'priceGroup'>) => LocalProduct | undefined> {
  const products = await app.localRows<LocalProduct>('products');
  const lists = await app.localRows<{ id: string; customerGroup: string; validTo: string | null }>(
    'priceLists',
  );
  const prices = await app.localRows<{ priceListId: string; productId: string }>('prices');
  const today = new Date().toISOString().slice(0, 10);
  return (customer) => {
    const group = customer.priceGroup === '' ? 'CHR-STD' : customer.priceGroup;
    const listIds = new Set(
      lists
        .filter((l) => l.customerGroup === group && (l.validTo === null || l.validTo >= today))
        .map((l) => l.id),
    );
    const priced = new Set(prices.filter((p) => listIds.has(p.priceListId)).map((p) => p.productId));
    return products.find(
      (p) =>
        p.active &&
        priced.has(p.id) &&
        products.filter((o) => o.reference.includes(p.reference)).length === 1,
    );
  };
}

/** The first of `customers` (default: the laptop's) with an orderable product, and that product. */
export async function orderable(
  app: App,
  customers?: readonly LocalCustomer[],
): Promise<{ customer: LocalCustomer; product: LocalProduct }> {
  const productFor = await orderableProducts(app);
  for (const customer of (customers ?? (await app.localRows<LocalCustomer>('customers'))).slice(0, 20)) {
    const product = productFor(customer);
    if (product) return { customer, product };
  }
  throw new Error('no orderable product on this laptop');
}
