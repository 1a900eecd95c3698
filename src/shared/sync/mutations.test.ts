import { describe, expect, it } from 'vitest';
import { visitOfLog } from '../domain/visit/mutations.js';
import type { VisitLog } from '../domain/visit/report.js';
import type { Mutation } from './mutations.js';
import { isMutationName, mutationLabel, mutationNames, mutationSchema, refusedDetail } from './mutations.js';

const ID = '01900000-0000-7000-8000-000000000001';
const OTHER = '01900000-0000-7000-8000-000000000002';
const AT = '2026-03-02T09:00:00.000Z';

function envelope(mid: number) {
  return { mid, mutationId: OTHER, createdAt: AT };
}

describe('the mutation registry', () => {
  it('lists every mutation once, in the order the wire has always had', () => {
    expect(mutationNames).toEqual([
      'note-add',
      'customer-update',
      'appointment-create',
      'appointment-update',
      'appointment-cancel',
      'complaint-log',
      'complaint-event',
      'attachment-add',
      'order-create',
      'order-update',
      'order-cancel',
      'visit-log',
    ]);
  });

  it('parses a mutation into the same JSON it was sent as (envelope, name, args)', () => {
    const sent = {
      ...envelope(1),
      name: 'note-add',
      args: { id: ID, customerId: OTHER, body: 'Hi', createdAt: AT },
    };
    const parsed = mutationSchema.parse(sent);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(sent));
    expect(Object.keys(parsed)).toEqual(['mid', 'mutationId', 'createdAt', 'name', 'args']);
  });

  it('refuses an unknown name and args of another mutation', () => {
    expect(mutationSchema.safeParse({ ...envelope(1), name: 'note-delete', args: { id: ID } }).success).toBe(
      false,
    );
    expect(
      mutationSchema.safeParse({ ...envelope(1), name: 'order-cancel', args: { id: ID, body: 'x' } }).success,
    ).toBe(false);
  });

  it('keeps the rep’s own words of a refused mutation', () => {
    const cases: [Mutation, string][] = [
      [
        {
          ...envelope(1),
          name: 'note-add',
          args: { id: ID, customerId: OTHER, body: 'Call back', createdAt: AT },
        },
        'Call back',
      ],
      [
        {
          ...envelope(2),
          name: 'customer-update',
          args: { id: ID, baseVersion: 1, changes: { city: 'Lyon' } },
        },
        '{"city":"Lyon"}',
      ],
      [
        { ...envelope(3), name: 'appointment-cancel', args: { id: ID, baseVersion: 1 } },
        '{"status":"cancelled"}',
      ],
      [{ ...envelope(4), name: 'order-cancel', args: { id: ID, baseVersion: 1 } }, '{"status":"cancelled"}'],
      [
        {
          ...envelope(5),
          name: 'complaint-event',
          args: { id: ID, complaintId: OTHER, status: 'closed', note: '', at: AT },
        },
        'closed',
      ],
      [
        {
          ...envelope(6),
          name: 'order-update',
          args: { id: ID, baseVersion: 1, deliveryDate: null, note: 'n', lines: [] },
        },
        '{"deliveryDate":null,"note":"n","lines":[]}',
      ],
    ];
    for (const [mutation, detail] of cases) expect(refusedDetail(mutation)).toBe(detail);
  });

  it('names each mutation by an i18n key of its feature', () => {
    expect(mutationLabel('note-add')).toBe('sync.mutation.note-add');
    expect(mutationLabel('visit-log')).toBe('visit.sync.visit-log');
    expect(mutationLabel('order-update')).toBe('orders.sync.order-update');
  });

  it('tells a known mutation name from another string', () => {
    expect(isMutationName('visit-log')).toBe(true);
    expect(isMutationName('toString')).toBe(false);
    expect(isMutationName('note-delete')).toBe(false);
  });
});

describe('visitOfLog', () => {
  it('makes the visit row of a report, its time the start of the visit', () => {
    const log: VisitLog = {
      id: ID,
      customerId: OTHER,
      appointmentId: null,
      startedAt: AT,
      endedAt: '2026-03-02T10:00:00.000Z',
      channel: 'phone',
      followUpAppointmentId: null,
      course: { reachedStep: 'price', closingId: null, closingName: null, families: ['Bières'] },
      report: {
        outcome: 'no-sale',
        objections: [],
        summary: 'Not now',
        noSaleReason: 'price',
        needs: ['speed'],
        motives: [],
        offered: [],
        orderIds: [],
        nextStep: '',
        notes: '',
      },
    };
    expect(visitOfLog(log, 'rep-1')).toEqual({
      id: ID,
      customerId: OTHER,
      repId: 'rep-1',
      at: AT,
      channel: 'phone',
      outcome: 'no-sale',
      objections: [],
      summary: 'Not now',
      appointmentId: null,
      noSaleReason: 'price',
      followUpAppointmentId: null,
      needs: ['speed'],
      motives: [],
      offered: [],
      orderIds: [],
      nextStep: '',
      notes: '',
      reachedStep: 'price',
      closingId: null,
      closingName: null,
      families: ['Bières'],
    });
  });
});
