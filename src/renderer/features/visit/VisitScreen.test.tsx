import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newVisitDraft } from '../../../shared/domain/visit/index.js';
import type { AppDB } from '../../db/AppDB.js';
import { makeCustomer } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { loadDraft, saveDraft } from './store.js';
import { VisitScreen } from './VisitScreen.js';

const customer = makeCustomer(1, { name: 'Brasserie Les Célestins' });
const draft = newVisitDraft({
  id: '019ab000-0000-7000-8000-0000000000d2',
  customerId: customer.id,
  appointmentId: null,
  returnTo: `#/customers/${customer.id}`,
  playbookVersion: 1,
  now: '2026-11-24T09:00:00.000Z',
});

let db: AppDB;
eachScreenDb('visit-screen', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
  await saveDraft(db, draft);
});

const stepTitle = () =>
  screen.getByRole('heading', {
    level: 2,
    name: /^(Prise|Découverte|Reformulation|Argumentation|Traitement|Annonce|Conclusion)/,
  });
const alt = (init: { key: string; code: string }) => fireEvent.keyDown(window, { ...init, altKey: true });

describe('VisitScreen', () => {
  it('moves between steps by keyboard, focuses the step heading, and resumes where it was', async () => {
    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Visite : Brasserie Les Célestins' }),
    ).toBeTruthy();
    const rail = screen.getByRole('navigation', { name: 'Étapes de la visite' });
    expect(stepTitle().textContent).toBe('Prise de contact');

    alt({ key: 'ArrowRight', code: 'ArrowRight' });
    await waitFor(() => expect(stepTitle().textContent).toBe('Découverte'));
    expect(document.activeElement).toBe(stepTitle());
    const current = rail.querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Découverte');
    // Passing through the opening recorded nothing: it reads skipped, in words.
    const railStep = (name: RegExp) => within(rail).getByRole('button', { name });
    expect(railStep(/^Prise de contact/).textContent).toContain('(passée, rien de noté)');
    expect(rail.textContent).not.toContain('(faite)');

    alt({ key: '4', code: 'Digit4' });
    await waitFor(() => expect(stepTitle().textContent).toBe('Argumentation'));
    alt({ key: 'ArrowLeft', code: 'ArrowLeft' });
    await waitFor(() => expect(stepTitle().textContent).toBe('Reformulation'));

    fireEvent.click(screen.getByRole('button', { name: 'Passer cette étape' }));
    await waitFor(() => expect(stepTitle().textContent).toBe('Argumentation'));
    expect(railStep(/^Reformulation/).textContent).toContain('(passée, rien de noté)');

    fireEvent.change(screen.getByLabelText('Notes : Argumentation'), {
      target: { value: 'Intéressée par le fût 20 L' },
    });
    // A note recorded: the step reads done once left.
    alt({ key: '5', code: 'Digit5' });
    await waitFor(() => expect(stepTitle().textContent).toBe('Traitement des objections'));
    expect(railStep(/^Argumentation/).textContent).toContain('(faite)');
    alt({ key: '4', code: 'Digit4' });
    await waitFor(() => expect(stepTitle().textContent).toBe('Argumentation'));
    fireEvent.blur(screen.getByLabelText('Notes : Argumentation'));
    await screen.findByText(/^Enregistré sur ce portable à \d{2}:\d{2}$/);
    await waitFor(async () =>
      expect((await loadDraft(db, draft.id))?.notes.argumentation).toBe('Intéressée par le fût 20 L'),
    );

    // "Reload": a new screen on the stored draft.
    cleanup();
    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    await waitFor(() => expect(stepTitle().textContent).toBe('Argumentation'));
    expect((screen.getByLabelText('Notes : Argumentation') as HTMLTextAreaElement).value).toBe(
      'Intéressée par le fût 20 L',
    );
  });

  it('drafts the reformulation from the motives and needs noted in discovery', async () => {
    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    await screen.findByRole('heading', { level: 2, name: 'Prise de contact' });
    alt({ key: '2', code: 'Digit2' });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Argent' }));
    fireEvent.change(screen.getByLabelText('Besoins notés (un par ligne)'), {
      target: { value: 'Gamme terrasse' },
    });
    alt({ key: 'ArrowRight', code: 'ArrowRight' });
    const text = (await screen.findByLabelText('Reformulation à dire au client')) as HTMLTextAreaElement;
    expect(text.value).toContain('vous recherchez : gamme terrasse.');
    expect(text.value).toContain('maîtriser vos coûts');
  });

  it('ends the visit with a report: refused while incomplete, then saved with the outcome, the draft gone', async () => {
    window.location.hash = '#/visit/x';
    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    await screen.findByRole('heading', { level: 2, name: 'Prise de contact' });
    alt({ key: '2', code: 'Digit2' });
    fireEvent.change(await screen.findByLabelText('Besoins notés (un par ligne)'), {
      target: { value: 'Plus de bières locales' },
    });
    alt({ key: '8', code: 'Digit8' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Compte rendu' })).toBeTruthy();
    expect((screen.getByLabelText('Besoins exprimés (un par ligne)') as HTMLTextAreaElement).value).toBe(
      'Plus de bières locales',
    );
    expect((screen.getByLabelText('Résumé') as HTMLTextAreaElement).value).toBe(
      'Besoins : Plus de bières locales.',
    );
    const save = screen.getByRole('button', { name: 'Enregistrer le compte rendu et terminer' });

    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toContain('Choisissez l’issue de la visite.');
    fireEvent.click(screen.getByRole('radio', { name: 'Pas de vente' }));
    fireEvent.click(save);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Choisissez la raison de l’absence de vente.'),
    );
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    fireEvent.change(screen.getByLabelText('Raison'), { target: { value: 'competitor' } });
    fireEvent.change(screen.getByLabelText('Prochaine étape convenue'), {
      target: { value: 'Rappeler en mars' },
    });
    fireEvent.click(save);
    await waitFor(() => expect(window.location.hash).toBe(draft.returnTo));
    expect(await db.visits.toArray()).toMatchObject([
      {
        id: draft.id,
        outcome: 'no-sale',
        noSaleReason: 'competitor',
        needs: ['Plus de bières locales'],
        nextStep: 'Rappeler en mars',
        summary: 'Besoins : Plus de bières locales.',
        version: 0,
      },
    ]);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['visit-log']);
    // Nothing writes the draft back after the visit ended.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await db.visitDrafts.count()).toBe(0);
  });
});
