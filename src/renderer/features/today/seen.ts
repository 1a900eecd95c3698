/**
 * "Depuis votre dernière visite / Since you were last here" (decision 0024): what head office or
 * the manager changed since the rep last looked at Today, found by comparing the rows on this
 * laptop with the marker Today stored then (meta `todaySeen`). Pure functions; no clock but the
 * one passed in.
 */
import type { ComplaintStatus } from '../../../shared/domain/complaint/complaint.js';
import type { OrderApproval, OrderStatus } from '../../../shared/domain/order/order.js';
import type {
  AppointmentRow,
  ComplaintEventRow,
  ComplaintRow,
  OrderRow,
  TodaySeen,
} from '../../db/schema.js';

export interface SeenRows {
  /** The user's orders. */
  orders: readonly OrderRow[];
  complaints: readonly ComplaintRow[];
  /** Status changes of the complaints (notes may be left out). */
  complaintEvents: readonly ComplaintEventRow[];
  /** Appointments from the start of today on. */
  appointments: readonly AppointmentRow[];
  /** Orders this laptop cancelled itself (a pending or acknowledged `order-cancel`). */
  cancelledHere: ReadonlySet<string>;
}

export type SinceChange =
  | { kind: 'approval'; order: OrderRow; approval: 'approved' | 'rejected' }
  | { kind: 'orderStatus'; order: OrderRow; status: 'confirmed' | 'shipped' | 'delivered' | 'cancelled' }
  | { kind: 'complaint'; complaint: ComplaintRow; status: ComplaintStatus; byName: string }
  | { kind: 'appointment'; appointment: AppointmentRow; byName: string };

const terminalOrder: readonly OrderStatus[] = ['delivered', 'cancelled'];
const announcedStatuses = ['confirmed', 'shipped', 'delivered', 'cancelled'] as const;

/** A laptop-made order is `draft` until head office receives it: both read as received here. */
function orderState(order: OrderRow): { status: OrderStatus; approval: OrderApproval } {
  return {
    status: order.status === 'draft' ? 'received' : order.status,
    approval: order.approval ?? 'not-needed',
  };
}

/** The marker to store: the state of everything that may still move, as shown at `now`. */
export function snapshotOf(rows: SeenRows, now: Date): TodaySeen {
  const orders: TodaySeen['orders'] = {};
  for (const o of rows.orders) if (!terminalOrder.includes(o.status)) orders[o.id] = orderState(o);
  const complaints: TodaySeen['complaints'] = {};
  for (const c of rows.complaints) if (c.status !== 'closed') complaints[c.id] = c.status;
  const appointments = rows.appointments.filter((a) => a.setByManagerName !== null).map((a) => a.id);
  return { seenAt: now.toISOString(), orders, complaints, appointments };
}

/**
 * What changed since `seen`, newest kinds first: decisions on discounts, order statuses, complaints
 * moved by someone else, appointments the manager set. A row made on this laptop after `seen`
 * is compared with the state it was made in (an order received, a complaint received).
 */
export function changesSince(seen: TodaySeen, rows: SeenRows, userId: string): SinceChange[] {
  const changes: SinceChange[] = [];
  for (const order of rows.orders) {
    const before =
      seen.orders[order.id] ??
      (order.orderedAt > seen.seenAt
        ? { status: 'received', approval: order.approval === 'not-needed' ? 'not-needed' : 'pending' }
        : null);
    if (!before) continue;
    const now = orderState(order);
    if (now.approval !== before.approval && (now.approval === 'approved' || now.approval === 'rejected')) {
      changes.push({ kind: 'approval', order, approval: now.approval });
    }
    const status = announcedStatuses.find((s) => s === now.status);
    if (
      status &&
      now.status !== before.status &&
      !(status === 'cancelled' && rows.cancelledHere.has(order.id))
    ) {
      changes.push({ kind: 'orderStatus', order, status });
    }
  }
  const lastMove = new Map<string, ComplaintEventRow>();
  for (const e of rows.complaintEvents) {
    if (e.previousStatus === null || e.previousStatus === e.status) continue;
    const known = lastMove.get(e.complaintId);
    if (!known || e.at > known.at || (e.at === known.at && e.id > known.id)) lastMove.set(e.complaintId, e);
  }
  for (const complaint of rows.complaints) {
    const before = seen.complaints[complaint.id] ?? (complaint.createdAt > seen.seenAt ? 'received' : null);
    if (before === null || before === complaint.status) continue;
    const move = lastMove.get(complaint.id);
    // Moved by the rep on this laptop (closed, reopened): nothing to announce.
    if (!move || move.byUserId === userId) continue;
    changes.push({ kind: 'complaint', complaint, status: complaint.status, byName: move.byName });
  }
  const seenAppointments = new Set(seen.appointments);
  for (const appointment of rows.appointments) {
    if (appointment.setByManagerName === null || appointment.status !== 'planned') continue;
    if (seenAppointments.has(appointment.id)) continue;
    changes.push({ kind: 'appointment', appointment, byName: appointment.setByManagerName });
  }
  return changes;
}
