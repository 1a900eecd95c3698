/** Head-office visit methods: the team review reads visit reports here. */
import { and, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { ok } from '../../../shared/lib/result.js';
import { customers, users, visits } from '../../db/schema.js';
import { ofCustomerInScope } from '../../lib/scope.js';
import type { Reader } from '../../lib/scope.js';
import type { DbOrTx } from '../../db/types.js';
import type { Handlers } from '../../dispatch.js';
import { ALL_ROLES } from '../../roles.js';
import { anyId } from '../../db/sql.js';
import { selectVisits } from './wire.js';
import type { VisitReview } from '../../../shared/contract/visits.js';

/** The visits a user may read: those of the customers they may see now, whoever made them. */
function visitScope(user: Reader): SQL {
  return ofCustomerInScope(visits.customerId, user);
}

export async function listVisits(
  db: DbOrTx,
  reader: Reader,
  filter: {
    repId?: string;
    customerId?: string;
    outcome?: VisitReview['outcome'];
    reported: boolean;
    limit: number;
  },
): Promise<VisitReview[]> {
  const conditions: SQL[] = [isNull(visits.deletedAt), visitScope(reader)];
  if (filter.repId !== undefined) conditions.push(eq(visits.repId, filter.repId));
  if (filter.customerId !== undefined) conditions.push(eq(visits.customerId, filter.customerId));
  if (filter.outcome !== undefined) conditions.push(eq(visits.outcome, filter.outcome));
  // A report from the guided visit has a next step, needs, motives or notes; imported history none.
  if (filter.reported)
    conditions.push(
      or(
        ne(visits.nextStep, ''),
        ne(visits.notes, ''),
        sql`jsonb_array_length(${visits.needs}) > 0`,
        sql`jsonb_array_length(${visits.motives}) > 0`,
        sql`${visits.appointmentId} is not null`,
      ) ?? sql`true`,
    );
  const newest = await db
    .select({ id: visits.id, customerName: customers.name, repName: users.name })
    .from(visits)
    .innerJoin(customers, eq(customers.id, visits.customerId))
    .innerJoin(users, eq(users.id, visits.repId))
    .where(and(...conditions))
    .orderBy(desc(visits.at), desc(visits.id))
    .limit(filter.limit);
  if (newest.length === 0) return [];
  const rows = new Map(
    (
      await selectVisits(
        db,
        anyId(
          visits.id,
          newest.map((r) => r.id),
        ),
      )
    ).map((v) => [v.id, v]),
  );
  return newest.flatMap((r) => {
    const visit = rows.get(r.id);
    return visit === undefined ? [] : [{ ...visit, customerName: r.customerName, repName: r.repName }];
  });
}

export const visitHandlers = {
  'visit-list': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      return ok({ visits: await listVisits(ctx.db, ctx.principal.user, input) });
    },
  },
} satisfies Pick<Handlers, 'visit-list'>;
