/**
 * The benchmark portfolio: one rep (Camille) holding exactly N customers, 4 contacts each, and
 * an order history of about L order lines, cut from the generated demo company (real towns,
 * real products, the same behaviours), written with the demo company's bulk writer.
 */
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../src/server/db/types.js';
import { hashPassword, testHashOptions } from '../src/server/features/auth/passwords.js';
import { generateCompany } from '../src/server/seed/company.js';
import { writeCompany } from '../src/server/seed/write.js';

export interface BenchPortfolioSize {
  customers: number;
  /** Customers alone (the foundation's 2,000-customer pull): nothing hangs off them. */
  customersOnly?: boolean;
  contactsPerCustomer: number;
  orderLines: number;
}

export const BENCH_PORTFOLIO: BenchPortfolioSize = {
  customers: 2000,
  contactsPerCustomer: 4,
  orderLines: 100_000,
};

export async function seedBenchPortfolio(
  db: DbOrTx,
  size: BenchPortfolioSize = BENCH_PORTFOLIO,
): Promise<{ customers: number; contacts: number; orders: number; orderLines: number }> {
  // A company a bit larger than needed, then everything cut to the requested sizes.
  const company = generateCompany({ scale: (size.customers / 6000) * 1.25, referenceDate: '2026-11-24' });
  const camille = company.users.find((u) => u.key === 'camille');
  if (!camille) throw new Error('the demo company has no Camille');
  const customers = company.customers
    .filter((c) => c.status !== 'prospect')
    .slice(0, size.customers)
    .map((c) => ({ ...c, ownerId: camille.id, ownerName: camille.name }));
  const kept = new Set(customers.map((c) => c.id));

  const contacts = customers.flatMap((customer) => {
    const own = company.contacts.filter((c) => c.customerId === customer.id);
    const template = own[0] ?? company.contacts[0]!;
    return Array.from(
      { length: size.contactsPerCustomer },
      (_, i) =>
        own[i] ?? {
          ...template,
          id: uuidv7(),
          customerId: customer.id,
          lastName: `${template.lastName} ${i + 1}`,
          decisionMaker: false,
        },
    );
  });

  // Newest orders first, until the line budget is spent.
  const orders = [];
  let lines = 0;
  for (const order of [...company.orders]
    .filter((o) => kept.has(o.customerId))
    .sort((a, b) => b.orderedAt.localeCompare(a.orderedAt))) {
    if (lines >= size.orderLines) break;
    const take = order.lines.slice(0, size.orderLines - lines);
    lines += take.length;
    orders.push({ ...order, repId: camille.id, lines: take });
  }
  const contactIds = new Set(contacts.map((c) => c.id));
  const orderIds = new Set(orders.map((o) => o.id));
  const only = size.customersOnly === true;
  const cut = {
    ...company,
    customers,
    contacts: only ? [] : contacts,
    consents: only
      ? []
      : company.consents.filter((c) => kept.has(c.customerId) && contactIds.has(c.contactId)),
    orders: only ? [] : orders,
    visits: only
      ? []
      : company.visits.filter((v) => kept.has(v.customerId)).map((v) => ({ ...v, repId: camille.id })),
    complaints: only
      ? []
      : company.complaints
          .filter((c) => kept.has(c.customerId))
          .map((c) => (c.orderId !== null && !orderIds.has(c.orderId) ? { ...c, orderId: null } : c)),
    complaintEvents: only ? [] : company.complaintEvents.filter((e) => kept.has(e.customerId)),
    marketingActions: only ? [] : company.marketingActions.filter((a) => kept.has(a.customerId)),
    appointments: only
      ? []
      : company.appointments.filter((a) => kept.has(a.customerId)).map((a) => ({ ...a, repId: camille.id })),
    notes: only ? [] : company.notes.filter((n) => kept.has(n.customerId)),
    profiles: new Map([...company.profiles].filter(([id]) => kept.has(id))),
  };
  const hash = await hashPassword('tournee', testHashOptions);
  await writeCompany(db, cut, { passwordHashes: new Map(company.users.map((u) => [u.key, hash])) });
  return { customers: customers.length, contacts: contacts.length, orders: orders.length, orderLines: lines };
}
