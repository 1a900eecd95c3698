import type { Visit } from '../activity/activity.js';
import { mutation } from '../../sync/mutation.js';
import type { VisitLog } from './report.js';
import { visitLogSchema } from './report.js';

export const visitMutations = {
  /** The end of a visit: its report (outcome, needs, objections…), stored once at head office. */
  'visit-log': mutation({
    args: visitLogSchema,
    label: 'visit.sync.visit-log',
    // The whole visit as sent: a refused report keeps everything the rep wrote, and when.
    refusedDetail: (args) => JSON.stringify(args),
  }),
};

/** The visit row a `visit-log` makes, the same on the laptop and at head office. */
export function visitOfLog(log: VisitLog, repId: string): Omit<Visit, 'version'> {
  const { report } = log;
  return {
    id: log.id,
    customerId: log.customerId,
    repId,
    at: log.startedAt,
    channel: log.channel,
    outcome: report.outcome,
    objections: report.objections,
    summary: report.summary,
    appointmentId: log.appointmentId,
    noSaleReason: report.noSaleReason ?? null,
    followUpAppointmentId: log.followUpAppointmentId,
    needs: report.needs,
    motives: report.motives,
    offered: report.offered,
    orderIds: report.orderIds,
    nextStep: report.nextStep,
    notes: report.notes,
    ...log.course,
  };
}
