import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import { makeCustomer } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { CustomerPage } from './CustomerPage.js';

let db: AppDB;
eachScreenDb('note-form', async (fresh) => {
  db = fresh;
  await db.customers.put(makeCustomer(1, { name: 'Brasserie Les Célestins' }));
});

describe('customer page notes', () => {
  it('shows a new note at once, marked as saved on this laptop, with its outbox entry', async () => {
    renderWithApp(db, <CustomerPage id={makeCustomer(1).id} />);
    await screen.findByRole('heading', { level: 1, name: 'Brasserie Les Célestins' });
    const textarea = screen.getByLabelText('Nouvelle note');
    fireEvent.change(textarea, { target: { value: 'Ouverture d’une terrasse en avril' } });
    fireEvent.click(screen.getByRole('button', { name: /Ajouter la note/ }));
    const item = await screen.findByRole('listitem');
    expect(item.textContent).toContain('Ouverture d’une terrasse en avril');
    expect(item.textContent).toContain('enregistré sur ce portable');
    expect(item.textContent).toContain('Camille Martin');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      name: 'note-add',
      args: { body: 'Ouverture d’une terrasse en avril' },
    });
    await waitFor(() => expect((textarea as HTMLTextAreaElement).value).toBe(''));
  });

  it('Ctrl+Enter saves; an empty note says what to do', async () => {
    renderWithApp(db, <CustomerPage id={makeCustomer(1).id} />);
    const textarea = await screen.findByLabelText('Nouvelle note');
    fireEvent.keyDown(textarea, { key: 'Enter', ctrlKey: true });
    expect((await screen.findByRole('alert')).textContent).toMatch(/La note est vide/);
    fireEvent.change(textarea, { target: { value: 'Rappeler jeudi' } });
    fireEvent.keyDown(textarea, { key: 'Enter', ctrlKey: true });
    await waitFor(async () => expect(await db.notes.count()).toBe(1));
  });

  it('edits the customer through the form and queues the base version', async () => {
    renderWithApp(db, <CustomerPage id={makeCustomer(1).id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier la fiche' }));
    const city = screen.getByLabelText('Ville');
    fireEvent.change(city, { target: { value: 'Villeurbanne' } });
    const postcode = screen.getByLabelText('Code postal');
    fireEvent.change(postcode, { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    // GOV.UK style: the message shows in the error summary and beside the field.
    expect(await screen.findAllByText(/5 chiffres/)).toHaveLength(2);
    fireEvent.change(postcode, { target: { value: '69100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      name: 'customer-update',
      args: { baseVersion: 1, changes: { city: 'Villeurbanne', postcode: '69100' } },
    });
    expect(await screen.findByText('Villeurbanne')).toBeTruthy();
  });
});
