/** Who may see a row that belongs to a person: the one rule every head-office read shares. */
import { sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { User } from '../../shared/domain/user/user.js';
import { missingCaseError } from '../../shared/lib/result.js';
import { users } from '../db/schema.js';

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
