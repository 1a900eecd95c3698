/** Who may see a row that belongs to a person: the one rule every head-office read shares. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { User } from '../../shared/domain/user/user.js';
import { msg } from '../../shared/lib/messages.js';
import { fail, missingCaseError, type Result } from '../../shared/lib/result.js';
import { customers, users } from '../db/schema.js';
import type { DbOrTx } from '../db/types.js';

export type Reader = Pick<User, 'id' | 'role' | 'teamId'>;

/** Rows whose `person` column names a rep: a rep sees their own, a manager their team's, an admin all. */
export function personScope(person: AnyColumn, user: Reader): SQL {
  switch (user.role) {
    case 'rep':
      return sql`${person} = ${user.id}`;
    case 'manager':
      return user.teamId === null
        ? sql`false`
        : sql`${person} in (select ${users.id} from ${users} where ${users.teamId} = ${user.teamId})`;
    case 'admin':
      return sql`true`;
    default:
      return missingCaseError(user.role);
  }
}

/** The customers a user may see: a rep their own, a manager their team's, an admin all. */
export function customerScope(user: Reader, table = customers): SQL {
  return personScope(table.ownerId, user);
}

/**
 * Rows that hang off a customer (orders, visit reports, appointments): whoever may see the
 * customer now sees its whole history, whoever made each row; whoever lost the customer no
 * longer does. History follows the customer, as the pull does (decision 0019). An admin sees
 * every customer's.
 */
export function ofCustomerInScope(customerId: AnyColumn, user: Reader): SQL {
  return user.role === 'admin'
    ? sql`true`
    : sql`${customerId} in (select ${customers.id} from ${customers}
        where ${customers.deletedAt} is null and ${customerScope(user)})`;
}

export async function isCustomerInScope(db: DbOrTx, user: Reader, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt), customerScope(user)))
    .limit(1);
  return row !== undefined;
}

/**
 * Why `reader` may not ask about the rep `repId`, or null when they may: a rep only about
 * themselves, a manager about their team's reps, an admin about anyone. A refusal, never an
 * empty answer that would look like "no activity".
 */
export async function repRefusal(db: DbOrTx, reader: Reader, repId: string): Promise<Result<never> | null> {
  const [rep] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, repId), personScope(users.id, reader)));
  if (rep !== undefined) return null;
  if (reader.role === 'rep') return fail('forbidden', msg('scope.repOnlySelf'), { field: 'repId' });
  const [known] = await db.select({ id: users.id }).from(users).where(eq(users.id, repId));
  return known === undefined
    ? fail('not-found', msg('scope.noSuchRep'), { field: 'repId' })
    : fail('forbidden', msg('scope.repOutsideTeam'), { field: 'repId' });
}
