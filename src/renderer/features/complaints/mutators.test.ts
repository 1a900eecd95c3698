import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/complaint/complaint.js';
import { mutationSchema } from '../../../shared/sync/mutations.js';
import { MAX_PUSH_BODY_BYTES, PUSH_ENVELOPE_BYTES, limitPushBatch } from '../../../shared/sync/protocol.js';
import { eachTestDb } from '../../test/db.js';
import type { AppDB } from '../../db/AppDB.js';
import { USER, makeCustomer } from '../../test/fakeServer.js';
import { dropOrphanAttachmentBlobs, dropRefusedLocalRows, rebasePending } from '../../sync/registry.js';
import type { NewComplaintInput } from './mutators.js';
import { ComplaintInputError, addComplaintEvent, bytesToBase64, logComplaint } from './mutators.js';

let db: AppDB;
const ctx = { userId: USER.id, userName: USER.name };
const customer = makeCustomer(1);

function input(extra: Partial<NewComplaintInput> = {}): NewComplaintInput {
  return {
    customerId: customer.id,
    category: 'delivery',
    productId: null,
    orderId: null,
    description: 'Palette livrée abîmée',
    severity: 'high',
    files: [],
    ...extra,
  };
}

async function counts() {
  return {
    complaints: await db.complaints.count(),
    events: await db.complaintEvents.count(),
    attachments: await db.complaintAttachments.count(),
    blobs: await db.attachmentBlobs.count(),
    outbox: await db.outbox.count(),
    nextMid: await db.getMeta('nextMid'),
  };
}

eachTestDb('complaint-mutators', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
});

describe('complaint mutators', () => {
  it('logs a complaint, its received event and its photo in one write', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3, 4, 5]);
    const row = await logComplaint(
      db,
      ctx,
      input({ files: [{ fileName: 'palette.jpg', mimeType: 'image/jpeg', bytes }] }),
    );
    expect(row).toMatchObject({ status: 'received', version: 0, category: 'delivery' });
    const events = await db.complaintEvents.toArray();
    expect(events).toMatchObject([
      { complaintId: row.id, previousStatus: null, status: 'received', byName: USER.name, version: 0 },
    ]);
    const [attachment] = await db.complaintAttachments.toArray();
    expect(attachment).toMatchObject({ fileName: 'palette.jpg', sizeBytes: 8, version: 0 });
    // SHA-256 of these 8 bytes (computed apart with `sha256sum`).
    expect(attachment?.sha256).toBe('ad1483c60b724b35c77c3f36362fbdfcde9e9a10783839c7116d45d690959ddd');
    const stored = (await db.attachmentBlobs.get(attachment?.id ?? ''))?.bytes;
    expect(Array.from(stored ?? [])).toEqual(Array.from(bytes));
    const outbox = await db.outbox.orderBy('mid').toArray();
    expect(outbox.map((e) => e.name)).toEqual(['complaint-log', 'attachment-add']);
    expect(outbox.every((e) => mutationSchema.safeParse(e).success)).toBe(true);
    const upload = outbox[1];
    if (upload?.name !== 'attachment-add') throw new Error('expected an upload');
    expect(upload.args.contentBase64).toBe('/9j/AQIDBAU=');
  });

  it('bad input saves nothing: empty description, unknown order, file too big, too many files', async () => {
    const before = await counts();
    await expect(logComplaint(db, ctx, input({ description: '   ' }))).rejects.toThrow();
    await expect(
      logComplaint(db, ctx, input({ orderId: '01900000-0000-7000-8000-00000000dead' })),
    ).rejects.toMatchObject({ problems: [{ code: 'unknown-order' }] });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    const tooBig = logComplaint(
      db,
      ctx,
      input({ files: [{ fileName: 'scan.pdf', mimeType: 'application/pdf', bytes: big }] }),
    );
    await expect(tooBig).rejects.toBeInstanceOf(ComplaintInputError);
    await expect(tooBig).rejects.toMatchObject({
      problems: [{ code: 'too-big', fileName: 'scan.pdf', sizeBytes: MAX_ATTACHMENT_BYTES + 1 }],
    });
    const six = Array.from({ length: 6 }, (_, i) => ({
      fileName: `${i}.png`,
      mimeType: 'image/png',
      bytes: new Uint8Array([i + 1]),
    }));
    await expect(logComplaint(db, ctx, input({ files: six }))).rejects.toMatchObject({
      problems: [{ code: 'too-many', count: 6 }],
    });
    expect(await counts()).toEqual(before);
  });

  it('the rep may note but not acknowledge; close once resolved', async () => {
    const row = await logComplaint(db, ctx, input());
    await addComplaintEvent(db, ctx, { complaintId: row.id, status: 'received', note: 'Client rappelé' });
    const before = await counts();
    await expect(
      addComplaintEvent(db, ctx, { complaintId: row.id, status: 'acknowledged', note: '' }),
    ).rejects.toMatchObject({ problems: [{ code: 'not-yours' }] });
    await expect(
      addComplaintEvent(db, ctx, { complaintId: row.id, status: 'received', note: '  ' }),
    ).rejects.toMatchObject({ problems: [{ code: 'empty-note' }] });
    expect(await counts()).toEqual(before);

    await db.complaints.update(row.id, { status: 'resolved', version: 3 });
    await addComplaintEvent(db, ctx, { complaintId: row.id, status: 'closed', note: 'Client satisfait' });
    expect(await db.complaints.get(row.id)).toMatchObject({ status: 'closed' });
    const last = (await db.complaintEvents.where('complaintId').equals(row.id).toArray()).find(
      (e) => e.status === 'closed',
    );
    expect(last).toMatchObject({ previousStatus: 'resolved', note: 'Client satisfait', version: 0 });
  });

  it('rebase keeps pending complaints; refused ones go once head office answered', async () => {
    const row = await logComplaint(db, ctx, input());
    // A pull cleared the tables (reset) before head office had it: the rebase brings it back.
    await db.complaints.clear();
    await db.complaintEvents.clear();
    await db.transaction(
      'rw',
      [
        db.customers,
        db.notes,
        db.appointments,
        db.complaints,
        db.complaintEvents,
        db.complaintAttachments,
        db.outbox,
        db.meta,
      ],
      () => rebasePending(db, ctx),
    );
    expect(await db.complaints.get(row.id)).toMatchObject({ version: 0 });
    // Head office refused it (outbox acknowledged, no row pulled): it goes.
    await db.outbox.clear();
    await dropRefusedLocalRows(db);
    expect(await db.complaints.count()).toBe(0);
    expect(await db.complaintEvents.count()).toBe(0);
  });
});

describe('attachment blobs', () => {
  it('only photos with neither a local attachment nor a pending attachment-add are dropped', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const file = (name: string) => ({ fileName: name, mimeType: 'image/jpeg', bytes });
    const complaint = await logComplaint(db, ctx, input({ files: [file('a.jpg'), file('b.jpg')] }));
    const orphan = '0190a000-0000-7000-8000-000000000999';
    await db.attachmentBlobs.put({ id: orphan, complaintId: complaint.id, bytes });
    expect(await dropOrphanAttachmentBlobs(db)).toBe(1);
    const [a, b] = await db.complaintAttachments.toCollection().primaryKeys();
    // Pending push, no row (a pull reset cleared it): kept.
    await db.complaintAttachments.delete(a as string);
    expect(await dropOrphanAttachmentBlobs(db)).toBe(0);
    // Sent (outbox acknowledged): kept while the row is there, dropped once it is gone.
    await db.outbox.clear();
    expect(await dropOrphanAttachmentBlobs(db)).toBe(1);
    expect(await db.attachmentBlobs.toCollection().primaryKeys()).toEqual([b]);
  });
});

describe('push batches', () => {
  it('cut by size, always at least one mutation', () => {
    const big = 'x'.repeat(100);
    expect(limitPushBatch([big, big, big], 250, 0)).toHaveLength(2);
    expect(limitPushBatch([big, big], 10)).toHaveLength(1);
    expect(limitPushBatch([], 10)).toEqual([]);
  });

  it('counts UTF-8 bytes (accented text takes two a letter) and leaves room for the envelope', () => {
    const accented = 'é'.repeat(100); // 102 characters of JSON, 202 bytes
    expect(limitPushBatch([accented, accented, accented], 450, 0)).toHaveLength(2);
    expect(limitPushBatch([accented, accented], 450, 0)).toHaveLength(2);
    const big = 'x'.repeat(100); // 103 bytes with its comma
    expect(limitPushBatch([big, big], 250, 0)).toHaveLength(2);
    expect(limitPushBatch([big, big], 250, 100)).toHaveLength(1);
    // By default the budget is the body limit, envelope included.
    const huge = 'x'.repeat(MAX_PUSH_BODY_BYTES / 2 - PUSH_ENVELOPE_BYTES / 2);
    expect(limitPushBatch([huge, huge])).toHaveLength(1);
  });

  it('base64 of large files does not overflow the stack', () => {
    const bytes = new Uint8Array(1_000_000).map((_, i) => i % 251);
    const base64 = bytesToBase64(bytes);
    expect(base64).toHaveLength(1_333_336);
    const decoded = atob(base64);
    expect(Array.prototype.every.call(bytes, (b: number, i: number) => decoded.charCodeAt(i) === b)).toBe(
      true,
    );
  });
});
