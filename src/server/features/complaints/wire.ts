/** Complaints, their events and attachment metadata as they go on the wire. */
import { and, isNull } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Complaint } from '../../../shared/domain/activity/activity.js';
import type { ComplaintAttachment, ComplaintEvent } from '../../../shared/domain/complaint/complaint.js';
import { complaintAttachments, complaintEvents, complaints } from '../../db/schema.js';
import { selectLiveWire } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

export function selectComplaints(db: DbOrTx, where: SQL): Promise<Complaint[]> {
  return selectLiveWire(db, complaints, where, [
    'id',
    'customerId',
    'orderId',
    'productId',
    'category',
    'description',
    'severity',
    'status',
    'createdAt',
    'version',
  ]);
}

export function selectComplaintEvents(db: DbOrTx, where: SQL): Promise<ComplaintEvent[]> {
  return selectLiveWire(db, complaintEvents, where, [
    'id',
    'complaintId',
    'customerId',
    'previousStatus',
    'status',
    'note',
    'byUserId',
    'byName',
    'at',
    'satisfaction',
    'version',
  ]);
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
