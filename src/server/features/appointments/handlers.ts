/** Head-office appointment methods: a manager plans for their team's reps, an admin for anyone. */
import { and, eq, gte, isNull, lt } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Appointment } from '../../../shared/domain/appointment/appointment.js';
import { ok } from '../../../shared/lib/result.js';
import type { Result } from '../../../shared/lib/result.js';
import type { AuthedContext } from '../../context.js';
import { appointments } from '../../db/schema.js';
import type { Handlers } from '../../dispatch.js';
import { auditedWrite } from '../../lib/audit.js';
import { ofCustomerInScope, repRefusal } from '../../lib/scope.js';
import type { Reader } from '../../lib/scope.js';
import { ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { createAppointment, updateAppointment } from './repo.js';
import type { UpdateAppointmentRequest } from './repo.js';
import { toAppointmentWire } from './wire.js';

/** The appointments a user may read: those with the customers they may see now, whoever holds them. */
export function appointmentScope(user: Reader): SQL {
  return ofCustomerInScope(appointments.customerId, user);
}

/** Applies changes to one appointment as the caller, audited, and answers the row. */
async function appointmentWrite(
  ctx: AuthedContext,
  input: { id: string; baseVersion?: number | undefined },
  changes: UpdateAppointmentRequest['changes'],
  method: 'appointment-update' | 'appointment-cancel',
  details?: Record<string, unknown>,
): Promise<Result<{ appointment: Appointment }>> {
  const result = await auditedWrite(
    ctx,
    { method, entity: 'appointment', entityId: input.id, ...(details === undefined ? {} : { details }) },
    (tx, now) =>
      updateAppointment(tx, {
        id: input.id,
        changes,
        baseVersion: input.baseVersion,
        writer: ctx.principal.user,
        now,
      }),
  );
  if (!result.ok) return result;
  return ok({ appointment: toAppointmentWire(result.value) });
}

export const appointmentHandlers = {
  'appointment-list': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      if (input.repId !== undefined) {
        const refused = await repRefusal(ctx.db, ctx.principal.user, input.repId);
        if (refused) return refused;
      }
      const conditions: SQL[] = [isNull(appointments.deletedAt), appointmentScope(ctx.principal.user)];
      if (input.repId !== undefined) conditions.push(eq(appointments.repId, input.repId));
      if (input.customerId !== undefined) conditions.push(eq(appointments.customerId, input.customerId));
      if (input.from !== undefined) conditions.push(gte(appointments.startAt, new Date(input.from)));
      if (input.to !== undefined) conditions.push(lt(appointments.startAt, new Date(input.to)));
      const rows = await ctx.db
        .select()
        .from(appointments)
        .where(and(...conditions))
        .orderBy(appointments.startAt, appointments.id)
        .limit(input.limit);
      return ok({ appointments: rows.map(toAppointmentWire) });
    },
  },
  'appointment-set': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const me = ctx.principal.user;
      const { repId, ...appointment } = input;
      const result = await auditedWrite(
        ctx,
        { method: 'appointment-set', entity: 'appointment', entityId: input.id, details: { repId } },
        (tx, now) =>
          createAppointment(tx, { appointment, repId, writer: me, setByManagerName: me.name, now }),
      );
      if (!result.ok) return result;
      return ok({ appointment: toAppointmentWire(result.value) });
    },
  },
  'appointment-update': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      return appointmentWrite(ctx, input, input.changes, 'appointment-update', {
        fields: Object.keys(input.changes),
      });
    },
  },
  'appointment-cancel': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      return appointmentWrite(ctx, input, { status: 'cancelled' }, 'appointment-cancel');
    },
  },
} satisfies Pick<
  Handlers,
  'appointment-list' | 'appointment-set' | 'appointment-update' | 'appointment-cancel'
>;
