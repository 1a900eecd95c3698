/** Head-office appointment methods: a manager plans for their team's reps, an admin for anyone. */
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { User } from '../../../shared/domain/user/user.js';
import { missingCaseError, ok } from '../../../shared/lib/result.js';
import { appointments, users } from '../../db/schema.js';
import type { Handlers } from '../../dispatch.js';
import { audit } from '../../lib/audit.js';
import { ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { createAppointment, updateAppointment } from './repo.js';
import { toAppointmentWire } from './wire.js';

/** The appointments a user may read: a rep their own, a manager their team's, an admin all. */
export function appointmentScope(user: Pick<User, 'id' | 'role' | 'teamId'>): SQL {
  switch (user.role) {
    case 'rep':
      return sql`${appointments.repId} = ${user.id}`;
    case 'manager':
      return user.teamId === null
        ? sql`false`
        : sql`${appointments.repId} in (select ${users.id} from ${users} where ${users.teamId} = ${user.teamId})`;
    case 'admin':
      return sql`true`;
    default:
      return missingCaseError(user.role);
  }
}

export const appointmentHandlers = {
  'appointment-list': {
    auth: ALL_ROLES,
    async run(input, ctx) {
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
      const now = ctx.config.now();
      const me = ctx.principal.user;
      const { repId, ...appointment } = input;
      const result = await ctx.db.transaction(async (tx) => {
        const created = await createAppointment(tx, {
          appointment,
          repId,
          writer: me,
          setByManagerName: me.name,
          now,
        });
        if (created.ok) {
          await audit(
            tx,
            {
              userId: me.id,
              method: 'appointment-set',
              entity: 'appointment',
              entityId: input.id,
              details: { repId },
            },
            now,
          );
        }
        return created;
      });
      if (!result.ok) return result;
      return ok({ appointment: toAppointmentWire(result.value) });
    },
  },
  'appointment-update': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const me = ctx.principal.user;
      const result = await ctx.db.transaction(async (tx) => {
        const updated = await updateAppointment(tx, {
          id: input.id,
          changes: input.changes,
          baseVersion: input.baseVersion,
          writer: me,
          now,
        });
        if (updated.ok) {
          await audit(
            tx,
            {
              userId: me.id,
              method: 'appointment-update',
              entity: 'appointment',
              entityId: input.id,
              details: { fields: Object.keys(input.changes) },
            },
            now,
          );
        }
        return updated;
      });
      if (!result.ok) return result;
      return ok({ appointment: toAppointmentWire(result.value) });
    },
  },
  'appointment-cancel': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const me = ctx.principal.user;
      const result = await ctx.db.transaction(async (tx) => {
        const updated = await updateAppointment(tx, {
          id: input.id,
          changes: { status: 'cancelled' },
          baseVersion: input.baseVersion,
          writer: me,
          now,
        });
        if (updated.ok) {
          await audit(
            tx,
            { userId: me.id, method: 'appointment-cancel', entity: 'appointment', entityId: input.id },
            now,
          );
        }
        return updated;
      });
      if (!result.ok) return result;
      return ok({ appointment: toAppointmentWire(result.value) });
    },
  },
} satisfies Pick<
  Handlers,
  'appointment-list' | 'appointment-set' | 'appointment-update' | 'appointment-cancel'
>;
