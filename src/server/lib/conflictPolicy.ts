/**
 * Conflict rules: the policy of each entity is declared in src/shared/sync/entities.ts; here,
 * what it means on a write (ARCHITECTURE.md "Conflicts by entity"). Fields merged one by one
 * (customer, contact, appointment) keep the later write in server order, and a value the
 * writer had not seen goes to the conflict log.
 */
import type { AppointmentEditable } from '../../shared/domain/appointment/appointment.js';
import { appointmentEditableFields } from '../../shared/domain/appointment/appointment.js';
import type { CustomerEditable } from '../../shared/domain/customer/customer.js';
import { customerEditableFields } from '../../shared/domain/customer/customer.js';
import type { EntityName, EntityPolicy } from '../../shared/sync/entities.js';
import { entities, entityNames } from '../../shared/sync/entities.js';
import { missingCaseError } from '../../shared/lib/result.js';

export type { EntityPolicy } from '../../shared/sync/entities.js';

export const entityPolicies = Object.fromEntries(
  entityNames.map((entity) => [entity, entities[entity].policy]),
) as { readonly [E in EntityName]: EntityPolicy };

/** A JSON encoding with sorted object keys: equal values encode equally. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A field value as the conflict log shows it: strings as they are, anything else as JSON. */
export function displayValue(value: unknown): string {
  return typeof value === 'string' ? value : stableJson(value);
}

/** Whether a laptop may change an existing row of this entity through a mutation. */
export function laptopMayEdit(entity: EntityName): boolean {
  const policy: EntityPolicy = entities[entity].policy;
  switch (policy) {
    case 'field-last-writer-wins':
      return true;
    case 'append-only':
    case 'server-authoritative':
      return false;
    default:
      return missingCaseError(policy);
  }
}

export interface FieldWrite {
  /** Any JSON value (strings, numbers, null, arrays); compared by stable JSON encoding. */
  currentValue: unknown;
  newValue: unknown;
  /** Row version at which the field last changed (0 when never changed since creation). */
  fieldVersion: number;
  /** The version the writer saw; undefined for head-office edits made on fresh data. */
  baseVersion: number | undefined;
  /** Who wrote the current value (null when unknown, e.g. import). */
  currentAuthorId: string | null;
  writerId: string;
}

export type FieldWriteDecision = 'unchanged' | 'apply' | 'apply-and-log-conflict';

/**
 * Who wrote a field, as `fieldAuthors` keeps it: the user, and the laptop when the write came
 * through sync (`<user id>@<client id>`), so that the same rep on two laptops are two writers.
 */
export function authorKey(userId: string, clientId?: string): string {
  return clientId === undefined ? userId : `${userId}@${clientId}`;
}

/** The user of an author key (older rows hold the bare user id). */
export function authorUserId(author: string | undefined): string | null {
  return author === undefined ? null : (author.split('@')[0] ?? null);
}

export function decideFieldWrite(write: FieldWrite): FieldWriteDecision {
  if (stableJson(write.currentValue) === stableJson(write.newValue)) return 'unchanged';
  if (write.baseVersion === undefined) return 'apply';
  const writerDidNotSeeCurrent = write.fieldVersion > write.baseVersion;
  // A laptop editing the same field twice before it pulls overwrites its own value: not a
  // conflict. The same rep on another laptop is another writer: a stale base loses visibly.
  const sameAuthor = write.currentAuthorId === write.writerId;
  return writerDidNotSeeCurrent && !sameAuthor ? 'apply-and-log-conflict' : 'apply';
}

/** A row merged field by field: its values, version and per-field merge state. */
export interface FieldState<T extends object> {
  values: T;
  version: number;
  fieldVersions: Readonly<Record<string, number>>;
  fieldAuthors: Readonly<Record<string, string>>;
}

export type CustomerState = FieldState<CustomerEditable>;
export type AppointmentState = FieldState<AppointmentEditable>;

export interface PlannedFieldChange<F extends string = keyof CustomerEditable> {
  field: F;
  /** For the conflict log: strings as they are, other values as JSON. */
  lostValue: string;
  keptValue: string;
  conflict: boolean;
  lostByUserId: string | null;
}

export interface FieldUpdatePlan<T extends object> {
  changes: PlannedFieldChange<Extract<keyof T, string>>[];
  /** The row's new version; equal to the current one when nothing changes. */
  newVersion: number;
  values: T;
  fieldVersions: Record<string, number>;
  fieldAuthors: Record<string, string>;
}

export type CustomerUpdatePlan = FieldUpdatePlan<CustomerEditable>;
export type AppointmentUpdatePlan = FieldUpdatePlan<AppointmentEditable>;

/** Applies `changes` to `fields` one by one in server order, bumping the version once. */
export function planFieldUpdate<T extends object>(
  fields: readonly Extract<keyof T, string>[],
  current: FieldState<T>,
  changes: Partial<T>,
  baseVersion: number | undefined,
  writerId: string,
): FieldUpdatePlan<T> {
  const newVersion = current.version + 1;
  const values: T = { ...current.values };
  const fieldVersions: Record<string, number> = { ...current.fieldVersions };
  const fieldAuthors: Record<string, string> = { ...current.fieldAuthors };
  const planned: PlannedFieldChange<Extract<keyof T, string>>[] = [];
  for (const field of fields) {
    const newValue = changes[field];
    if (newValue === undefined) continue;
    const decision = decideFieldWrite({
      currentValue: current.values[field],
      newValue,
      fieldVersion: current.fieldVersions[field] ?? 0,
      baseVersion,
      currentAuthorId: current.fieldAuthors[field] ?? null,
      writerId,
    });
    if (decision === 'unchanged') continue;
    planned.push({
      field,
      lostValue: displayValue(current.values[field]),
      keptValue: displayValue(newValue),
      conflict: decision === 'apply-and-log-conflict',
      lostByUserId: authorUserId(current.fieldAuthors[field]),
    });
    values[field] = newValue as T[typeof field];
    fieldVersions[field] = newVersion;
    fieldAuthors[field] = writerId;
  }
  return {
    changes: planned,
    newVersion: planned.length > 0 ? newVersion : current.version,
    values,
    fieldVersions,
    fieldAuthors,
  };
}

/** Customer fields, merged one by one. */
export function planCustomerUpdate(
  current: CustomerState,
  changes: Partial<CustomerEditable>,
  baseVersion: number | undefined,
  writerId: string,
): CustomerUpdatePlan {
  return planFieldUpdate(customerEditableFields, current, changes, baseVersion, writerId);
}

/** Appointment fields (a move is `startAt`, a cancellation `status`), merged one by one. */
export function planAppointmentUpdate(
  current: AppointmentState,
  changes: Partial<AppointmentEditable>,
  baseVersion: number | undefined,
  writerId: string,
): AppointmentUpdatePlan {
  return planFieldUpdate(appointmentEditableFields, current, changes, baseVersion, writerId);
}
