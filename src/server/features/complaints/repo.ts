/**
 * Complaint writes shared by sync mutations (the rep logs a complaint, adds a note, closes or
 * reopens it) and the head-office method (a manager or an admin moves it along). Append-only:
 * every change is a new row in `complaint_events`, and the complaint's `status` and `version`
 * follow its latest event. Each check runs against the CURRENT status, the complaint row locked.
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type { Complaint } from '../../../shared/domain/activity/activity.js';
import { createHash } from 'node:crypto';
import type {
  AttachmentAdd,
  ComplaintAttachment,
  ComplaintStatus,
  ComplaintEvent,
  ComplaintEventInput,
  NewComplaint,
} from '../../../shared/domain/complaint/complaint.js';
import {
  MAX_ATTACHMENTS_PER_COMPLAINT,
  actorOf,
  checkTransition,
  transitionRefusal,
} from '../../../shared/domain/complaint/complaint.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import {
  complaintAttachments,
  complaintEvents,
  complaints,
  customers,
  orders,
  products,
  users,
} from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';
import { selectComplaintAttachments, selectComplaintEvents, selectComplaints } from './wire.js';
import { customerScope, isCustomerInScope } from '../../lib/scope.js';
import { anyId } from '../../db/sql.js';
import type { ComplaintReview } from '../../../shared/contract/complaints.js';

type Writer = Pick<User, 'id' | 'name' | 'role' | 'teamId'>;

/** Logs a complaint from the laptop with its first event 'received'. Idempotent on its id. */
/** Who wrote an event or an attachment, and when (head office's time). */
function writtenBy(writer: Pick<User, 'id' | 'name'>, now: Date) {
  return { byUserId: writer.id, byName: writer.name, at: now, createdAt: now, updatedAt: now };
}

export async function logComplaint(
  tx: Tx,
  request: { complaint: NewComplaint; writer: Writer; now: Date },
): Promise<Result<void>> {
  const { complaint: args, writer, now } = request;
  const [customer] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, args.customerId), isNull(customers.deletedAt)))
    .limit(1);
  if (customer === undefined) {
    return fail('not-found', msg('complaint.customerGone'), { field: 'customerId' });
  }
  if (!(await isCustomerInScope(tx, writer, args.customerId))) {
    return fail('forbidden', msg('complaint.customerNotInPortfolio'), { field: 'customerId' });
  }
  const [existing] = await tx
    .select({ id: complaints.id, customerId: complaints.customerId })
    .from(complaints)
    .where(eq(complaints.id, args.id))
    .limit(1);
  if (existing !== undefined) {
    return existing.customerId === args.customerId
      ? ok(undefined)
      : fail('conflict', msg('complaint.idTaken'), { field: 'id' });
  }
  if (args.orderId !== null) {
    const [order] = await tx
      .select({ customerId: orders.customerId })
      .from(orders)
      .where(and(eq(orders.id, args.orderId), isNull(orders.deletedAt)))
      .limit(1);
    if (order?.customerId !== args.customerId) {
      return fail('bad-request', msg('complaint.orderElsewhere'), {
        field: 'orderId',
      });
    }
  }
  if (args.productId !== null) {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, args.productId), isNull(products.deletedAt)))
      .limit(1);
    if (product === undefined) {
      return fail('not-found', msg('complaint.productUnknown'), {
        field: 'productId',
      });
    }
  }
  await tx.insert(complaints).values({
    id: args.id,
    customerId: args.customerId,
    orderId: args.orderId,
    productId: args.productId,
    category: args.category,
    description: args.description,
    severity: args.severity,
    status: 'received',
    version: 1,
    createdAt: new Date(args.createdAt),
    updatedAt: now,
  });
  await tx.insert(complaintEvents).values({
    id: args.eventId,
    complaintId: args.id,
    customerId: args.customerId,
    previousStatus: null,
    status: 'received',
    note: '',
    ...writtenBy(writer, now),
  });
  return ok(undefined);
}

/**
 * A status change or a note, checked against the complaint's current status (locked) and
 * the writer's role. The event is stamped with head office's time: the history follows server
 * order, never laptop clocks.
 */
export async function addComplaintEvent(
  tx: Tx,
  request: { event: ComplaintEventInput; writer: Writer; now: Date },
): Promise<Result<{ complaint: Complaint; event: ComplaintEvent }>> {
  const { event, writer, now } = request;
  const [current] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, event.complaintId), isNull(complaints.deletedAt)))
    .for('update')
    .limit(1);
  if (current === undefined) {
    return fail('not-found', msg('complaint.notAtHeadOffice'), { field: 'complaintId' });
  }
  if (!(await isCustomerInScope(tx, writer, current.customerId))) {
    return fail('forbidden', msg('complaint.outsidePortfolio'), {
      field: 'complaintId',
    });
  }
  const [already] = await tx
    .select({ id: complaintEvents.id, complaintId: complaintEvents.complaintId })
    .from(complaintEvents)
    .where(eq(complaintEvents.id, event.id))
    .limit(1);
  if (already !== undefined) {
    if (already.complaintId !== current.id)
      return fail('conflict', msg('complaint.eventElsewhere'), { field: 'id' });
    // A retry of a change head office already applied (a lost answer, a restored outbox):
    // already applied, not a conflict — the transition check would wrongly refuse it now.
    const [complaint] = await selectComplaints(tx, eq(complaints.id, current.id));
    const [stored] = await selectComplaintEvents(tx, eq(complaintEvents.id, event.id));
    if (complaint === undefined || stored === undefined) throw new Error('Complaint vanished during a read');
    return ok({ complaint, event: stored });
  }
  const problem = checkTransition(current.status, event.status, actorOf(writer.role), event.note);
  if (problem !== null) return fail('conflict', transitionRefusal(problem), { field: 'status' });
  if (event.satisfaction !== undefined && event.status !== 'resolved') {
    return fail('bad-request', msg('complaint.satisfactionWhenResolved'), { field: 'satisfaction' });
  }
  await tx.insert(complaintEvents).values({
    satisfaction: event.satisfaction ?? null,
    id: event.id,
    complaintId: current.id,
    customerId: current.customerId,
    previousStatus: current.status,
    status: event.status,
    note: event.note.trim(),
    ...writtenBy(writer, now),
  });
  await tx
    .update(complaints)
    .set({ status: event.status, version: current.version + 1, updatedAt: now })
    .where(eq(complaints.id, current.id));
  const [complaint] = await selectComplaints(tx, eq(complaints.id, current.id));
  const [written] = await selectComplaintEvents(tx, eq(complaintEvents.id, event.id));
  if (complaint === undefined || written === undefined) throw new Error('Complaint vanished after its write');
  return ok({ complaint, event: written });
}

/**
 * Stores a photo or file of a complaint the writer may see. The content must decode to the
 * announced size and SHA-256 (a truncated upload is refused, never stored). Idempotent on id.
 */
export async function addAttachment(
  tx: Tx,
  request: { attachment: AttachmentAdd; writer: Writer; now: Date },
): Promise<Result<void>> {
  const { attachment: args, writer, now } = request;
  const [complaint] = await tx
    .select({ id: complaints.id, customerId: complaints.customerId })
    .from(complaints)
    .where(and(eq(complaints.id, args.complaintId), isNull(complaints.deletedAt)))
    .for('update')
    .limit(1);
  if (complaint === undefined) {
    return fail('not-found', msg('attachment.complaintGone'), {
      field: 'complaintId',
    });
  }
  if (!(await isCustomerInScope(tx, writer, complaint.customerId))) {
    return fail('forbidden', msg('complaint.outsidePortfolio'), {
      field: 'complaintId',
    });
  }
  const [existing] = await tx
    .select({ id: complaintAttachments.id })
    .from(complaintAttachments)
    .where(eq(complaintAttachments.id, args.id))
    .limit(1);
  if (existing !== undefined) return ok(undefined);
  const [attached] = await tx
    .select({ n: count() })
    .from(complaintAttachments)
    .where(and(eq(complaintAttachments.complaintId, complaint.id), isNull(complaintAttachments.deletedAt)));
  if ((attached?.n ?? 0) >= MAX_ATTACHMENTS_PER_COMPLAINT) {
    return fail('bad-request', msg('attachment.tooMany', { max: MAX_ATTACHMENTS_PER_COMPLAINT }), {
      field: 'id',
    });
  }
  const content = Buffer.from(args.contentBase64, 'base64');
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (content.length !== args.sizeBytes || sha256 !== args.sha256) {
    return fail('bad-request', msg('attachment.damaged', { fileName: args.fileName }), {
      field: 'contentBase64',
    });
  }
  await tx.insert(complaintAttachments).values({
    id: args.id,
    complaintId: complaint.id,
    customerId: complaint.customerId,
    fileName: args.fileName,
    mimeType: args.mimeType,
    sizeBytes: args.sizeBytes,
    sha256,
    content,
    ...writtenBy(writer, now),
  });
  return ok(undefined);
}

/** The content of one attachment, if the reader may see its complaint. */
export async function readAttachmentContent(
  db: DbOrTx,
  reader: Writer,
  id: string,
): Promise<Result<{ attachment: ComplaintAttachment; content: Uint8Array }>> {
  const [row] = await db
    .select()
    .from(complaintAttachments)
    .where(and(eq(complaintAttachments.id, id), isNull(complaintAttachments.deletedAt)))
    .limit(1);
  if (row === undefined || !(await isCustomerInScope(db, reader, row.customerId))) {
    return fail('not-found', msg('attachment.notFound'), { field: 'id' });
  }
  const { content, ...meta } = row;
  return ok({
    attachment: {
      id: meta.id,
      complaintId: meta.complaintId,
      customerId: meta.customerId,
      fileName: meta.fileName,
      mimeType: meta.mimeType,
      sizeBytes: meta.sizeBytes,
      sha256: meta.sha256,
      byUserId: meta.byUserId,
      byName: meta.byName,
      at: toIso(meta.at),
      version: meta.version,
    },
    content,
  });
}

const complaintOwners = alias(users, 'complaint_owners');

/**
 * The complaints a reader may see (their customers' scope: a rep their portfolio, a manager
 * their team's reps' customers, an admin all), newest first, with customer and rep names,
 * events (oldest first) and attachment metadata: four queries for any number of complaints.
 */
export async function listComplaints(
  db: DbOrTx,
  reader: Pick<User, 'id' | 'role' | 'teamId'>,
  filter: { status?: readonly ComplaintStatus[]; customerId?: string; repId?: string; limit: number },
): Promise<ComplaintReview[]> {
  const conditions: SQL[] = [
    isNull(complaints.deletedAt),
    isNull(customers.deletedAt),
    customerScope(reader),
  ];
  if (filter.status !== undefined) {
    if (filter.status.length === 0) return [];
    conditions.push(inArray(complaints.status, [...filter.status]));
  }
  if (filter.customerId !== undefined) conditions.push(eq(complaints.customerId, filter.customerId));
  if (filter.repId !== undefined) conditions.push(eq(customers.ownerId, filter.repId));
  const newest = await db
    .select({
      id: complaints.id,
      customerName: customers.name,
      repId: customers.ownerId,
      repName: complaintOwners.name,
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .leftJoin(complaintOwners, eq(complaintOwners.id, customers.ownerId))
    .where(and(...conditions))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(filter.limit);
  if (newest.length === 0) return [];
  const ids = newest.map((r) => r.id);
  const [rows, events, attachments] = await Promise.all([
    selectComplaints(db, anyId(complaints.id, ids)),
    selectComplaintEvents(db, anyId(complaintEvents.complaintId, ids)),
    selectComplaintAttachments(db, anyId(complaintAttachments.complaintId, ids)),
  ]);
  const byId = new Map(rows.map((c) => [c.id, c]));
  const eventsOf = groupBy(events, (e) => e.complaintId);
  const filesOf = groupBy(attachments, (a) => a.complaintId);
  return newest.flatMap((r) => {
    const complaint = byId.get(r.id);
    return complaint === undefined
      ? []
      : [
          {
            complaint,
            customerName: r.customerName,
            repId: r.repId,
            repName: r.repName,
            events: eventsOf.get(r.id) ?? [],
            attachments: filesOf.get(r.id) ?? [],
          },
        ];
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}
