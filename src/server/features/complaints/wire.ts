/** Complaints, their events and attachment metadata as they go on the wire. */
import { and, isNull } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Complaint } from '../../../shared/domain/activity/activity.js';
import type { ComplaintAttachment, ComplaintEvent } from '../../../shared/domain/complaint/complaint.js';
import { complaintAttachments, complaintEvents, complaints } from '../../db/schema.js';
import { selectLive } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

export async function selectComplaints(db: DbOrTx, where: SQL): Promise<Complaint[]> {
  const rows = await selectLive(db, complaints, where);
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

export async function selectComplaintEvents(db: DbOrTx, where: SQL): Promise<ComplaintEvent[]> {
  const rows = await selectLive(db, complaintEvents, where);
  return rows.map((r) => ({
    id: r.id,
    complaintId: r.complaintId,
    customerId: r.customerId,
    previousStatus: r.previousStatus,
    status: r.status,
    note: r.note,
    byUserId: r.byUserId,
    byName: r.byName,
    at: toIso(r.at),
    version: r.version,
  }));
}

/** Attachment metadata as it goes on the wire (never the content). */
export async function selectComplaintAttachments(db: DbOrTx, where: SQL): Promise<ComplaintAttachment[]> {
  const rows = await db
    .select({
      id: complaintAttachments.id,
      complaintId: complaintAttachments.complaintId,
      customerId: complaintAttachments.customerId,
      fileName: complaintAttachments.fileName,
      mimeType: complaintAttachments.mimeType,
      sizeBytes: complaintAttachments.sizeBytes,
      sha256: complaintAttachments.sha256,
      byUserId: complaintAttachments.byUserId,
      byName: complaintAttachments.byName,
      at: complaintAttachments.at,
      version: complaintAttachments.version,
    })
    .from(complaintAttachments)
    .where(and(where, isNull(complaintAttachments.deletedAt)))
    .orderBy(complaintAttachments.id);
  return rows.map((r) => ({ ...r, at: toIso(r.at) }));
}
