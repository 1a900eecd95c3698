/** Who may see a row that belongs to a person: the one rule every head-office read shares. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { User } from '../../shared/domain/user/user.js';
import { missingCaseError } from '../../shared/lib/result.js';
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

export async function isCustomerInScope(db: DbOrTx, user: Reader, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt), customerScope(user)))
    .limit(1);
  return row !== undefined;
}
