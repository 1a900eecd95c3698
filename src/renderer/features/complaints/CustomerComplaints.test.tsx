import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/complaint/complaint.js';
import type { AppDB } from '../../db/AppDB.js';
import { makeCustomer } from '../../test/fakeServer.js';
import { bytesToBase64, sha256Hex } from './mutators.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { CustomerComplaints } from './CustomerComplaints.js';

const customer = makeCustomer(1, { name: 'Brasserie Les Célestins' });
let db: AppDB;

eachScreenDb('complaints-ui', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
  // jsdom has neither object URLs nor CSS.escape (React Aria's modal uses it).
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => {};
  vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function openForm() {
  renderWithApp(db, <CustomerComplaints customerId={customer.id} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Enregistrer une réclamation' }));
  return screen.findByRole('dialog');
}

describe('complaints tab', () => {
  it('an empty description and a file over 5 MB show the summary and save nothing', async () => {
    const dialog = await openForm();
    const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], 'scan.pdf', { type: 'application/pdf' });
    fireEvent.change(within(dialog).getByLabelText(/Photos ou fichiers/), { target: { files: [big] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la réclamation' }));
    const summary = await within(dialog).findByRole('alert');
    expect(summary.textContent).toContain('Il y a un problème');
    expect(within(summary).getByRole('link', { name: /Décrivez la réclamation/ })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: /scan\.pdf dépasse 5 Mo/ })).toBeTruthy();
    expect(within(dialog).getByLabelText('Description').getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Retirer scan.pdf' }));
    expect(within(dialog).queryByText(/scan\.pdf dépasse/)).toBeNull();
  });

  it('logs a complaint with a file, shows it saved on this laptop with its history, then a note', async () => {
    const dialog = await openForm();
    fireEvent.change(within(dialog).getByLabelText('Description'), {
      target: { value: 'Fût de bière percé à la livraison' },
    });
    const file = new File([new Uint8Array([1, 2, 3])], 'bon.pdf', { type: 'application/pdf' });
    fireEvent.change(within(dialog).getByLabelText(/Photos ou fichiers/), { target: { files: [file] } });
    expect(await within(dialog).findByText('bon.pdf')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la réclamation' }));
    expect(await screen.findByText('Réclamation enregistrée sur ce portable.')).toBeTruthy();
    expect(await screen.findByText('Fût de bière percé à la livraison')).toBeTruthy();
    expect(screen.getAllByText('Enregistrée sur ce portable').length).toBeGreaterThan(0);
    expect(screen.getByText('bon.pdf')).toBeTruthy();
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['complaint-log', 'attachment-add']);

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Écrivez une note');
    fireEvent.change(screen.getByLabelText('Ajouter une note'), { target: { value: 'Client rappelé' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Client rappelé')).toBeTruthy();
    await waitFor(async () => expect(await db.complaintEvents.count()).toBe(2));
  });

  it('fetches a file taken on another device from head office, checks it and keeps it for offline use', async () => {
    const complaintId = '019ab000-0000-7000-8000-00000000c0c1';
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3]);
    const attachment = {
      id: '019ab000-0000-7000-8000-00000000a7a1',
      complaintId,
      customerId: customer.id,
      fileName: 'photo-livraison.pdf',
      mimeType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: await sha256Hex(bytes),
      byUserId: '019ab000-0000-7000-8000-0000000000b2',
      byName: 'Thomas Bernard',
      at: '2026-11-20T09:00:00.000Z',
      version: 1,
    };
    await db.complaints.put({
      id: complaintId,
      customerId: customer.id,
      orderId: null,
      productId: null,
      category: 'delivery',
      description: 'Carton abîmé',
      severity: 'medium',
      status: 'acknowledged',
      createdAt: '2026-11-20T09:00:00.000Z',
      version: 2,
    });
    await db.complaintAttachments.put(attachment);
    const { server } = renderWithApp(db, <CustomerComplaints customerId={customer.id} />);
    // Head office answers with altered bytes first: refused, nothing kept.
    server.attachmentContent.set(attachment.id, {
      attachment,
      contentBase64: bytesToBase64(new Uint8Array([9, 9, 9])),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Télécharger sur ce portable' }));
    expect(await screen.findByText(/ne correspond pas à l’original/)).toBeTruthy();
    expect(await db.attachmentBlobs.count()).toBe(0);

    server.attachmentContent.set(attachment.id, { attachment, contentBase64: bytesToBase64(bytes) });
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger sur ce portable' }));
    expect(await screen.findByRole('link', { name: 'photo-livraison.pdf' })).toBeTruthy();
    expect(Array.from((await db.attachmentBlobs.get(attachment.id))?.bytes ?? [])).toEqual(Array.from(bytes));
    expect(screen.queryByRole('button', { name: 'Télécharger sur ce portable' })).toBeNull();
  });
});
