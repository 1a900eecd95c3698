import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/complaint/complaint.js';
import { AppDB } from '../../db/AppDB.js';
import { makeCustomer } from '../../test/fakeServer.js';
import { renderWithApp } from '../../test/renderWithApp.js';
import { CustomerComplaints } from './CustomerComplaints.js';

const customer = makeCustomer(1, { name: 'Brasserie Les Célestins' });
let db: AppDB;
let n = 0;

beforeEach(async () => {
  n += 1;
  db = new AppDB(`complaints-ui-${n}`);
  await db.open();
  await db.customers.put(customer);
  // jsdom has neither object URLs nor CSS.escape (React Aria's modal uses it).
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => {};
  vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  db.close();
  await db.delete();
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
});
