/** Customer reads and writes shared by head-office methods and sync mutations. */
import { eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { CustomerEditable } from '../../../shared/domain/customer/customer.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import { customers, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { logFieldConflicts, mergeStateColumns } from '../../lib/fieldMerge.js';
import { customerScope, isCustomerInScope } from '../../lib/scope.js';
import { authorKey, planCustomerUpdate } from '../../lib/conflictPolicy.js';
import { editableOf } from './wire.js';
import type { CustomerRow } from './wire.js';

export async function lockCustomer(db: DbOrTx, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(customers).where(eq(customers.id, id)).for('update').limit(1);
  return row;
}

export { customerScope, isCustomerInScope };

export interface CustomerUpdateRequest {
  id: string;
  changes: Partial<CustomerEditable>;
  baseVersion: number | undefined;
  writer: Pick<User, 'id' | 'name' | 'role' | 'teamId'>;
  /** The laptop the write came from (a sync push); undefined for a head-office method. */
  clientId?: string;
  now: Date;
}

/**
 * Last writer wins per field in server order; overwritten values the writer had not seen are
 * logged as conflicts. Call inside a transaction.
 */
export async function updateCustomer(
  tx: DbOrTx,
  request: CustomerUpdateRequest,
): Promise<Result<CustomerRow>> {
  const row = await lockCustomer(tx, request.id);
  if (row === undefined || row.deletedAt !== null)
    return fail('not-found', msg('customer.gone'), { field: 'id' });
  if (!(await isCustomerInScope(tx, request.writer, request.id))) {
    return fail('forbidden', msg('customer.notInPortfolio'), { field: 'id' });
  }
  // The price list a customer buys at is a commercial decision: a rep changing it would price
  // their own orders from a cheaper list with no approval. Sending it unchanged is harmless.
  const { priceGroup } = request.changes;
  if (request.writer.role === 'rep' && priceGroup !== undefined && priceGroup !== row.priceGroup) {
    return fail('forbidden', msg('customer.priceGroupByStaff'), { field: 'priceGroup' });
  }
  const plan = planCustomerUpdate(
    {
      values: editableOf(row),
      version: row.version,
      fieldVersions: row.fieldVersions,
      fieldAuthors: row.fieldAuthors,
    },
    request.changes,
    request.baseVersion,
    authorKey(request.writer.id, request.clientId),
  );
  if (plan.changes.length === 0) return ok(row);
  await logFieldConflicts(tx, {
    entity: 'customer',
    entityId: row.id,
    entityLabel: plan.values.name,
    changes: plan.changes,
    writer: request.writer,
    now: request.now,
  });
  const [updated] = await tx
    .update(customers)
    .set({ ...plan.values, ...mergeStateColumns(plan, request.now) })
    .where(eq(customers.id, row.id))
    .returning();
  if (updated === undefined) return fail('not-found', msg('customer.gone'), { field: 'id' });
  return ok(updated);
}

export async function ownerName(db: DbOrTx, ownerId: string | null): Promise<string | null> {
  if (ownerId === null) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, ownerId)).limit(1);
  return row?.name ?? null;
}

/** Lower-case and strip accents, in SQL, for accent-insensitive search. */
const ACCENTED = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyoa';
export function foldSql(expr: SQL): SQL {
  return sql`translate(lower(${expr}), ${ACCENTED}, ${PLAIN})`;
}
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'o')
    .replace(/æ/g, 'a');
}
