import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createIntl } from 'react-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import type { ReviewCustomer, TeamReview } from '../../../shared/contract/figures.js';
import type { RfmCustomer } from '../../../shared/contract/rfm.js';
import { visitFailures, type FailureVisit } from '../../../shared/domain/figures/visitFailures.js';
import { TransportError, type Transport } from '../../../shared/contract/transport.js';
import { deriveFigures, emptyCounts } from '../../../shared/domain/figures/figures.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok, type Result } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { AppDB } from '../../db/AppDB.js';
import { fr } from '../../i18n/fr.js';
import type { SyncEngine, SyncStatus } from '../../sync/engine.js';
import { eachTestDb } from '../../test/db.js';
import { isInvalidField, typeInField } from '../../test/dateFields.js';
import { renderWithApp } from '../../test/renderWithApp.js';
import type { FiguresTab } from '../../app/router.js';
import { FiguresScreen } from './FiguresScreen.js';
import { reviewCsv } from './TeamFigures.js';

const MANAGER: User = {
  id: '01900000-0000-7000-8000-0000000000aa',
  email: 'julien.mercier@example.fr',
  name: 'Julien Mercier',
  role: 'manager',
  teamId: '01900000-0000-7000-8000-0000000000ee',
  locale: 'fr',
  timeZone: 'Europe/Paris',
};
const CAMILLE = '01900000-0000-7000-8000-000000000001';
const THOMAS = '01900000-0000-7000-8000-000000000002';
const period = { from: '2026-10-01', to: '2026-10-31' };

const figures = (revenueCents: number, orders: number, visits: number, withOrder: number) =>
  deriveFigures({ ...emptyCounts(), revenueCents, orders, visits, visitsWithOrder: withOrder });

function review(): TeamReview {
  return {
    periods: {
      current: period,
      previous: { from: '2026-08-31', to: '2026-09-30' },
      yearBefore: { from: '2025-10-01', to: '2025-10-31' },
    },
    team: {
      current: figures(3_000_000, 30, 40, 20),
      previous: figures(2_000_000, 25, 40, 10),
      yearBefore: figures(3_000_000, 30, 30, 15),
    },
    reps: [
      {
        repId: CAMILLE,
        repName: 'Camille Martin',
        teamName: 'Rhône-Alpes',
        figures: {
          current: figures(1_234_560, 12, 20, 12),
          previous: figures(1_000_000, 10, 20, 6),
          yearBefore: figures(0, 0, 0, 0),
        },
        freshness: { lastSyncAt: '2026-11-01T08:00:00.000Z', pending: 3, devices: 1 },
      },
      {
        repId: THOMAS,
        repName: 'Thomas Bernard',
        teamName: 'Rhône-Alpes',
        figures: {
          current: figures(500_000, 5, 10, 2),
          previous: figures(1_000_000, 8, 10, 4),
          yearBefore: figures(0, 0, 0, 0),
        },
        freshness: { lastSyncAt: null, pending: null, devices: 0 },
      },
    ],
    computedAt: '2026-11-01T09:00:00.000Z',
  };
}

const customer: ReviewCustomer = {
  customerId: '01900000-0000-7000-8000-000000000c01',
  name: 'Brasserie des Terreaux',
  city: 'Lyon',
  orders: 2,
  revenueCents: 45_000,
  previousOrders: 0,
  previousRevenueCents: 0,
  visits: 1,
  calls: 0,
  complaintsOpened: 0,
  lastOrderAt: '2026-10-20T09:00:00.000Z',
  rhythmDays: 14,
  standing: 'new',
};

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
const rfmCustomers: RfmCustomer[] = [
  rfmRow(1, { fromSegment: 'champions', toSegment: 'atRisk' }),
  rfmRow(2, {
    fromSegment: 'champions',
    toSegment: 'atRisk',
    recencyDays: 95,
    rhythmDays: 30,
    overdue: true,
  }),
  rfmRow(3, { fromSegment: 'none', toSegment: 'promising' }),
  rfmRow(4, {}),
];

const failureVisit = (extra: Partial<FailureVisit>): FailureVisit => ({
  repId: CAMILLE,
  outcome: 'no-sale',
  noSaleReason: 'price',
  reachedStep: 'price',
  closingId: null,
  closingName: null,
  families: ['Bières'],
  objections: [{ text: 'Trop cher', lifted: false }],
  ...extra,
});
const failureVisits: FailureVisit[] = [
  failureVisit({}),
  failureVisit({ objections: [{ text: 'Trop cher', lifted: true }] }),
  failureVisit({ noSaleReason: 'competitor', reachedStep: 'objections' }),
  failureVisit({
    outcome: 'order',
    noSaleReason: null,
    reachedStep: 'closing',
    closingId: 'direct',
    closingName: 'Conclusion directe',
    objections: [],
  }),
];

class FiguresServer implements Transport {
  calls: { method: Method; input: unknown }[] = [];
  down = false;
  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push({ method, input });
    if (this.down) throw new TransportError('head office unreachable', null);
    if (method === 'team-review') return ok(review()) as Result<Output<M>>;
    if (method === 'visit-failures') {
      const team = visitFailures(failureVisits);
      return ok({
        team,
        reps: [{ repId: CAMILLE, repName: 'Camille Martin', figures: team }],
        families: [{ family: 'Bières', figures: team }],
      }) as Result<Output<M>>;
    }
    if (method === 'complaints-review') {
      return ok({
        byCategory: [{ category: 'delivery', opened: 3, closed: 2, medianResolveHours: 26.5 }],
        byProduct: [],
        bySegment: [{ segment: 'atRisk', opened: 3 }],
        openByAge: [
          { age: '0-2', open: 1 },
          { age: '3-7', open: 0 },
          { age: '8-14', open: 0 },
          { age: '15-30', open: 0 },
          { age: '31+', open: 2 },
        ],
        oldestOpen: [
          {
            complaintId: '01900000-0000-7000-8000-000000000e01',
            customerId: rfmCustomers[0]!.customerId,
            customerName: 'Café 1',
            category: 'delivery',
            status: 'acknowledged',
            severity: 'high',
            ageDays: 41,
          },
        ],
        satisfaction: { scores: [0, 0, 1, 2, 1], average: 4 },
      }) as Result<Output<M>>;
    }
    if (method === 'lost-customers') {
      return ok({
        customers: [
          {
            customerId: rfmCustomers[0]!.customerId,
            name: 'Café 1',
            city: 'Lyon',
            repName: 'Camille Martin',
            lastOrderAt: '2026-06-01T09:00:00.000Z',
            rhythmDays: 30,
            previousRevenueCents: 120_000,
            lastNoSaleReason: 'competitor',
            complaints: 2,
            openComplaints: 1,
          },
        ],
      }) as Result<Output<M>>;
    }
    if (method === 'rfm-customers') return ok({ customers: rfmCustomers }) as Result<Output<M>>;
    if (method === 'team-review-customers') {
      const { repId } = input as { repId: string };
      if (repId !== CAMILLE) return fail('forbidden', msg('scope.repOutsideTeam'), { field: 'repId' });
      return ok({ repId, repName: 'Camille Martin', customers: [customer] }) as Result<Output<M>>;
    }
    return fail('unknown-method', method);
  }
}

function fakeEngine(state: SyncStatus['state']): SyncEngine {
  const status: SyncStatus = { state, pending: 0, lastSyncAt: null, download: null };
  return { subscribe: () => () => {}, getStatus: () => status } as unknown as SyncEngine;
}

let db: AppDB;
eachTestDb('figures-screen', (d) => (db = d), { beforeClose: cleanup });
beforeEach(() => {
  // React Aria uses CSS.escape, which jsdom lacks.
  vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function show(
  server: FiguresServer,
  state: SyncStatus['state'] = 'idle',
  repId: string | null = null,
  tab: FiguresTab = 'team',
) {
  return renderWithApp(db, <FiguresScreen route={{ name: 'figures', tab, ...period, repId }} />, {
    user: MANAGER,
    transport: server,
    engine: fakeEngine(state),
  });
}

describe('team figures', () => {
  it('shows each rep’s figures against the previous period, the total, and who may be missing changes', async () => {
    const server = new FiguresServer();
    show(server);
    const table = await screen.findByRole('table', { name: 'Chiffres par commercial' });
    const camille = within(table).getByRole('link', { name: 'Camille Martin' }).closest('tr')!;
    expect(camille.textContent).toMatch(/12\s345,60\s€/);
    // 1 234 560 against 1 000 000: +23.5 %, said with the previous figure.
    expect(camille.textContent).toMatch(/\+23,5\s%/);
    expect(camille.textContent).toMatch(/contre 10\s000,00\s€/);
    // Conversion 60 % against 30 %: +30 points.
    expect(camille.textContent).toMatch(/\+30 pts/);
    expect(within(camille).getByText('3 modifications en attente')).toBeTruthy();
    const thomas = within(table).getByRole('link', { name: 'Thomas Bernard' }).closest('tr')!;
    expect(within(thomas).getByText('Jamais synchronisé')).toBeTruthy();
    expect(within(table).getByText('Tout le périmètre')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Camille Martin' }).getAttribute('href')).toContain(
      `rep=${CAMILLE}`,
    );
    expect(server.calls).toEqual([{ method: 'team-review', input: period }]);
    // The chart's data is there as a table too.
    expect(screen.getByText('Voir les données du graphique sous forme de tableau')).toBeTruthy();
  });

  it('compares with the same period a year before on request', async () => {
    show(new FiguresServer());
    await screen.findByRole('table', { name: 'Chiffres par commercial' });
    fireEvent.click(screen.getByRole('radio', { name: /Un an avant/ }));
    const table = screen.getByRole('table', { name: 'Chiffres par commercial' });
    const camille = within(table).getByRole('link', { name: 'Camille Martin' }).closest('tr')!;
    expect(camille.textContent).toMatch(/contre 0,00\s€/);
  });

  it('keeps the last figures read: offline they stay on screen, said to be as of head office’s computation', async () => {
    const server = new FiguresServer();
    const first = show(server);
    await screen.findByRole('table', { name: 'Chiffres par commercial' });
    await waitFor(async () => expect(await db.getMeta('teamReview')).toBeTruthy());
    first.unmount();

    show(server, 'offline');
    expect(await screen.findByText('Hors ligne : voici les derniers chiffres lus.')).toBeTruthy();
    expect(screen.getByText(/Calculés par le siège le 1 nov\. 2026/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Chiffres par commercial' }).textContent).toMatch(
      /12\s345,60\s€/,
    );
    expect(server.calls).toHaveLength(1);
  });

  it('says so when offline with nothing read yet, and when head office does not answer falls back to the copy', async () => {
    const server = new FiguresServer();
    const offline = show(server, 'offline');
    expect(await screen.findByText(/aucun chiffre n’a encore été lu sur ce poste/)).toBeTruthy();
    offline.unmount();

    await db.setMeta('teamReview', { fetchedAt: '2026-11-01T09:00:00.000Z', review: review() });
    server.down = true;
    show(server);
    expect(await screen.findByText('Le siège ne répond pas : voici les derniers chiffres lus.')).toBeTruthy();
  });

  it('keeps each tab’s last figures too: offline the segments, visits, value and complaints tabs read their copy, said to be one', async () => {
    const server = new FiguresServer();
    const tabs: [FiguresTab, string][] = [
      ['segments', 'Migrations entre segments'],
      ['visits', 'Comment les visites se terminent'],
      ['value', 'Concentration par commercial'],
      ['complaints', 'Par cause, sur la période'],
    ];
    for (const [tab] of tabs) {
      const online = show(server, 'idle', null, tab);
      await waitFor(async () => {
        const copies = await db.getMeta('headOfficeCopies');
        expect(Object.keys(copies ?? {}).length).toBeGreaterThan(tab === 'segments' ? 0 : 1);
      });
      online.unmount();
    }
    const calls = server.calls.length;

    for (const [tab, heading] of tabs) {
      const offline = show(server, 'offline', null, tab);
      expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
      // One notice says the screen is a copy; the tab says when its own copy was read, in a line.
      expect(await screen.findByText('Hors ligne : voici les derniers chiffres lus.')).toBeTruthy();
      expect(screen.queryByText('Hors ligne : copie gardée sur ce poste.')).toBeNull();
      expect(document.querySelectorAll('.banner--warning')).toHaveLength(1);
      expect(screen.getByText(/^Lue au siège le /)).toBeTruthy();
      offline.unmount();
    }
    expect(server.calls).toHaveLength(calls);
  });

  it('shows no copy that no longer fits its method’s answer, nor one read for another period', async () => {
    const server = new FiguresServer();
    await db.setMeta('headOfficeCopies', {
      'rfm-customers': {
        input: JSON.stringify({ from: '2026-09-30', to: '2026-10-31' }),
        fetchedAt: '2026-11-01T09:00:00.000Z',
        value: { customers: [{ customerId: 'not an id' }] },
      },
      'visit-failures': {
        input: JSON.stringify({ from: '2026-01-01', to: '2026-01-31' }),
        fetchedAt: '2026-11-01T09:00:00.000Z',
        value: { anything: true },
      },
    });
    const segments = show(server, 'offline', null, 'segments');
    expect(await screen.findByText(/Hors ligne : rien à afficher/)).toBeTruthy();
    segments.unmount();
    show(server, 'offline', null, 'visits');
    expect(await screen.findByText(/Hors ligne : rien à afficher/)).toBeTruthy();
  });

  it('when head office does not answer, a tab falls back to its copy and says head office is not answering', async () => {
    const server = new FiguresServer();
    const online = show(server, 'idle', null, 'segments');
    await waitFor(async () => expect((await db.getMeta('headOfficeCopies'))?.['rfm-customers']).toBeTruthy());
    online.unmount();
    server.down = true;
    show(server, 'idle', null, 'segments');
    expect(await screen.findByText('Le siège ne répond pas : voici les derniers chiffres lus.')).toBeTruthy();
    expect(await screen.findByText(/^Lue au siège le /)).toBeTruthy();
    expect(document.querySelectorAll('.banner--warning')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Migrations entre segments' })).toBeTruthy();
  });

  it('refuses a period ending before it starts at the field, asking nothing of head office', async () => {
    const server = new FiguresServer();
    show(server);
    await screen.findByRole('table', { name: 'Chiffres par commercial' });
    typeInField(screen.getByRole('group', { name: 'Au' }), '01092026');
    fireEvent.click(screen.getByRole('button', { name: 'Afficher' }));
    const to = screen.getByRole('group', { name: 'Au' });
    expect(isInvalidField(to)).toBe(true);
    expect(document.getElementById(`${to.id}-error`)?.textContent).toMatch(
      /La fin de la période ne peut pas précéder son début/,
    );
    expect(server.calls).toHaveLength(1);
    expect(window.location.hash).toBe('');
  });

  it('drills down to a rep’s customers, each opening the 360; another team’s rep is refused in words', async () => {
    const server = new FiguresServer();
    const mine = show(server, 'idle', CAMILLE);
    const link = await screen.findByRole('link', { name: 'Brasserie des Terreaux' });
    expect(link.getAttribute('href')).toBe(`#/customers/${customer.customerId}`);
    expect(link.closest('tr')!.textContent).toMatch(/Nouveau/);
    expect(screen.getByRole('heading', { name: 'Clients de Camille Martin' })).toBeTruthy();
    mine.unmount();

    show(server, 'idle', '01900000-0000-7000-8000-0000000000ff');
    expect(await screen.findByText(/n’est pas dans votre équipe/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('segments and their migrations', () => {
  it('shows the matrix from the day before the period to its end; a cell opens its customers', async () => {
    const server = new FiguresServer();
    show(server, 'idle', null, 'segments');
    const cell = await screen.findByRole('button', {
      name: /^Champions → À risque : 2 clients, 3\s000,00\s€$/,
    });
    expect(server.calls.find((c) => c.method === 'rfm-customers')?.input).toEqual({
      from: '2026-09-30',
      to: '2026-10-31',
    });
    expect(
      screen.getByRole('button', { name: /^Pas encore d’achat → Prometteurs \/ nouveaux : 1 client/ }),
    ).toBeTruthy();
    fireEvent.click(cell);
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    const list = screen.getByRole('table', { name: 'Champions → À risque' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Café 2', 'Café 1']);
    expect(within(list).getByRole('link', { name: 'Café 1' }).getAttribute('href')).toBe(
      `#/customers/${rfmCustomers[0]!.customerId}`,
    );
  });

  it('lists the customers at risk with the reason in words', async () => {
    show(new FiguresServer(), 'idle', null, 'segments');
    const list = await screen.findByRole('table', { name: 'Risque de départ (2)' });
    const two = within(list).getByRole('link', { name: 'Café 2' }).closest('tr')!;
    expect(two.textContent).toContain(
      '95 jours sans commande, plus de deux fois son rythme habituel (30 jours) ; passé de « Champions » à « À risque »',
    );
    expect(within(list).queryByRole('link', { name: 'Café 3' })).toBeNull();
    expect(within(list).queryByRole('link', { name: 'Café 4' })).toBeNull();
  });
});

describe('where visits fail', () => {
  it('shows how visits ended, where those without an order stopped, objections lifted and closings', async () => {
    show(new FiguresServer(), 'idle', null, 'visits');
    const ended = (await screen.findByRole('heading', { name: 'Comment les visites se terminent' })).closest(
      'section',
    )!;
    expect(within(ended).getByRole('row', { name: /^Pas de vente 3 75/ })).toBeTruthy();
    expect(within(ended).getByRole('row', { name: /^Pas de vente : Prix trop élevé 2 50/ })).toBeTruthy();
    const stopped = screen
      .getByRole('heading', { name: 'Où se sont arrêtées les 3 visites sans commande' })
      .closest('section')!;
    expect(within(stopped).getByRole('row', { name: /^Annonce du prix 2/ })).toBeTruthy();
    expect(within(stopped).getByRole('row', { name: /^Traitement des objections 1/ })).toBeTruthy();
    const objections = screen
      .getByRole('heading', { name: 'Objections les plus entendues' })
      .closest('section')!;
    expect(within(objections).getByRole('row', { name: /^Trop cher 3 1 \(33,3\s%\)/ })).toBeTruthy();
    const closings = screen.getByRole('heading', { name: 'Techniques de conclusion' }).closest('section')!;
    expect(within(closings).getByRole('row', { name: /^Conclusion directe 1 1 \(100\s%\)/ })).toBeTruthy();
    const byRep = screen.getByRole('table', { name: 'Par commercial' });
    expect(
      within(byRep).getByRole('row', {
        name: /^Camille Martin 4 25\s% 0\s% Annonce du prix Prix trop élevé 33,3\s%/,
      }),
    ).toBeTruthy();
  });
});

describe('customer value', () => {
  it('classes customers A/B/C, estimates the next 12 months by its written method, and says why customers left', async () => {
    show(new FiguresServer(), 'idle', null, 'value');
    const pareto = (await screen.findByRole('heading', { name: /^Concentration du CA/ })).closest('section')!;
    expect(
      within(pareto).getByRole('row', { name: /^A — les premiers 80 % du CA 3 75\s% 9\s000,00\s€ 90\s%/ }),
    ).toBeTruthy();
    expect(
      within(pareto).getByRole('row', { name: /^B — jusqu’à 95 % 1 25\s% 1\s000,00\s€ 10\s%/ }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^12 prochains mois : 8\s333,33\s€ attendus/ })).toBeTruthy();
    expect(
      screen.getByText(/deux tiers des 12 derniers mois plus un tiers des 12 mois d’avant/),
    ).toBeTruthy();
    const lost = await screen.findByRole('table', { name: 'Clients perdus sur la période (1)' });
    expect(lost.textContent).toContain(
      'dernière visite sans vente : Reste chez un concurrent ; 2 réclamations en 12 mois, dont 1 encore ouverte(s)',
    );
  });
});

describe('complaints in the figures', () => {
  it('shows causes with the time to resolve, the open ones by age, the oldest, and satisfaction', async () => {
    show(new FiguresServer(), 'idle', null, 'complaints');
    const cause = (await screen.findByRole('heading', { name: 'Par cause, sur la période' })).closest(
      'section',
    )!;
    expect(
      within(cause).getByRole('row', { name: /^Livraison \(retard, casse\) 3 2 26,5\s?h/ }),
    ).toBeTruthy();
    const open = screen
      .getByRole('heading', { name: 'Ouvertes aujourd’hui, par ancienneté' })
      .closest('section')!;
    expect(within(open).getByRole('row', { name: 'il y a plus de 30 jours 2' })).toBeTruthy();
    expect(within(open).getByRole('link', { name: 'Café 1' }).getAttribute('href')).toBe(
      `#/customers/${rfmCustomers[0]!.customerId}`,
    );
    expect(open.textContent).toContain('41 jours');
    expect(screen.getByText('Moyenne 4 / 5 sur 4 réponses.')).toBeTruthy();
  });
});

describe('team figures as CSV', () => {
  it('writes a header and one line per rep after the total, plain numbers in the user’s locale', () => {
    const intl = createIntl({ locale: 'fr', messages: fr });
    const lines = reviewCsv(intl, review(), 'previous').slice(1).split('\r\n');
    expect(lines[0]!.split(';').slice(0, 4)).toEqual([
      'Commercial',
      'Équipe',
      'Visites',
      'Visites (Période précédente)',
    ]);
    const camille = lines[2]!.split(';');
    expect(camille[0]).toBe('Camille Martin');
    // CA HT: 12345,60 now, 10000,00 before.
    expect(camille.slice(8, 10)).toEqual(['12345,60', '10000,00']);
    expect(camille.at(-1)).toBe('3');
    expect(lines[1]!.startsWith('Tout le périmètre;')).toBe(true);
  });
});
