/**
 * Head office's side of every sync entity (src/shared/sync/entities.ts): its table, which rows
 * a user holds (scope) and how rows go on the wire. Typed over EntityName: an entity without
 * its entry is a compile error. The pull reads this map and nothing else per entity.
 */
import { and, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { User } from '../../../shared/domain/user/user.js';
import { missingCaseError } from '../../../shared/lib/result.js';
import type { EntityName, EntityRow } from '../../../shared/sync/entities.js';
import {
  appointments,
  campaignTasks,
  complaintAttachments,
  complaintEvents,
  complaints,
  conflicts,
  consents,
  contacts,
  customers,
  marketingActions,
  mutationOutcomes,
  notes,
  orders,
  playbooks,
  priceLists,
  prices,
  products,
  users,
  visits,
} from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { selectMarketingActions } from '../actions/index.js';
import { selectAppointments } from '../appointments/index.js';
import { selectCampaignTasks } from '../campaigns/index.js';
import { selectPriceLists, selectPrices, selectProducts } from '../catalog/index.js';
import { selectComplaintAttachments, selectComplaintEvents, selectComplaints } from '../complaints/index.js';
import { selectConsents, selectContacts } from '../contacts/index.js';
import { customerScope, selectCustomers, selectNotes } from '../customers/index.js';
import { selectOrders } from '../orders/index.js';
import { playbookScope, selectSyncedPlaybooks } from '../playbook/index.js';
import { selectVisits } from '../visits/index.js';
import { selectConflicts, selectOutcomes } from './wire.js';

export type Scope = Pick<User, 'id' | 'role' | 'teamId'>;

export interface ServerEntity<E extends EntityName> {
  /** The rows' table; the pull loads a page's rows by `table.id`. */
  readonly table: PgTable & { id: AnyPgColumn };
  /** SQL of the (entity, row_id, row_version) of every row the user may hold on this client. */
  readonly scope: (user: Scope, clientId: string) => SQL;
  /** The rows matching `where` as they go on the wire: one query (orders: two) for any number. */
  readonly select: (db: DbOrTx, where: SQL) => Promise<EntityRow<E>[]>;
}

/** A synced table: id, version, tombstone. */
type SyncedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; deletedAt: AnyPgColumn };
/** A table hanging off a customer: its rows follow their customer's scope. */
type CustomerOwnedTable = SyncedTable & { customerId: AnyPgColumn };

function ownedByScopedCustomers(
  entity: EntityName,
  table: CustomerOwnedTable,
): ServerEntity<EntityName>['scope'] {
  return (user) =>
    sql`select ${entity}::text as entity, ${table.id} as row_id, ${table.version} as row_version
      from ${customers} join ${table} on ${table.customerId} = ${customers.id}
      where ${customers.deletedAt} is null and ${customerScope(user)} and ${table.deletedAt} is null`;
}

/** Catalogue rows: every user sees all of them (inactive products too, flagged `active`). */
function everyLiveRow(entity: EntityName, table: SyncedTable): ServerEntity<EntityName>['scope'] {
  return () =>
    sql`select ${entity}::text as entity, ${table.id} as row_id, ${table.version} as row_version
      from ${table} where ${table.deletedAt} is null`;
}

/** The conflicts a user sees: about customers in their scope, or that they lost or kept. */
function conflictScope(user: Scope): SQL {
  switch (user.role) {
    case 'admin':
      return sql`true`;
    case 'manager':
    case 'rep': {
      const people =
        user.role === 'manager' && user.teamId !== null
          ? sql`(select ${users.id} from ${users} where ${users.teamId} = ${user.teamId})`
          : sql`(select ${user.id}::uuid)`;
      return sql`(${conflicts.entityId} in (select ${customers.id} from ${customers} where ${customerScope(user)})
        or ${conflicts.lostByUserId} in ${people} or ${conflicts.keptByUserId} in ${people})`;
    }
    default:
      return missingCaseError(user.role);
  }
}

export const serverEntities: { readonly [E in EntityName]: ServerEntity<E> } = {
  customer: {
    table: customers,
    scope: (user) =>
      sql`select 'customer'::text as entity, ${customers.id} as row_id, ${customers.version} as row_version
      from ${customers} where ${customers.deletedAt} is null and ${customerScope(user)}`,
    select: (db, where) => selectCustomers(db, and(where, isNull(customers.deletedAt))),
  },
  product: { table: products, scope: everyLiveRow('product', products), select: selectProducts },
  priceList: { table: priceLists, scope: everyLiveRow('priceList', priceLists), select: selectPriceLists },
  price: { table: prices, scope: everyLiveRow('price', prices), select: selectPrices },
  /** Every user holds the newest playbook only (older versions stay at head office). */
  playbook: { table: playbooks, scope: playbookScope, select: selectSyncedPlaybooks },
  contact: { table: contacts, scope: ownedByScopedCustomers('contact', contacts), select: selectContacts },
  consent: { table: consents, scope: ownedByScopedCustomers('consent', consents), select: selectConsents },
  note: {
    table: notes,
    scope: ownedByScopedCustomers('note', notes),
    select: (db, where) => selectNotes(db, and(where, isNull(notes.deletedAt))),
  },
  order: { table: orders, scope: ownedByScopedCustomers('order', orders), select: selectOrders },
  appointment: {
    table: appointments,
    scope: ownedByScopedCustomers('appointment', appointments),
    select: selectAppointments,
  },
  action: {
    table: marketingActions,
    scope: ownedByScopedCustomers('action', marketingActions),
    select: selectMarketingActions,
  },
  visit: { table: visits, scope: ownedByScopedCustomers('visit', visits), select: selectVisits },
  complaint: {
    table: complaints,
    scope: ownedByScopedCustomers('complaint', complaints),
    select: selectComplaints,
  },
  complaintEvent: {
    table: complaintEvents,
    scope: ownedByScopedCustomers('complaintEvent', complaintEvents),
    select: selectComplaintEvents,
  },
  complaintAttachment: {
    table: complaintAttachments,
    scope: ownedByScopedCustomers('complaintAttachment', complaintAttachments),
    select: selectComplaintAttachments,
  },
  campaignTask: {
    table: campaignTasks,
    scope: ownedByScopedCustomers('campaignTask', campaignTasks),
    select: selectCampaignTasks,
  },
  conflict: {
    table: conflicts,
    scope: (user) =>
      sql`select 'conflict'::text as entity, ${conflicts.id} as row_id, 1 as row_version from ${conflicts} where ${conflictScope(user)}`,
    select: selectConflicts,
  },
  outcome: {
    table: mutationOutcomes,
    scope: (_user, clientId) =>
      // Its version moves when the rep's manager handles it, so the laptop is sent it again.
      sql`select 'outcome'::text as entity, ${mutationOutcomes.id} as row_id, ${mutationOutcomes.version} as row_version
      from ${mutationOutcomes} where ${mutationOutcomes.clientId} = ${clientId}`,
    select: selectOutcomes,
  },
};
