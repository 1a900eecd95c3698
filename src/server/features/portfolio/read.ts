/**
 * The customer file beyond the customer row (contacts, catalogue, orders, activity) as it
 * goes on the wire. Each reader runs ONE query for any number of rows (orders: one for the
 * orders and one for all their lines), so the pull loads a page with a handful of queries.
 * Callers pass the `where` (usually `anyId(table.id, ids)`); tombstoned rows are never read.
 */
import { and, asc, isNull, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { MarketingAction, Complaint, Visit } from '../../../shared/domain/activity/activity.js';
import type { Appointment } from '../../../shared/domain/appointment/appointment.js';
import type { Price, PriceList, Product } from '../../../shared/domain/catalog/catalog.js';
import type { Consent, Contact } from '../../../shared/domain/contact/contact.js';
import type { Order, OrderLine } from '../../../shared/domain/order/order.js';
import {
  appointments,
  complaints,
  consents,
  contacts,
  marketingActions,
  orderLines,
  orders,
  priceLists,
  prices,
  products,
  visits,
} from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso, toIsoOrNull } from '../../lib/time.js';

/** `column = any(ids)` with the ids as ONE text parameter (no 65,535-parameter limit). */
export function anyId(column: AnyColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(string_to_array(${ids.join(',')}::text, ',')::uuid[])`;
}

export async function selectContacts(db: DbOrTx, where: SQL): Promise<Contact[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(where, isNull(contacts.deletedAt)))
    .orderBy(contacts.id);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    firstName: r.firstName,
    lastName: r.lastName,
    role: r.role,
    phone: r.phone,
    mobile: r.mobile,
    email: r.email,
    decisionMaker: r.decisionMaker,
    preferredChannel: r.preferredChannel,
    anonymisedAt: toIsoOrNull(r.anonymisedAt),
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectConsents(db: DbOrTx, where: SQL): Promise<Consent[]> {
  const rows = await db
    .select()
    .from(consents)
    .where(and(where, isNull(consents.deletedAt)))
    .orderBy(consents.id);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    contactId: r.contactId,
    purpose: r.purpose,
    granted: r.granted,
    at: toIso(r.at),
    source: r.source,
  }));
}

export async function selectProducts(db: DbOrTx, where: SQL): Promise<Product[]> {
  const rows = await db
    .select()
    .from(products)
    .where(and(where, isNull(products.deletedAt)))
    .orderBy(products.id);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    name: r.name,
    family: r.family,
    unit: r.unit,
    vatRate: r.vatRate,
    active: r.active,
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectPriceLists(db: DbOrTx, where: SQL): Promise<PriceList[]> {
  const rows = await db
    .select()
    .from(priceLists)
    .where(and(where, isNull(priceLists.deletedAt)))
    .orderBy(priceLists.id);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    customerGroup: r.customerGroup,
    validFrom: r.validFrom,
    validTo: r.validTo,
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectPrices(db: DbOrTx, where: SQL): Promise<Price[]> {
  const rows = await db
    .select()
    .from(prices)
    .where(and(where, isNull(prices.deletedAt)))
    .orderBy(prices.id);
  return rows.map((r) => ({
    id: r.id,
    priceListId: r.priceListId,
    productId: r.productId,
    breaks: r.breaks,
    version: r.version,
  }));
}

/** Orders with their lines embedded: one query for the orders, one for all their lines. */
export async function selectOrders(db: DbOrTx, where: SQL): Promise<Order[]> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(where, isNull(orders.deletedAt)))
    .orderBy(orders.id);
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(orderLines)
    .where(
      anyId(
        orderLines.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  const byOrder = new Map<string, OrderLine[]>();
  for (const l of lines) {
    let list = byOrder.get(l.orderId);
    if (list === undefined) {
      list = [];
      byOrder.set(l.orderId, list);
    }
    list.push({
      id: l.id,
      productId: l.productId,
      productReference: l.productReference,
      productName: l.productName,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      discountBp: l.discountBp,
      vatRate: l.vatRate,
      totalExclCents: l.totalExclCents,
    });
  }
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    repId: r.repId,
    number: r.number,
    orderedAt: toIso(r.orderedAt),
    deliveryDate: r.deliveryDate,
    status: r.status,
    approval: r.approval,
    note: r.note,
    signature: r.signature,
    confirmedAt: r.confirmedAt === null ? null : toIso(r.confirmedAt),
    lines: byOrder.get(r.id) ?? [],
    totalExclCents: r.totalExclCents,
    totalVatCents: r.totalVatCents,
    totalInclCents: r.totalInclCents,
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectAppointments(db: DbOrTx, where: SQL): Promise<Appointment[]> {
  const rows = await db
    .select()
    .from(appointments)
    .where(and(where, isNull(appointments.deletedAt)))
    .orderBy(appointments.id);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    contactId: r.contactId,
    repId: r.repId,
    kind: r.kind,
    startAt: toIso(r.startAt),
    durationMinutes: r.durationMinutes,
    objective: r.objective,
    notes: r.notes,
    status: r.status,
    setByManagerName: r.setByManagerName,
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectMarketingActions(db: DbOrTx, where: SQL): Promise<MarketingAction[]> {
  const rows = await db
    .select()
    .from(marketingActions)
    .where(and(where, isNull(marketingActions.deletedAt)))
    .orderBy(marketingActions.id);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    kind: r.kind,
    at: toIso(r.at),
    label: r.label,
    reaction: r.reaction,
    version: r.version,
  }));
}

export async function selectVisits(db: DbOrTx, where: SQL): Promise<Visit[]> {
  const rows = await db
    .select()
    .from(visits)
    .where(and(where, isNull(visits.deletedAt)))
    .orderBy(visits.id);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    repId: r.repId,
    at: toIso(r.at),
    channel: r.channel,
    outcome: r.outcome,
    objections: r.objections,
    summary: r.summary,
    appointmentId: r.appointmentId,
    noSaleReason: r.noSaleReason,
    followUpAppointmentId: r.followUpAppointmentId,
    needs: r.needs,
    motives: r.motives,
    offered: r.offered,
    orderIds: r.orderIds,
    nextStep: r.nextStep,
    notes: r.notes,
    version: r.version,
  }));
}

export async function selectComplaints(db: DbOrTx, where: SQL): Promise<Complaint[]> {
  const rows = await db
    .select()
    .from(complaints)
    .where(and(where, isNull(complaints.deletedAt)))
    .orderBy(complaints.id);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    orderId: r.orderId,
    productId: r.productId,
    category: r.category,
    description: r.description,
    severity: r.severity,
    status: r.status,
    createdAt: toIso(r.createdAt),
    version: r.version,
  }));
}
