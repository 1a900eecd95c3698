import { defaultPlaybook } from '../../../shared/domain/playbook/index.js';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newVisitDraft, type VisitDraft } from '../../../shared/domain/visit/draft.js';
import type { VisitReport } from '../../../shared/domain/visit/report.js';
import { mutationSchema } from '../../../shared/sync/mutations.js';
import { eachTestDb } from '../../test/db.js';
import type { AppDB } from '../../db/AppDB.js';
import type { AppointmentRow } from '../../db/schema.js';
import { USER, makeCustomer } from '../../test/fakeServer.js';
import { mutationTables } from '../../sync/mutation.js';
import { dropRefusedLocalRows, rebasePending } from '../../sync/registry.js';
import { AppointmentCheckError } from '../agenda/index.js';
import { VisitReportError, logVisit } from './endVisit.js';

let db: AppDB;
const NOW = '2026-11-25T10:00:00.000Z';
const ctx = { userId: USER.id, userName: USER.name, now: () => NOW };
const options = { timeZone: 'Europe/Paris' };
const customer = makeCustomer(1);
const APPOINTMENT = '019ab000-0000-7000-8000-0000000000a1';

const CONTACT = '019ab000-0000-7000-8000-0000000000b7';
const appointment: AppointmentRow = {
  id: APPOINTMENT,
  customerId: customer.id,
  contactId: CONTACT,
  repId: USER.id,
  kind: 'visit',
  startAt: '2026-11-25T09:00:00.000Z',
  durationMinutes: 60,
  objective: 'Présenter la gamme terrasse',
  notes: '',
  status: 'planned',
  setByManagerName: null,
  version: 3,
  updatedAt: '2026-11-20T10:00:00.000Z',
};

function draft(): VisitDraft {
  return newVisitDraft({
    id: '019ab000-0000-7000-8000-0000000000d1',
    customerId: customer.id,
    appointmentId: APPOINTMENT,
    returnTo: '#/agenda/day',
    playbookVersion: 1,
    now: '2026-11-25T09:02:00.000Z',
  });
}

function report(extra: Partial<VisitReport> = {}): VisitReport {
  return {
    outcome: 'no-sale',
    noSaleReason: 'price',
    orderIds: [],
    needs: ['Terrasse de 40 couverts'],
    motives: ['money'],
    objections: [{ text: 'Trop cher', lifted: false }],
    offered: ['Mobilier : gamme alu'],
    nextStep: 'Rappeler en janvier',
    summary: 'Pas de budget avant janvier.',
    notes: 'Annonce du prix : veut 8 % à 200 unités',
    ...extra,
  };
}

async function snapshot() {
  return {
    visits: await db.visits.toArray(),
    drafts: await db.visitDrafts.count(),
    outbox: (await db.outbox.orderBy('mid').toArray()).map((e) => e.name),
    appointments: await db.appointments.count(),
    nextMid: await db.getMeta('nextMid'),
  };
}

eachTestDb('visit-mutators', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
  await db.appointments.put(appointment);
  await db.visitDrafts.put(draft());
});

describe('ending a visit', () => {
  it('queues the report, shows the visit at once, marks the appointment done and removes the draft', async () => {
    const row = await logVisit(db, ctx, { draft: draft(), report: report() }, options);
    expect(row).toMatchObject({
      id: draft().id,
      customerId: customer.id,
      repId: USER.id,
      at: '2026-11-25T09:02:00.000Z',
      outcome: 'no-sale',
      noSaleReason: 'price',
      appointmentId: APPOINTMENT,
      nextStep: 'Rappeler en janvier',
      version: 0,
    });
    expect((await db.appointments.get(APPOINTMENT))?.status).toBe('done');
    expect(await db.visitDrafts.count()).toBe(0);
    const [entry] = await db.outbox.toArray();
    expect(entry?.name).toBe('visit-log');
    expect(mutationSchema.safeParse(entry).success).toBe(true);
    expect(entry?.args).toMatchObject({ endedAt: NOW, followUpAppointmentId: null });
  });

  it('records how far the interview went: the furthest step, the closing technique and the families argued', async () => {
    const argument = defaultPlaybook.arguments[0]!;
    const d = {
      ...draft(),
      currentStep: 'argumentation' as const,
      visitedSteps: ['opening', 'discovery', 'price'] as VisitDraft['visitedSteps'],
      argumentsPresented: [argument.id],
      closingId: 'alternative',
    };
    const row = await logVisit(db, ctx, { draft: d, report: report() }, options);
    expect(row).toMatchObject({
      reachedStep: 'price',
      closingId: 'alternative',
      closingName: 'Alternative',
      families: [argument.family],
    });
    const [entry] = await db.outbox.toArray();
    expect((entry!.args as { course: unknown }).course).toEqual({
      reachedStep: 'price',
      closingId: 'alternative',
      closingName: 'Alternative',
      families: [argument.family],
    });
  });

  it('a customer not met reached no step', async () => {
    const row = await logVisit(
      db,
      ctx,
      { draft: draft(), report: report({ outcome: 'not-met', noSaleReason: undefined }) },
      options,
    );
    expect(row.reachedStep).toBeNull();
  });

  it('plans the follow-up appointment before the report, both in one write', async () => {
    await logVisit(
      db,
      ctx,
      {
        draft: draft(),
        report: report({
          outcome: 'follow-up',
          noSaleReason: undefined,
          followUp: { startAt: '2026-12-02T08:30:00.000Z', objective: 'Devis terrasse' },
        }),
        followUp: {
          startAt: '2026-12-02T08:30:00.000Z',
          durationMinutes: 45,
          objective: 'Devis terrasse',
          contactId: null,
        },
      },
      options,
    );
    const outbox = await db.outbox.orderBy('mid').toArray();
    expect(outbox.map((e) => e.name)).toEqual(['appointment-create', 'visit-log']);
    const [create, log] = outbox;
    const followUpId = create?.name === 'appointment-create' ? create.args.id : '';
    expect(log?.name === 'visit-log' ? log.args.followUpAppointmentId : null).toBe(followUpId);
    expect(await db.appointments.get(followUpId)).toMatchObject({
      contactId: CONTACT,
      startAt: '2026-12-02T08:30:00.000Z',
      objective: 'Devis terrasse',
      status: 'planned',
      version: 0,
    });
  });

  it('a follow-up in the past refuses the whole end of visit: nothing written, the visit still in progress', async () => {
    const before = await snapshot();
    const attempt = logVisit(
      db,
      ctx,
      {
        draft: draft(),
        report: report({
          outcome: 'follow-up',
          noSaleReason: undefined,
          followUp: { startAt: '2026-11-24T08:30:00.000Z', objective: '' },
        }),
        followUp: {
          startAt: '2026-11-24T08:30:00.000Z',
          durationMinutes: 45,
          objective: '',
          contactId: null,
        },
      },
      options,
    );
    await expect(attempt).rejects.toBeInstanceOf(AppointmentCheckError);
    expect(await snapshot()).toEqual(before);
  });

  it('an inconsistent report is refused with the field, nothing written', async () => {
    const before = await snapshot();
    await expect(
      logVisit(
        db,
        ctx,
        { draft: draft(), report: report({ outcome: 'order', noSaleReason: undefined }) },
        options,
      ),
    ).rejects.toSatisfy(
      (e: unknown) => e instanceof VisitReportError && e.issues.some((i) => i.path === 'report.orderIds'),
    );
    await expect(
      logVisit(
        db,
        ctx,
        { draft: draft(), report: report({ outcome: 'follow-up', noSaleReason: undefined }) },
        options,
      ),
    ).rejects.toBeInstanceOf(VisitReportError);
    expect(await snapshot()).toEqual(before);
  });

  it('ends once: a second call queues nothing more (no second follow-up)', async () => {
    await logVisit(db, ctx, { draft: draft(), report: report() }, options);
    const before = await snapshot();
    await expect(logVisit(db, ctx, { draft: draft(), report: report() }, options)).rejects.toBeInstanceOf(
      VisitReportError,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the step notes in the visit, and leaves an appointment of another customer or already cancelled alone', async () => {
    const other = makeCustomer(2);
    await db.customers.put(other);
    await db.appointments.put({ ...appointment, customerId: other.id });
    const row = await logVisit(db, ctx, { draft: draft(), report: report() }, options);
    expect(row.notes).toBe('Annonce du prix : veut 8 % à 200 unités');
    expect((await db.appointments.get(APPOINTMENT))?.status).toBe('planned');

    await db.visits.clear();
    await db.outbox.clear();
    await db.visitDrafts.put(draft());
    await db.appointments.put({ ...appointment, status: 'cancelled' });
    await logVisit(db, ctx, { draft: draft(), report: report() }, options);
    expect((await db.appointments.get(APPOINTMENT))?.status).toBe('cancelled');
  });

  it('the rebase keeps head office’s copy once pulled, and a refused report’s local row goes', async () => {
    await logVisit(db, ctx, { draft: draft(), report: report() }, options);
    // Head office's copy arrived (version 1) while the entry is still pending: it wins.
    await db.visits.update(draft().id, { version: 1, summary: 'Stored at head office' });
    await db.transaction('rw', mutationTables(db), () => rebasePending(db, ctx));
    expect((await db.visits.get(draft().id))?.summary).toBe('Stored at head office');
    // A refused one: no longer in the outbox, never stored at head office.
    await db.visits.update(draft().id, { version: 0 });
    await db.outbox.clear();
    await dropRefusedLocalRows(db);
    expect(await db.visits.count()).toBe(0);
  });
});
