import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noReportFields } from '../../../shared/domain/activity/activity.js';
import type { AppDB } from '../../db/AppDB.js';
import type { AppointmentRow, CampaignTaskRow, VisitRow } from '../../db/schema.js';
import { makeAppointment, makeCustomer, USER } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { AgendaScreen } from '../agenda/index.js';
import { BriefScreen } from '../brief/index.js';
import { CustomerPage } from '../customers/index.js';
import { RouteScreen } from '../route/index.js';
import { loadCampaignTasks } from './queries.js';
import { VisitTaskNote } from './VisitTaskNote.js';

const DAY = '2026-11-26';
const id = (prefix: string, n: number) => `01900000-0000-7000-${prefix}-${n.toString(16).padStart(12, '0')}`;

// Lyon area: a and c are on the day's route; target sits near Lyon and was visited recently,
// so nothing but its campaign calls for a visit; near is a prospect (a usual suggestion).
const a = makeCustomer(1, { name: 'Brasserie du Nord', latitude: 45.9897, longitude: 4.7186 });
const c = makeCustomer(3, { name: 'Hôtel de l’Est', latitude: 45.7667, longitude: 5.0036 });
const near = makeCustomer(5, {
  name: 'Prospect Voisin',
  status: 'prospect',
  latitude: 45.8,
  longitude: 4.85,
});
const target = makeCustomer(6, { name: 'Bistrot Campagne', latitude: 45.75, longitude: 4.83 });

const task: CampaignTaskRow = {
  id: id('a000', 1),
  campaignId: id('a100', 1),
  customerId: target.id,
  repId: USER.id,
  channel: 'visit',
  campaignName: 'Relance terrasses',
  objective: 'Relancer les clients terrasse avant l’hiver',
  offer: 'Parasols chauffants',
  family: 'Mobilier',
  discountPercent: 10,
  from: '2026-11-20',
  to: '2026-11-30',
  createdAt: '2026-11-15T08:00:00.000Z',
  status: 'open',
  doneVisitId: null,
  version: 1,
};

const appointment = (n: number, customerId: string, startAt: string): AppointmentRow =>
  makeAppointment(n, customerId, startAt);

function visit(n: number, customerId: string, at: string): VisitRow {
  return {
    id: id('9500', n),
    customerId,
    repId: USER.id,
    at,
    channel: 'visit',
    outcome: 'no-sale',
    objections: [],
    summary: '',
    ...noReportFields,
    version: 0,
  };
}

let db: AppDB;
eachScreenDb('campaign-tasks', async (fresh) => {
  db = fresh;
  await db.customers.bulkPut([a, c, near, target]);
  await db.appointments.bulkPut([
    appointment(1, a.id, '2026-11-26T08:00:00.000Z'),
    appointment(2, c.id, '2026-11-26T13:00:00.000Z'),
  ]);
  await db.campaignTasks.put(task);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('campaign tasks on the laptop', () => {
  it('lists the open task in the agenda of a day of its period, linked to the customer', async () => {
    renderWithApp(db, <AgendaScreen view="day" day={DAY} />);
    const section = await screen.findByTestId('agenda-campaign-tasks');
    expect(within(section).getByRole('heading', { name: 'Tâches de campagne' })).toBeTruthy();
    const row = within(section).getByTestId('campaign-task');
    expect(row.getAttribute('data-task-state')).toBe('open');
    expect(row.textContent).toContain('Relance terrasses');
    expect(row.textContent).toContain('Visite');
    expect(row.textContent).toContain('À faire');
    expect(within(row).getByRole('link', { name: 'Bistrot Campagne' }).getAttribute('href')).toBe(
      `#/customers/${target.id}`,
    );
  });

  it('shows nothing in the agenda on a day outside the period', async () => {
    renderWithApp(db, <AgendaScreen view="day" day="2026-12-01" />);
    await screen.findByText('Aucun rendez-vous ce jour-là.');
    // Give the task query its turn: still nothing.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('agenda-campaign-tasks')).toBeNull();
  });

  it('lists in the week view the tasks active on a day of that week, and none in a week after', async () => {
    // The week of Monday 30 November holds the period's last day.
    const week = renderWithApp(db, <AgendaScreen view="week" day="2026-12-01" />);
    const section = await screen.findByTestId('agenda-campaign-tasks');
    expect(within(section).getByTestId('campaign-task').textContent).toContain('Relance terrasses');
    week.unmount();
    renderWithApp(db, <AgendaScreen view="week" day="2026-12-08" />);
    await screen.findAllByText('Rien de prévu');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('agenda-campaign-tasks')).toBeNull();
  });

  it('marks the task done from a local visit report in the period, before any sync', async () => {
    await db.visits.put(visit(1, target.id, '2026-11-24T15:00:00.000Z'));
    renderWithApp(db, <AgendaScreen view="day" day={DAY} />);
    const done = await screen.findByTestId('agenda-campaign-tasks-done');
    expect(done.querySelector('summary')?.textContent).toBe('1 tâche déjà faite');
    const row = within(done).getByTestId('campaign-task');
    expect(row.getAttribute('data-task-state')).toBe('done');
    expect(row.textContent).toContain('Faite · à synchroniser');
    expect((await db.campaignTasks.get(task.id))?.status).toBe('open');
  });

  it('does not tick the task from a report outside the period or before the campaign', async () => {
    await db.visits.bulkPut([
      visit(1, target.id, '2026-11-12T10:00:00.000Z'), // before the campaign was created
      visit(2, target.id, '2026-12-02T10:00:00.000Z'), // after the period
      visit(3, a.id, '2026-11-24T10:00:00.000Z'), // another customer
    ]);
    const tasks = await loadCampaignTasks(db, { day: DAY, repId: USER.id }, 'Europe/Paris');
    expect(tasks.map((t) => [t.id, t.done, t.customerName])).toEqual([[task.id, false, 'Bistrot Campagne']]);
    expect(await loadCampaignTasks(db, { day: DAY, repId: id('8000', 99) }, 'Europe/Paris')).toEqual([]);
  });

  it('puts the task’s customer first among the route suggestions, with the campaign reason', async () => {
    // Visited two days ago: no usual reason to suggest it.
    await db.visits.put(visit(1, target.id, '2026-11-24T15:00:00.000Z'));
    await db.campaignTasks.put({ ...task, createdAt: '2026-11-25T08:00:00.000Z' });
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteScreen day={DAY} />);
    await waitFor(() => expect(screen.getAllByTestId('route-suggestion').length).toBeGreaterThanOrEqual(2), {
      timeout: 5000,
    });
    const [first, second] = screen.getAllByTestId('route-suggestion');
    expect(first!.textContent).toContain('Bistrot Campagne');
    expect(within(first!).getByTestId('route-suggestion-campaign').textContent).toBe(
      'Campagne : Relance terrasses',
    );
    // The usual suggestions follow, unchanged.
    expect(second!.textContent).toContain('Prospect Voisin');
    expect(second!.textContent).toContain('Prospect à rencontrer');
    expect(within(second!).queryByTestId('route-suggestion-campaign')).toBeNull();
  });

  it('marks a stop of the day whose customer has an open task with its campaign', async () => {
    await db.campaignTasks.put({ ...task, customerId: c.id });
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteScreen day={DAY} />);
    await waitFor(() => expect(screen.getAllByTestId('route-stop')).toHaveLength(2), { timeout: 5000 });
    const stops = screen.getAllByTestId('route-stop');
    const withTask = stops.find((s) => s.textContent.includes('Hôtel de l’Est'))!;
    const without = stops.find((s) => s.textContent.includes('Brasserie du Nord'))!;
    expect((await within(withTask).findByTestId('route-stop-campaign')).textContent).toBe(
      'Campagne : Relance terrasses',
    );
    expect(within(without).queryByTestId('route-stop-campaign')).toBeNull();
    // Once a visit report of the period ticks the task off, the stop no longer says so.
    await db.visits.put(visit(2, c.id, '2026-11-26T13:30:00.000Z'));
    await waitFor(() => expect(within(withTask).queryByTestId('route-stop-campaign')).toBeNull());
  });

  it('does not push a customer whose task is already done', async () => {
    await db.campaignTasks.put({ ...task, status: 'done' });
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteScreen day={DAY} />);
    const suggestion = await screen.findAllByTestId('route-suggestion', {}, { timeout: 5000 });
    expect(screen.queryByTestId('route-suggestion-campaign')).toBeNull();
    expect(suggestion.map((s) => s.textContent).join(' ')).toContain('Prospect Voisin');
  });

  it('shows the offer in the brief of a visit in the period', async () => {
    const visitAppointment = appointment(3, target.id, '2026-11-26T09:30:00.000Z');
    await db.appointments.put(visitAppointment);
    renderWithApp(db, <BriefScreen appointmentId={visitAppointment.id} />);
    await screen.findByRole('heading', { level: 1, name: 'Préparation de visite : Bistrot Campagne' });
    const section = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-section="campaigns"]');
      if (!el) throw new Error('no campaign section yet');
      return el;
    });
    expect(within(section).getByRole('heading', { name: 'Tâches de campagne' })).toBeTruthy();
    expect(section.textContent).toContain('Relance terrasses');
    expect(section.textContent).toContain('Relancer les clients terrasse avant l’hiver');
    expect(section.querySelector('[data-task="offer"]')?.textContent).toBe('Parasols chauffants');
    expect(section.querySelector('[data-task="family"]')?.textContent).toBe('Mobilier');
    expect(section.querySelector('[data-task="discount"]')?.textContent).toBe('10\u00a0%');
    expect(section.querySelector('[data-task="period"]')?.textContent).toBe(
      'du 20 nov. 2026 au 30 nov. 2026',
    );
    expect(section.textContent).toContain('À faire');
  });

  it('shows the task on the customer 360 while it is active', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00.000Z'), toFake: ['Date'] });
    renderWithApp(db, <CustomerPage id={target.id} />);
    const block = await screen.findByTestId('customer-campaign-tasks');
    expect(within(block).getByRole('heading', { name: 'Campagnes en cours' })).toBeTruthy();
    expect(block.textContent).toContain('Relance terrasses');
    expect(block.textContent).toContain('Parasols chauffants');
  });

  it('tells the visit report which open task it will tick off', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00.000Z'), toFake: ['Date'] });
    renderWithApp(db, <VisitTaskNote customerId={target.id} />);
    expect((await screen.findByTestId('visit-campaign-note')).textContent).toBe(
      'Ce compte rendu cochera la tâche de campagne « Relance terrasses ».',
    );
  });

  it('says nothing on the visit report once the task is done', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00.000Z'), toFake: ['Date'] });
    await db.visits.put(visit(1, target.id, '2026-11-24T15:00:00.000Z'));
    renderWithApp(db, <VisitTaskNote customerId={target.id} />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('visit-campaign-note')).toBeNull();
  });
});
