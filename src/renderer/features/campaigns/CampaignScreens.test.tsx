import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignResults, CampaignSummary } from '../../../shared/contract/campaigns.js';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import type { RfmCustomer } from '../../../shared/contract/rfm.js';
import { groupFigures } from '../../../shared/domain/campaign/campaign.js';
import type { Transport } from '../../../shared/contract/transport.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok, type Result } from '../../../shared/lib/result.js';
import { addDays, todayIn } from '../../../shared/lib/calendar.js';
import { msg } from '../../../shared/lib/messages.js';
import type { AppDB } from '../../db/AppDB.js';
import type { SyncEngine, SyncStatus } from '../../sync/engine.js';
import { eachTestDb } from '../../test/db.js';
import { isInvalidField, typeInField } from '../../test/dateFields.js';
import { renderWithApp } from '../../test/renderWithApp.js';
import { FiguresScreen } from '../figures/index.js';
import { CampaignScreen } from './CampaignScreen.js';
import { CampaignsScreen } from './CampaignsScreen.js';

const MANAGER: User = {
  id: '01900000-0000-7000-8000-0000000000aa',
  email: 'julien.mercier@example.fr',
  name: 'Julien Mercier',
  role: 'manager',
  teamId: '01900000-0000-7000-8000-0000000000ee',
  locale: 'fr',
  timeZone: 'Europe/Paris',
};
const REP: User = {
  ...MANAGER,
  id: '01900000-0000-7000-8000-000000000001',
  role: 'rep',
  name: 'Camille Martin',
};
const CAMPAIGN = '01900000-0000-7000-8000-00000000ca01';
// A campaign running today, whatever day the tests run.
const TODAY = todayIn('Europe/Paris');
const STARTED = addDays(TODAY, -30);

const rfmRow = (n: number, extra: Partial<RfmCustomer>): RfmCustomer => ({
  customerId: `01900000-0000-7000-8000-000000000d0${n}`,
  name: `Café ${n}`,
  city: 'Lyon',
  repName: 'Camille Martin',
  fromSegment: 'loyal',
  toSegment: 'loyal',
  monetaryCents: 100_000 * n,
  yearBeforeCents: 50_000 * n,
  recencyDays: 10,
  rhythmDays: 20,
  overdue: false,
  ...extra,
});
const rfmCustomers = [
  rfmRow(1, { fromSegment: 'champions', toSegment: 'atRisk' }),
  rfmRow(2, {
    fromSegment: 'champions',
    toSegment: 'atRisk',
    recencyDays: 95,
    rhythmDays: 30,
    overdue: true,
  }),
  rfmRow(3, { fromSegment: 'none', toSegment: 'promising' }),
];

const summary: CampaignSummary = {
  id: CAMPAIGN,
  name: 'Reconquête À risque',
  objective: 'Reprendre une commande avant Noël',
  offer: '5 % sur les bières',
  family: 'Bières',
  discountPercent: 5,
  channel: 'visit',
  from: STARTED,
  to: addDays(TODAY, 30),
  controlPercent: 50,
  source: 'migration',
  sourceLabel: 'Champions → À risque · 30 sept. → 31 oct.',
  createdByName: 'Julien Mercier',
  createdAt: `${STARTED}T08:00:00.000Z`,
  targeted: 1,
  control: 1,
  tasksDone: 1,
};

function results(): CampaignResults {
  return {
    campaign: summary,
    counted: { from: STARTED, to: TODAY },
    targeted: groupFigures([{ visits: 2, calls: 0, orders: 1, revenueCents: 30_000, orderedBefore: true }]),
    control: groupFigures([{ visits: 0, calls: 0, orders: 0, revenueCents: 0, orderedBefore: true }]),
    movements: [
      { control: false, fromSegment: 'atRisk', toSegment: 'loyal', customers: 1 },
      { control: true, fromSegment: 'atRisk', toSegment: 'atRisk', customers: 1 },
    ],
    members: [
      {
        customerId: rfmCustomers[0]!.customerId,
        name: 'Café 1',
        city: 'Lyon',
        repName: 'Camille Martin',
        control: false,
        segmentBefore: 'atRisk',
        segmentNow: 'loyal',
        task: 'done',
        reached: true,
        orders: 1,
        revenueCents: 30_000,
      },
      {
        customerId: rfmCustomers[1]!.customerId,
        name: 'Café 2',
        city: 'Lyon',
        repName: 'Camille Martin',
        control: true,
        segmentBefore: 'atRisk',
        segmentNow: 'atRisk',
        task: null,
        reached: false,
        orders: 0,
        revenueCents: 0,
      },
    ],
    computedAt: '2026-11-30T18:00:00.000Z',
  };
}

class CampaignServer implements Transport {
  calls: { method: Method; input: unknown }[] = [];
  refuse: 'scope' | 'period' | null = null;
  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push({ method, input });
    if (method === 'rfm-customers') return ok({ customers: rfmCustomers }) as Result<Output<M>>;
    if (method === 'campaign-create') {
      if (this.refuse === 'scope') {
        return fail('forbidden', msg('campaign.customersOutOfScope', { count: 1 }), {
          field: 'customerIds',
        }) as Result<Output<M>>;
      }
      if (this.refuse === 'period')
        return fail('bad-request', msg('campaign.periodOver'), { field: 'to' }) as Result<Output<M>>;
      const { id } = input as Input<'campaign-create'>;
      return ok({ id, targeted: 1, control: 1, withoutRep: 0 }) as Result<Output<M>>;
    }
    if (method === 'campaign-end') {
      return ok({ id: CAMPAIGN, outcome: 'ended', to: TODAY, tasksWithdrawn: 0 }) as Result<Output<M>>;
    }
    if (method === 'campaign-list') return ok({ campaigns: [summary] }) as Result<Output<M>>;
    if (method === 'campaign-results') {
      if ((input as { id: string }).id !== CAMPAIGN)
        return fail('not-found', msg('campaign.notFound')) as Result<Output<M>>;
      return ok(results()) as Result<Output<M>>;
    }
    return fail('unknown-method', method);
  }
}

function fakeEngine(state: SyncStatus['state'] = 'idle'): SyncEngine {
  const status: SyncStatus = { state, pending: 0, lastSyncAt: null, download: null };
  return { subscribe: () => () => {}, getStatus: () => status } as unknown as SyncEngine;
}

let db: AppDB;
eachTestDb('campaign-screens', (d) => (db = d), { beforeClose: cleanup });
beforeEach(() => {
  vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function segments(server: CampaignServer, user: User = MANAGER) {
  return renderWithApp(
    db,
    <FiguresScreen
      route={{ name: 'figures', tab: 'segments', from: '2026-10-01', to: '2026-10-31', repId: null }}
    />,
    { user, transport: server, engine: fakeEngine() },
  );
}

async function openCellDialog(server: CampaignServer) {
  segments(server);
  fireEvent.click(await screen.findByRole('button', { name: /^Champions → À risque : 2 clients/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Créer une campagne : Champions → À risque' }));
  return screen.getByRole('dialog');
}

const creates = (server: CampaignServer) => server.calls.filter((c) => c.method === 'campaign-create');

describe('creating a campaign from the segments', () => {
  it('turns a migration cell into a campaign with a control group and opens its page', async () => {
    const server = new CampaignServer();
    const dialog = await openCellDialog(server);
    expect(within(dialog).getByText('2 clients ciblés')).toBeTruthy();
    expect((within(dialog).getByLabelText('Nom') as HTMLInputElement).value).toBe('Champions → À risque');
    fireEvent.change(within(dialog).getByLabelText('Objectif'), {
      target: { value: 'Reprendre une commande' },
    });
    fireEvent.change(within(dialog).getByLabelText('Offre'), { target: { value: '5 % sur les bières' } });
    fireEvent.change(within(dialog).getByLabelText('Famille de produits'), { target: { value: 'Bières' } });
    fireEvent.change(within(dialog).getByLabelText('Remise (%)'), { target: { value: '5' } });
    fireEvent.change(within(dialog).getByLabelText('Groupe témoin (%)'), { target: { value: '50' } });
    expect(await within(dialog).findByText(/1 client tiré au hasard tenu à l’écart, 1 tâche/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer la campagne' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/campaigns\/[0-9a-f-]{36}$/));
    const [sent] = creates(server);
    const input = sent!.input as Input<'campaign-create'>;
    expect(input).toMatchObject({
      name: 'Champions → À risque',
      objective: 'Reprendre une commande',
      family: 'Bières',
      discountPercent: 5,
      controlPercent: 50,
      source: 'migration',
      channel: 'visit',
    });
    expect([...input.customerIds].sort()).toEqual([rfmCustomers[0]!.customerId, rfmCustomers[1]!.customerId]);
    expect(input.sourceLabel).toContain('Champions → À risque');
    expect(window.location.hash).toBe(`#/campaigns/${input.id}`);
  });

  it('says what is wrong at the field and sends nothing: no objective, a control share over 50 %, a period over', async () => {
    const server = new CampaignServer();
    const dialog = await openCellDialog(server);
    fireEvent.change(within(dialog).getByLabelText('Groupe témoin (%)'), { target: { value: '60' } });
    typeInField(within(dialog).getByRole('group', { name: 'Au' }), '31012026');
    typeInField(within(dialog).getByRole('group', { name: 'Du' }), '01012026');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer la campagne' }));
    expect(await within(dialog).findByText('Dites l’objectif de la campagne.')).toBeTruthy();
    expect(within(dialog).getByText('Le groupe témoin compte entre 0 et 50 % des clients.')).toBeTruthy();
    expect(
      within(dialog).getByText('Cette période est passée : une campagne finit aujourd’hui ou plus tard.'),
    ).toBeTruthy();
    expect(within(dialog).getByLabelText('Objectif').getAttribute('aria-invalid')).toBe('true');
    expect(creates(server)).toHaveLength(0);
  });

  it('says head office’s refusal, at its field or for the whole form, and stays open', async () => {
    const server = new CampaignServer();
    server.refuse = 'scope';
    const dialog = await openCellDialog(server);
    fireEvent.change(within(dialog).getByLabelText('Objectif'), { target: { value: 'Relancer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer la campagne' }));
    expect(
      await within(dialog).findByText(
        /n’est pas dans votre portefeuille ou votre équipe : rien n’a été créé/,
      ),
    ).toBeTruthy();
    server.refuse = 'period';
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer la campagne' }));
    expect(
      await within(dialog).findByText(
        'Cette période est passée : une campagne finit aujourd’hui ou plus tard.',
      ),
    ).toBeTruthy();
    expect(isInvalidField(within(dialog).getByRole('group', { name: 'Au' }))).toBe(true);
    // The same campaign id both times: a retry cannot create two campaigns.
    const ids = creates(server).map((c) => (c.input as Input<'campaign-create'>).id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(window.location.hash).toBe('');
  });

  it('offers a campaign from a segment and from the churn-risk list; a rep gets no such button', async () => {
    const server = new CampaignServer();
    const view = segments(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Créer une campagne : clients à risque' }));
    expect(within(screen.getByRole('dialog')).getByText('2 clients ciblés')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Annuler' }));
    fireEvent.click(
      screen.getByRole('button', { name: 'Créer une campagne : segment Prometteurs / nouveaux' }),
    );
    expect(within(screen.getByRole('dialog')).getByText('1 client ciblé')).toBeTruthy();
    view.unmount();
    segments(new CampaignServer(), REP);
    await screen.findByRole('button', { name: /^Champions → À risque : 2 clients/ });
    expect(screen.queryByRole('button', { name: /^Créer une campagne/ })).toBeNull();
  });
});

describe('campaign screens', () => {
  it('lists the campaigns, each opening its results', async () => {
    renderWithApp(db, <CampaignsScreen />, {
      user: MANAGER,
      transport: new CampaignServer(),
      engine: fakeEngine(),
    });
    const link = await screen.findByRole('link', { name: 'Reconquête À risque' });
    expect(link.getAttribute('href')).toBe(`#/campaigns/${CAMPAIGN}`);
    const row = link.closest('tr')!;
    expect(row.textContent).toContain('Visite');
    expect(row.textContent).toContain('Champions → À risque');
  });

  it('keeps the list and a campaign’s results read last: offline they stay, said to be a copy', async () => {
    const server = new CampaignServer();
    for (const ui of [<CampaignsScreen key="list" />, <CampaignScreen key="one" id={CAMPAIGN} />]) {
      const online = renderWithApp(db, ui, { user: MANAGER, transport: server, engine: fakeEngine() });
      await screen.findByRole(ui.key === 'list' ? 'link' : 'heading', { name: 'Reconquête À risque' });
      await waitFor(async () =>
        expect(Object.keys((await db.getMeta('headOfficeCopies')) ?? {})).toContain(
          ui.key === 'list' ? 'campaign-list' : 'campaign-results',
        ),
      );
      online.unmount();
    }
    const offline = { user: MANAGER, transport: server, engine: fakeEngine('offline') };
    const list = renderWithApp(db, <CampaignsScreen />, offline);
    expect(await screen.findByRole('link', { name: 'Reconquête À risque' })).toBeTruthy();
    expect(screen.getByText('Hors ligne : copie gardée sur ce poste.')).toBeTruthy();
    list.unmount();
    renderWithApp(db, <CampaignScreen id={CAMPAIGN} />, offline);
    expect(await screen.findByRole('table', { name: 'Ciblés et témoins' })).toBeTruthy();
    expect(screen.getByText('Hors ligne : copie gardée sur ce poste.')).toBeTruthy();
    // Offline, ending the campaign cannot be pressed as if it could be done.
    expect(screen.getByRole('button', { name: 'Arrêter la campagne' }).hasAttribute('disabled')).toBe(true);
  });

  it('reads the targeted group against the control group, the movements and every member', async () => {
    renderWithApp(db, <CampaignScreen id={CAMPAIGN} />, {
      user: MANAGER,
      transport: new CampaignServer(),
      engine: fakeEngine(),
    });
    expect(await screen.findByRole('heading', { name: 'Reconquête À risque', level: 1 })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Ciblés et témoins' });
    const reached = within(table).getByRole('row', { name: /^Clients contactés/ });
    expect(reached.textContent).toMatch(/1 \(100\s%\)/);
    expect(reached.textContent).toMatch(/0 \(0\s%\)/);
    expect(reached.textContent).toContain('+100 pt');
    const perCustomer = within(table).getByRole('row', { name: /^CA HT par client/ });
    expect(perCustomer.textContent).toMatch(/\+300,00\s€/);
    expect(screen.getByText('5 % sur les bières · Bières · 5 %')).toBeTruthy();
    const members = screen.getByRole('table', { name: '2 clients' });
    const control = within(members).getByRole('link', { name: 'Café 2' }).closest('tr')!;
    expect(within(control).getByText('Témoins')).toBeTruthy();
    const targeted = within(members).getByRole('link', { name: 'Café 1' }).closest('tr')!;
    expect(within(targeted).getByText('Faite')).toBeTruthy();
    expect(within(targeted).getByRole('link', { name: 'Café 1' }).getAttribute('href')).toBe(
      `#/customers/${rfmCustomers[0]!.customerId}`,
    );
    const movements = screen.getByRole('table', { name: 'Mouvements entre segments' });
    expect(within(movements).getAllByRole('row')).toHaveLength(3);
  });

  it('says a campaign the reader may not see is not theirs, not an empty page', async () => {
    renderWithApp(db, <CampaignScreen id="01900000-0000-7000-8000-00000000ca99" />, {
      user: MANAGER,
      transport: new CampaignServer(),
      engine: fakeEngine(),
    });
    expect(await screen.findByText(/n’existe pas parmi celles qui vous sont ouvertes/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lets a manager end a running campaign after saying what it does; a rep gets no such button', async () => {
    const server = new CampaignServer();
    const view = renderWithApp(db, <CampaignScreen id={CAMPAIGN} />, {
      user: MANAGER,
      transport: server,
      engine: fakeEngine(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Arrêter la campagne' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm.textContent).toContain('la tâche faite reste comptée');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Arrêter la campagne' }));
    await waitFor(() => expect(server.calls.filter((c) => c.method === 'campaign-results')).toHaveLength(2));
    expect(server.calls.find((c) => c.method === 'campaign-end')?.input).toEqual({ id: CAMPAIGN });
    view.unmount();
    renderWithApp(db, <CampaignScreen id={CAMPAIGN} />, {
      user: REP,
      transport: new CampaignServer(),
      engine: fakeEngine(),
    });
    await screen.findByRole('heading', { name: 'Reconquête À risque', level: 1 });
    expect(screen.queryByRole('button', { name: 'Arrêter la campagne' })).toBeNull();
  });
});
