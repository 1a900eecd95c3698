import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketingAction, Visit } from '../../src/shared/domain/activity/activity.js';
import type { Appointment } from '../../src/shared/domain/appointment/appointment.js';
import type { Customer } from '../../src/shared/domain/customer/customer.js';
import type { VisitLog } from '../../src/shared/domain/visit/report.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import { backends, DEMO, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const envelope = (mid: number) => ({ mid, mutationId: uuidv7(), createdAt: new Date().toISOString() });

function puts<T>(pages: PullResponse[], entity: string): T[] {
  return pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value as T] : [])),
  );
}

describe.each(backends)('visit reports on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let thomas: string;
  let manager: string;
  const camilleClient = uuidv7();
  let camilleCookie: number | null = null;
  let mid = 0;
  let appointment: Appointment;
  let thomasCustomer: Customer;
  /** A customer of Camille's that the other tests do not use (it changes hands in one). */
  let spareCustomerId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [camille, thomas, manager] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.thomas),
      server.login(DEMO.manager),
    ]);
    const pages = await pullAll(server, camille, camilleClient, null);
    camilleCookie = pages.at(-1)?.cookie ?? null;
    appointment = puts<Appointment>(pages, 'appointment').find((a) => a.status === 'planned')!;
    spareCustomerId = puts<Customer>(pages, 'customer').find((c) => c.id !== appointment.customerId)!.id;
    thomasCustomer = puts<Customer>(await pullAll(server, thomas, uuidv7(), null), 'customer')[0]!;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  async function camillePull(): Promise<PullResponse[]> {
    const pages = await pullAll(server, camille, camilleClient, camilleCookie);
    camilleCookie = pages.at(-1)?.cookie ?? camilleCookie;
    return pages;
  }
  function visitLog(args: Partial<VisitLog> = {}): Mutation {
    mid += 1;
    const startedAt = new Date(Date.now() - 3_600_000).toISOString();
    return {
      ...envelope(mid),
      name: 'visit-log',
      args: {
        id: uuidv7(),
        customerId: appointment.customerId,
        appointmentId: appointment.id,
        startedAt,
        endedAt: new Date().toISOString(),
        channel: 'visit',
        followUpAppointmentId: null,
        course: { reachedStep: 'objections', closingId: null, closingName: null, families: ['Mobilier'] },
        report: {
          outcome: 'no-sale',
          noSaleReason: 'competitor',
          orderIds: [],
          needs: ['Terrasse de 40 couverts'],
          motives: ['money', 'security'],
          objections: [{ text: 'Transgourmet est moins cher', lifted: false }],
          offered: ['Mobilier : gamme alu'],
          nextStep: 'Rappeler en janvier avec le catalogue été',
          summary: 'Reste chez Transgourmet pour le moment.',
          notes: 'Annonce du prix : veut 8 % à 200 unités',
        },
        ...args,
      },
    };
  }

  it('stores the report once, marks the appointment done and adds the visit to the marketing data', async () => {
    const log = visitLog();
    const id = (log.args as VisitLog).id;
    await server.ok('sync-push', pushInput(camilleClient, [log]), camille);
    // A lost acknowledgement: the same push again changes nothing.
    await server.ok('sync-push', pushInput(camilleClient, [log]), camille);
    const pages = await camillePull();
    expect(puts<Visit>(pages, 'visit').filter((v) => v.id === id)).toMatchObject([
      {
        customerId: appointment.customerId,
        outcome: 'no-sale',
        noSaleReason: 'competitor',
        appointmentId: appointment.id,
        needs: ['Terrasse de 40 couverts'],
        motives: ['money', 'security'],
        objections: [{ text: 'Transgourmet est moins cher', lifted: false }],
        nextStep: 'Rappeler en janvier avec le catalogue été',
        summary: 'Reste chez Transgourmet pour le moment.',
        reachedStep: 'objections',
        families: ['Mobilier'],
        closingId: null,
        version: 1,
      },
    ]);
    expect(puts<Appointment>(pages, 'appointment').find((a) => a.id === appointment.id)).toMatchObject({
      status: 'done',
      version: appointment.version + 1,
    });
    const actions = puts<MarketingAction>(pages, 'action').filter(
      (a) => a.customerId === appointment.customerId && a.label === 'Visite : pas de vente (concurrent)',
    );
    expect(actions).toMatchObject([{ kind: 'visit', reaction: 'negative' }]);
  });

  it('a follow-up appointment pushed before its report is planned, and the report points to it', async () => {
    mid += 1;
    const followUpId = uuidv7();
    const startAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const create: Mutation = {
      ...envelope(mid),
      name: 'appointment-create',
      args: {
        id: followUpId,
        customerId: appointment.customerId,
        contactId: null,
        kind: 'visit',
        startAt,
        durationMinutes: 45,
        objective: 'Devis terrasse',
        notes: '',
      },
    };
    const log = visitLog({
      appointmentId: null,
      followUpAppointmentId: followUpId,
      report: {
        outcome: 'follow-up',
        followUp: { startAt, objective: 'Devis terrasse' },
        orderIds: [],
        needs: [],
        motives: [],
        objections: [],
        offered: [],
        nextStep: '',
        summary: '',
        notes: '',
      },
    });
    await server.ok('sync-push', pushInput(camilleClient, [create, log]), camille);
    const pages = await camillePull();
    expect(puts<Visit>(pages, 'visit').find((v) => v.id === (log.args as VisitLog).id)).toMatchObject({
      outcome: 'follow-up',
      followUpAppointmentId: followUpId,
    });
    expect(puts<Appointment>(pages, 'appointment').find((a) => a.id === followUpId)).toMatchObject({
      status: 'planned',
      objective: 'Devis terrasse',
    });
  });

  it('a report about a customer out of the rep’s portfolio is refused, the whole report kept with the refusal', async () => {
    const log = visitLog({ customerId: thomasCustomer.id, appointmentId: null });
    await server.ok('sync-push', pushInput(camilleClient, [log]), camille);
    const pages = await camillePull();
    const outcome = puts<MutationOutcome>(pages, 'outcome').find((o) => o.id === log.mutationId);
    expect(outcome).toMatchObject({ code: 'forbidden', name: 'visit-log' });
    // The whole visit as sent, so nothing the rep wrote is lost with the refusal.
    expect(JSON.parse(outcome?.detail ?? '{}')).toEqual(JSON.parse(JSON.stringify(log.args)));
    expect(JSON.parse(outcome?.detail ?? '{}')).toMatchObject({
      startedAt: (log.args as VisitLog).startedAt,
      report: {
        outcome: 'no-sale',
        motives: ['money', 'security'],
        notes: 'Annonce du prix : veut 8 % à 200 unités',
        nextStep: 'Rappeler en janvier avec le catalogue été',
      },
    });
    const thomasVisits = puts<Visit>(await pullAll(server, thomas, uuidv7(), null), 'visit');
    expect(thomasVisits.some((v) => v.id === (log.args as VisitLog).id)).toBe(false);
  });

  it('an appointment the manager cancelled meanwhile stays cancelled; one of another customer is left alone', async () => {
    const planned = puts<Appointment>(await pullAll(server, camille, uuidv7(), null), 'appointment').filter(
      (a) => a.status === 'planned' && a.id !== appointment.id,
    );
    const cancelled = planned[0]!;
    const otherCustomers = planned.find((a) => a.customerId !== cancelled.customerId)!;
    await server.ok('appointment-cancel', { id: cancelled.id }, manager);
    const afterCancel = puts<Appointment>(await camillePull(), 'appointment').find(
      (a) => a.id === cancelled.id,
    );
    expect(afterCancel?.status).toBe('cancelled');

    const onCancelled = visitLog({ customerId: cancelled.customerId, appointmentId: cancelled.id });
    // A report naming an appointment of another customer (a laptop bug, a tampered push).
    const onOther = visitLog({ customerId: cancelled.customerId, appointmentId: otherCustomers.id });
    await server.ok('sync-push', pushInput(camilleClient, [onCancelled, onOther]), camille);
    const pages = await camillePull();
    const ids = [(onCancelled.args as VisitLog).id, (onOther.args as VisitLog).id];
    expect(puts<Visit>(pages, 'visit').filter((v) => ids.includes(v.id))).toHaveLength(2);
    const all = puts<Appointment>(await pullAll(server, camille, uuidv7(), null), 'appointment');
    expect(all.find((a) => a.id === cancelled.id)?.status).toBe('cancelled');
    expect(all.find((a) => a.id === otherCustomers.id)?.status).toBe('planned');
  });

  it('a visit held for the rep’s own appointment is stored even when the customer changed hands before the push', async () => {
    // The appointment of this morning, at head office; then the manager gives the customer to
    // Thomas while Camille's laptop is still offline with the report.
    const customerId = spareCustomerId;
    mid += 1;
    const heldId = uuidv7();
    const held: Mutation = {
      ...envelope(mid),
      name: 'appointment-create',
      args: {
        id: heldId,
        customerId,
        contactId: null,
        kind: 'visit',
        startAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        durationMinutes: 45,
        objective: '',
        notes: '',
      },
    };
    await server.ok('sync-push', pushInput(camilleClient, [held]), camille);
    await server.ok('customer-assign', { id: customerId, ownerId: server.ids.repIds.thomas }, manager);

    const log = visitLog({ customerId, appointmentId: heldId });
    const orphan = visitLog({ customerId, appointmentId: null });
    await server.ok('sync-push', pushInput(camilleClient, [log, orphan]), camille);
    const outcomes = puts<MutationOutcome>(await camillePull(), 'outcome');
    expect(outcomes.find((o) => o.id === log.mutationId)).toBeUndefined();
    // Without an appointment of hers, nothing says she held it: refused, kept whole.
    expect(outcomes.find((o) => o.id === orphan.mutationId)).toMatchObject({ code: 'forbidden' });
    // The new owner sees it as the customer's history.
    const thomasVisits = puts<Visit>(await pullAll(server, thomas, uuidv7(), null), 'visit');
    expect(thomasVisits.find((v) => v.id === (log.args as VisitLog).id)).toMatchObject({
      repId: server.ids.repIds.camille,
      appointmentId: heldId,
    });
  });

  it('the manager sees the team’s reports; another rep does not', async () => {
    const log = visitLog({ appointmentId: null });
    await server.ok('sync-push', pushInput(camilleClient, [log]), camille);
    const id = (log.args as VisitLog).id;
    const managerVisits = puts<Visit>(await pullAll(server, manager, uuidv7(), null), 'visit');
    expect(managerVisits.find((v) => v.id === id)).toMatchObject({
      nextStep: 'Rappeler en janvier avec le catalogue été',
    });
    const thomasVisits = puts<Visit>(await pullAll(server, thomas, uuidv7(), null), 'visit');
    expect(thomasVisits.some((v) => v.id === id)).toBe(false);
  });

  it('visit-list: the manager reads the team’s reports with names, a rep only their own', async () => {
    const log = visitLog({ appointmentId: null });
    await server.ok('sync-push', pushInput(camilleClient, [log]), camille);
    const id = (log.args as VisitLog).id;
    type Listed = { visits: (Visit & { customerName: string; repName: string })[] };
    const managerView = await server.ok<Listed>('visit-list', { reported: true }, manager);
    expect(managerView.visits.find((v) => v.id === id)).toMatchObject({
      repName: 'Camille Martin',
      outcome: 'no-sale',
      nextStep: 'Rappeler en janvier avec le catalogue été',
    });
    // Newest first, reports only.
    const ats = managerView.visits.map((v) => v.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(
      managerView.visits.every(
        (v) =>
          v.appointmentId !== null ||
          v.nextStep !== '' ||
          v.notes !== '' ||
          v.needs.length > 0 ||
          v.motives.length > 0,
      ),
    ).toBe(true);
    const noSale = await server.ok<Listed>('visit-list', { outcome: 'no-sale', limit: 500 }, manager);
    expect(noSale.visits.every((v) => v.outcome === 'no-sale')).toBe(true);

    const thomasView = await server.ok<Listed>('visit-list', { limit: 500 }, thomas);
    expect(thomasView.visits.length).toBeGreaterThan(0);
    expect(thomasView.visits.some((v) => v.id === id)).toBe(false);
    // A rep reads the history of the customers they hold now, whoever made the visits: Camille's
    // report on the customer that moved to Thomas above is his to read (decision 0019).
    const { customers: his } = await server.ok<{ customers: { id: string }[] }>(
      'customer-list',
      { limit: 1000 },
      thomas,
    );
    const held = new Set(his.map((c) => c.id));
    expect(thomasView.visits.every((v) => held.has(v.customerId))).toBe(true);
    const asked = await server.ok<Listed>('visit-list', { repId: server.ids.repIds.camille }, thomas);
    expect(asked.visits.length).toBeGreaterThan(0);
    expect(asked.visits.every((v) => v.customerId === spareCustomerId)).toBe(true);
    const camilleView = await server.ok<Listed>('visit-list', { reported: true }, camille);
    expect(camilleView.visits.find((v) => v.id === id)).toBeDefined();
  });
});
