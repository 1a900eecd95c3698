import { useLiveQuery } from 'dexie-react-hooks';
import type { Playbook } from '../../../shared/domain/playbook/index.js';
import type { VisitDraft } from '../../../shared/domain/visit/index.js';
import type { AppDB } from '../../db/AppDB.js';
import type { AppointmentRow, CustomerRow, PriceListRow } from '../../db/schema.js';
import { currentPlaybook } from './store.js';

/** The visit in progress for an appointment, or for a customer without appointment (null: none). */
export function useVisitInProgress(
  db: AppDB,
  customerId: string,
  appointmentId: string | null,
): VisitDraft | null | undefined {
  return useLiveQuery(async () => {
    const found =
      appointmentId !== null
        ? await db.visitDrafts.where('appointmentId').equals(appointmentId).first()
        : await db.visitDrafts
            .where('customerId')
            .equals(customerId)
            .filter((d) => d.appointmentId === null)
            .first();
    return found ?? null;
  }, [db, customerId, appointmentId]);
}

export interface VisitContext {
  customer: CustomerRow | null;
  appointment: AppointmentRow | null;
  /** Product families the customer bought (from their orders), most lines first. */
  families: string[];
  priceList: PriceListRow | null;
}

/** What the visit screen shows around the draft: customer, appointment, families, price list. */
export function useVisitContext(
  db: AppDB,
  customerId: string | null,
  appointmentId: string | null,
): VisitContext | undefined {
  return useLiveQuery(async () => {
    if (customerId === null) return undefined;
    const [customer, appointment, orders] = await Promise.all([
      db.customers.get(customerId),
      appointmentId !== null ? db.appointments.get(appointmentId) : Promise.resolve(undefined),
      db.orders.where('customerId').equals(customerId).toArray(),
    ]);
    const productIds = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId)))];
    const products = await db.products.bulkGet(productIds);
    const familyOf = new Map(products.flatMap((p) => (p ? [[p.id, p.family] as const] : [])));
    const counts = new Map<string, number>();
    for (const line of orders.flatMap((o) => o.lines)) {
      const family = familyOf.get(line.productId);
      if (family !== undefined) counts.set(family, (counts.get(family) ?? 0) + 1);
    }
    const families = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f);
    const group = customer?.priceGroup ?? '';
    const priceList =
      group !== '' ? ((await db.priceLists.where('customerGroup').equals(group).first()) ?? null) : null;
    return { customer: customer ?? null, appointment: appointment ?? null, families, priceList };
  }, [db, customerId, appointmentId]);
}

/**
 * The playbook in force on this laptop, live: a pull bringing head office's new version
 * updates the screens that show it. Undefined while loading.
 */
export function useCurrentPlaybook(db: AppDB): Playbook | undefined {
  return useLiveQuery(() => currentPlaybook(db), [db]);
}
