import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import type { PlaybookState } from '../../../shared/contract/playbook.js';
import { TransportError, type Transport } from '../../../shared/contract/transport.js';
import { defaultPlaybook } from '../../../shared/domain/playbook/index.js';
import { fail, ok, type Result } from '../../../shared/lib/result.js';
import type { AppDB } from '../../db/AppDB.js';
import { eachScreenDb, renderWithApp, testUser } from '../../test/renderWithApp.js';
import { PlaybookScreen } from './PlaybookScreen.js';

const ADMIN = { id: '01900000-0000-7000-8000-0000000000ad', name: 'Administration Tournée' };
const MARIE = { id: '01900000-0000-7000-8000-0000000000ae', name: 'Marie Dupont' };

/** Head office's playbook methods, and nothing else (sync calls find no head office). */
class PlaybookOffice implements Transport {
  state: PlaybookState = { playbook: defaultPlaybook, savedBy: null };
  /** When set, the next save finds this version saved meanwhile. */
  savedMeanwhile: PlaybookState | null = null;
  saves: Input<'playbook-save'>[] = [];
  unreachable = false;

  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    if (this.unreachable) throw new TransportError('fetch failed', null);
    if (method === 'playbook-get') return ok(this.state) as Result<Output<M>>;
    if (method === 'playbook-save') {
      const save = input as Input<'playbook-save'>;
      this.saves.push(structuredClone(save));
      if (this.savedMeanwhile) {
        this.state = this.savedMeanwhile;
        this.savedMeanwhile = null;
        return fail('conflict', 'Marie Dupont saved version 3 meanwhile.', { field: 'baseVersion' });
      }
      const version = this.state.playbook.version + 1;
      this.state = {
        playbook: {
          ...save.document,
          version,
          updatedAt: '2026-11-25T09:30:00.000Z',
        } as PlaybookState['playbook'],
        savedBy: ADMIN,
      };
      return ok(this.state) as Result<Output<M>>;
    }
    throw new TransportError('no head office in this test', null);
  }
}

let db: AppDB;
eachScreenDb('playbook-screen', (fresh) => {
  db = fresh;
});

function renderScreen(office: PlaybookOffice, options: { online?: boolean } = {}) {
  const user = { ...testUser, ...ADMIN, role: 'admin' as const };
  return renderWithApp(db, <PlaybookScreen />, { user, transport: office, online: options.online ?? true })
    .engine;
}

const objection = (n: number) => screen.getByRole('group', { name: `Objection ${String(n)}` });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer une nouvelle version' }));

// The editor renders a few hundred fields in jsdom: margin for a busy machine.
describe('PlaybookScreen', { timeout: 20_000 }, () => {
  it('saves the edited playbook as a new version, from the version it was edited from', async () => {
    const office = new PlaybookOffice();
    renderScreen(office);
    await screen.findByText('Guide intégré (version 1) : pas encore modifié au siège.');
    fireEvent.change(within(objection(2)).getByLabelText('Ce que dit le client'), {
      target: { value: 'Transgourmet me fait une remise plus forte' },
    });
    await screen.findByText('Modifications non enregistrées');
    save();
    await screen.findByText(
      'Version 2 enregistrée. Les portables la recevront à leur prochaine synchronisation.',
    );
    expect(office.saves).toHaveLength(1);
    expect(office.saves[0]?.baseVersion).toBe(1);
    expect(office.saves[0]?.document.objections[1]?.text).toBe('Transgourmet me fait une remise plus forte');
    expect(
      screen.getByText(/^Version 2, enregistrée par Administration Tournée le 25 novembre 2026/),
    ).toBeTruthy();
    expect(screen.getByText('Aucune modification')).toBeTruthy();
  });

  it('refuses a save over a version saved meanwhile, says who saved it, and reloads it', async () => {
    const office = new PlaybookOffice();
    renderScreen(office);
    await screen.findByText('Guide intégré (version 1) : pas encore modifié au siège.');
    office.savedMeanwhile = {
      playbook: {
        ...defaultPlaybook,
        version: 3,
        updatedAt: '2026-11-25T08:15:00.000Z',
        closings: [{ id: 'essai', name: 'Essai gratuit', description: 'Un carton offert.' }],
      },
      savedBy: MARIE,
    };
    fireEvent.change(within(objection(1)).getByLabelText('Ce que dit le client'), {
      target: { value: 'Trop cher' },
    });
    save();
    const alert = await screen.findByText(/^Marie Dupont a enregistré la version 3 le 25 novembre 2026/);
    expect(alert.textContent).toContain('pendant que vous modifiiez la version 1');
    fireEvent.click(screen.getByRole('button', { name: 'Recharger la version actuelle' }));
    await screen.findByText(/^Version 3, enregistrée par Marie Dupont le/);
    expect(screen.getByDisplayValue('Essai gratuit')).toBeTruthy();
    expect(screen.queryByDisplayValue('Trop cher')).toBeNull();
    expect(office.saves).toHaveLength(1);
  });

  it('adds, reorders and removes items with buttons that name them', async () => {
    const office = new PlaybookOffice();
    renderScreen(office);
    await screen.findByText('Guide intégré (version 1) : pas encore modifié au siège.');
    const count = defaultPlaybook.closings.length;
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une technique de conclusion' }));
    const added = await screen.findByRole('group', { name: `Technique ${String(count + 1)}` });
    fireEvent.change(within(added).getByLabelText('Nom'), { target: { value: 'Conclusion par étapes' } });
    fireEvent.change(within(added).getByLabelText('Description'), {
      target: { value: 'Valider point par point.' },
    });
    fireEvent.click(screen.getByRole('button', { name: `Monter : Technique ${String(count + 1)}` }));
    await screen.findByText(`Technique ${String(count + 1)} déplacé en position ${String(count)}.`);
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer : Technique 1' }));
    save();
    await screen.findByText(/^Version 2 enregistrée/);
    const closings = office.saves[0]?.document.closings ?? [];
    expect(closings).toHaveLength(count);
    expect(closings.at(-2)).toEqual({
      id: 'conclusion-par-etapes',
      name: 'Conclusion par étapes',
      description: 'Valider point par point.',
    });
    expect(closings.map((c) => c.id)).not.toContain(defaultPlaybook.closings[0]?.id);
  });

  it('shows a blank field’s problem at the field and sends nothing', async () => {
    const office = new PlaybookOffice();
    renderScreen(office);
    await screen.findByText('Guide intégré (version 1) : pas encore modifié au siège.');
    const text = within(objection(3)).getByLabelText('Ce que dit le client');
    fireEvent.change(text, { target: { value: '   ' } });
    save();
    await screen.findByText('Il y a un problème');
    await waitFor(() => expect(text.getAttribute('aria-invalid')).toBe('true'));
    expect(within(objection(3)).getByText('Renseignez ce champ ou supprimez l’élément.')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: /^Objection 3 › Ce que dit le client : Renseignez/ }),
    ).toBeTruthy();
    expect(office.saves).toEqual([]);
  });

  it('offline, says the playbook is edited at head office', async () => {
    const office = new PlaybookOffice();
    office.unreachable = true;
    const engine = renderScreen(office, { online: false });
    await engine.syncNow().catch(() => {});
    await screen.findByText('Le guide se modifie au siège : connectez-vous à Internet');
  });
});
