/** Live reads of complaints on this laptop; `undefined` means loading. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../db/AppDB.js';
import type {
  ComplaintAttachmentRow,
  ComplaintEventRow,
  ComplaintRow,
  OrderRow,
  ProductRow,
} from '../../db/schema.js';
import type { ComplaintStatus } from '../../../shared/domain/complaint/complaint.js';

export interface ComplaintDetails {
  complaint: ComplaintRow;
  /** Oldest first. */
  events: ComplaintEventRow[];
  attachments: ComplaintAttachmentRow[];
  /** Attachment ids whose content is on this laptop. */
  localContent: ReadonlySet<string>;
  productName: string | null;
  orderNumber: string | null;
}

/** A customer's complaints, newest first, each with its history and attachments. */
export function useCustomerComplaints(db: AppDB, customerId: string): ComplaintDetails[] | undefined {
  return useLiveQuery(async () => {
    const complaints = await db.complaints.where('customerId').equals(customerId).toArray();
    complaints.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const events = await db.complaintEvents.where('customerId').equals(customerId).toArray();
    const attachments = await db.complaintAttachments.where('customerId').equals(customerId).toArray();
    const blobIds = await db.attachmentBlobs
      .where('complaintId')
      .anyOf(complaints.map((c) => c.id))
      .primaryKeys();
    const products = await db.products.bulkGet(complaints.flatMap((c) => (c.productId ? [c.productId] : [])));
    const orders = await db.orders.bulkGet(complaints.flatMap((c) => (c.orderId ? [c.orderId] : [])));
    const productNames = new Map(
      products.flatMap((p) => (p ? [[p.id, `${p.reference} · ${p.name}`] as const] : [])),
    );
    const orderNumbers = new Map(orders.flatMap((o) => (o ? [[o.id, o.number] as const] : [])));
    const localContent = new Set(blobIds);
    return complaints.map((complaint) => ({
      complaint,
      events: events
        .filter((e) => e.complaintId === complaint.id)
        // Head office's events first in its order (time, then id), local ones after.
        .sort(
          (a, b) =>
            Number(a.version === 0) - Number(b.version === 0) ||
            a.at.localeCompare(b.at) ||
            a.id.localeCompare(b.id),
        ),
      attachments: attachments
        .filter((a) => a.complaintId === complaint.id)
        .sort((a, b) => a.id.localeCompare(b.id)),
      localContent,
      productName: complaint.productId ? (productNames.get(complaint.productId) ?? null) : null,
      orderNumber: complaint.orderId ? (orderNumbers.get(complaint.orderId) ?? null) : null,
    }));
  }, [db, customerId]);
}

/** The customer's orders (newest first) and the active catalogue, for the complaint form. */
export function useComplaintChoices(
  db: AppDB,
  customerId: string,
): { orders: OrderRow[]; products: ProductRow[] } | undefined {
  return useLiveQuery(async () => {
    const orders = await db.orders.where('customerId').equals(customerId).toArray();
    orders.sort((a, b) => b.orderedAt.localeCompare(a.orderedAt));
    const products = await db.products.filter((p) => p.active).toArray();
    products.sort((a, b) => a.name.localeCompare(b.name));
    return { orders, products };
  }, [db, customerId]);
}

/** The content of one attachment on this laptop, or null. */
export async function attachmentBytes(db: AppDB, id: string): Promise<Uint8Array | null> {
  return (await db.attachmentBlobs.get(id))?.bytes ?? null;
}

export interface PortfolioComplaint {
  complaint: ComplaintRow;
  customerName: string;
}

/** Still waiting on head office: received, acknowledged or in progress. */
export function isStillOpen(status: ComplaintStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

/**
 * The order of the complaints list, as a complaints desk reads it: what is still open first,
 * then what is resolved and waits for the customer's confirmation, then what is closed; the
 * newest first within each (what the rep just heard about is what they are asked about).
 */
export function complaintDeskOrder(a: ComplaintRow, b: ComplaintRow): number {
  const rank = (c: ComplaintRow) => (isStillOpen(c.status) ? 0 : c.status === 'resolved' ? 1 : 2);
  return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}

/** Every complaint of the portfolio, in the desk's order (`complaintDeskOrder`). */
export function usePortfolioComplaints(db: AppDB): PortfolioComplaint[] | undefined {
  return useLiveQuery(async () => {
    const all = await db.complaints.toArray();
    return withCustomerNames(db, all.sort(complaintDeskOrder));
  }, [db]);
}

export type OpenComplaint = PortfolioComplaint;

/** The complaints to follow (not closed yet), the longest waiting first: Today's list. */
export function useOpenComplaints(db: AppDB): OpenComplaint[] | undefined {
  return useLiveQuery(async () => {
    const open = await db.complaints.where('status').noneOf(['closed']).toArray();
    return withCustomerNames(
      db,
      open.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    );
  }, [db]);
}

async function withCustomerNames(db: AppDB, rows: ComplaintRow[]): Promise<PortfolioComplaint[]> {
  const customers = await db.customers.bulkGet([...new Set(rows.map((c) => c.customerId))]);
  const names = new Map(customers.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  return rows.map((complaint) => ({ complaint, customerName: names.get(complaint.customerId) ?? '' }));
}
