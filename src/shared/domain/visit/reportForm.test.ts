import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/index.js';
import { newVisitDraft, type VisitDraft } from './draft.js';
import { checkReport, editReport, openReport, reportFormFrom } from './reportForm.js';

const CUSTOMER = '019ab000-0000-7000-8000-0000000000c1';
const ORDER = '019ab000-0000-7000-8000-0000000000e1';

function draft(extra: Partial<VisitDraft> = {}): VisitDraft {
  return {
    ...newVisitDraft({
      id: '019ab000-0000-7000-8000-0000000000d1',
      customerId: CUSTOMER,
      appointmentId: null,
      returnTo: '#/agenda/day',
      playbookVersion: 1,
      now: '2026-11-25T08:00:00.000Z',
    }),
    ...extra,
  };
}

/** A fixed "time zone": the day and time read as UTC. */
const utc = (day: string, time: string) => new Date(`${day}T${time}:00.000Z`).toISOString();

describe('opening the report', () => {
  it('drafts it from the steps, the step left counted as done', () => {
    const d = draft({
      currentStep: 'closing',
      needs: 'Terrasse de 40 couverts\n- Livraison le lundi',
      motives: ['money', 'comfort'],
      objections: [
        { id: '019ab000-0000-7000-8000-0000000000f1', objectionId: null, text: 'Trop cher', lifted: true },
      ],
    });
    const opened = openReport(d, defaultPlaybook, 'fr');
    expect(opened.reporting).toBe(true);
    expect(opened.visitedSteps).toContain('closing');
    expect(opened.report).toMatchObject({
      outcome: null,
      needs: 'Terrasse de 40 couverts\nLivraison le lundi',
      motives: ['money', 'comfort'],
      objections: [{ text: 'Trop cher', lifted: true }],
      summaryEdited: false,
    });
    expect(opened.report?.summary).toContain('« Trop cher » (levée)');
  });

  it('keeps a report already started, and an order taken meanwhile makes the outcome an order', () => {
    const started = openReport(draft(), defaultPlaybook, 'fr');
    const edited = {
      ...started,
      reporting: false,
      report: started.report && {
        ...started.report,
        outcome: 'no-sale' as const,
        noSaleReason: 'price' as const,
        nextStep: 'Rappeler en janvier',
      },
      orderIds: [ORDER],
    };
    const facts = { orders: ['Commande prise : 12,00 € HT, 1 ligne.'], complaints: [] };
    const reopened = openReport(edited, defaultPlaybook, 'fr', facts);
    expect(reopened.report).toMatchObject({
      outcome: 'order',
      noSaleReason: null,
      nextStep: 'Rappeler en janvier',
      // The summary, not rewritten by the rep, now states the order.
      summary: 'Commande prise : 12,00 € HT, 1 ligne.',
    });
    // A summary the rep rewrote is left as written.
    const rewritten = {
      ...edited,
      report: edited.report && { ...edited.report, summary: 'Mes mots.', summaryEdited: true },
    };
    expect(openReport(rewritten, defaultPlaybook, 'fr', facts).report?.summary).toBe('Mes mots.');
  });
});

describe('editing the report', () => {
  const form = reportFormFrom(draft(), defaultPlaybook, 'en');

  it('the summary follows the fields until the rep writes in it', () => {
    const a = editReport(form, { needs: 'More shelf space' }, [], 'en');
    expect(a.summary).toBe('Needs: More shelf space.');
    const b = editReport(a, { summary: 'My own words.' }, [], 'en');
    expect(b.summaryEdited).toBe(true);
    const c = editReport(b, { needs: 'Something else' }, [], 'en');
    expect(c.summary).toBe('My own words.');
  });
});

describe('checking the report', () => {
  const base = reportFormFrom(draft(), defaultPlaybook, 'fr');

  it('names every missing piece with its field', () => {
    expect(checkReport(base, [], utc)).toEqual({
      ok: false,
      problems: [{ field: 'outcome', code: 'outcome-missing' }],
    });
    expect(checkReport({ ...base, outcome: 'no-sale' }, [], utc)).toEqual({
      ok: false,
      problems: [{ field: 'noSaleReason', code: 'no-sale-reason-missing' }],
    });
    expect(checkReport({ ...base, outcome: 'follow-up', followUpMinutes: 0 }, [], utc)).toEqual({
      ok: false,
      problems: [
        { field: 'followUpDate', code: 'follow-up-date-missing' },
        { field: 'followUpTime', code: 'follow-up-time-missing' },
        { field: 'followUpMinutes', code: 'follow-up-duration' },
      ],
    });
    expect(checkReport({ ...base, outcome: 'order' }, [], utc)).toMatchObject({
      ok: false,
      problems: [{ field: 'outcome', code: 'order-without-orders' }],
    });
    expect(checkReport({ ...base, outcome: 'not-met' }, [ORDER], utc)).toMatchObject({
      ok: false,
      problems: [{ field: 'outcome', code: 'orders-need-order-outcome' }],
    });
  });

  it('plans a follow-up with an order when the rep asks for one, checked like any other', () => {
    const order = { ...base, outcome: 'order' as const };
    expect(checkReport(order, [ORDER], utc)).toMatchObject({ ok: true, followUp: undefined });
    expect(checkReport({ ...order, followUpWanted: true }, [ORDER], utc)).toMatchObject({
      ok: false,
      problems: [
        { field: 'followUpDate', code: 'follow-up-date-missing' },
        { field: 'followUpTime', code: 'follow-up-time-missing' },
      ],
    });
    const planned = checkReport(
      { ...order, followUpWanted: true, followUpDate: '2026-12-02', followUpTime: '09:30' },
      [ORDER],
      utc,
    );
    expect(planned).toMatchObject({
      ok: true,
      report: {
        outcome: 'order',
        orderIds: [ORDER],
        followUp: { startAt: '2026-12-02T09:30:00.000Z', objective: '' },
      },
      followUp: { startAt: '2026-12-02T09:30:00.000Z', durationMinutes: 45 },
    });
    // Asked, then the outcome changed to one without a sale: no follow-up carried along.
    expect(
      checkReport(
        {
          ...base,
          outcome: 'not-met',
          followUpWanted: true,
          followUpDate: '2026-12-02',
          followUpTime: '09:30',
        },
        [],
        utc,
      ),
    ).toMatchObject({ ok: true, followUp: undefined });
  });

  it('refuses a text over its limit with the field', () => {
    const result = checkReport({ ...base, outcome: 'not-met', nextStep: 'x'.repeat(2_001) }, [], utc);
    expect(result).toEqual({ ok: false, problems: [{ field: 'nextStep', code: 'too-long' }] });
  });

  it('gives the report and the follow-up to plan', () => {
    const result = checkReport(
      {
        ...base,
        outcome: 'follow-up',
        followUpDate: '2026-12-02',
        followUpTime: '09:30',
        followUpMinutes: 30,
        followUpObjective: ' Présenter la gamme été ',
        needs: 'a\n\n b ',
        offered: '',
        objections: [
          { text: ' Trop cher ', lifted: false },
          { text: '   ', lifted: true },
        ],
      },
      [],
      utc,
    );
    expect(result).toEqual({
      ok: true,
      report: expect.objectContaining({
        outcome: 'follow-up',
        followUp: { startAt: '2026-12-02T09:30:00.000Z', objective: 'Présenter la gamme été' },
        needs: ['a', 'b'],
        offered: [],
        objections: [{ text: 'Trop cher', lifted: false }],
        orderIds: [],
      }),
      followUp: {
        startAt: '2026-12-02T09:30:00.000Z',
        durationMinutes: 30,
        objective: 'Présenter la gamme été',
      },
    });
  });
});
