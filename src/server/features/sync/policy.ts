/**
 * Conflict policy per entity, in one place (ARCHITECTURE.md "Conflicts by entity").
 * - customer: last writer wins per field in server order; a stale baseVersion sends the
 *   overwritten value to the conflict log (nobody's change disappears silently).
 * - note: append-only (a note is never edited; a new note is a new mutation).
 * - conflict, outcome: server-authoritative (written by the server only, read-only on laptops).
 */
import type { CustomerEditable } from '../../../shared/domain/customer/customer.js';
import { customerEditableFields } from '../../../shared/domain/customer/customer.js';
import type { EntityName } from '../../../shared/sync/protocol.js';
import { missingCaseError } from '../../../shared/lib/result.js';

export type EntityPolicy = 'field-last-writer-wins' | 'append-only' | 'server-authoritative';

export const entityPolicies: { readonly [E in EntityName]: EntityPolicy } = {
  customer: 'field-last-writer-wins',
  note: 'append-only',
  conflict: 'server-authoritative',
  outcome: 'server-authoritative',
};

/** Whether a laptop may change an existing row of this entity through a mutation. */
export function laptopMayEdit(entity: EntityName): boolean {
  const policy = entityPolicies[entity];
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
  currentValue: string;
  newValue: string;
  /** Row version at which the field last changed (0 when never changed since creation). */
  fieldVersion: number;
  /** The version the writer saw; undefined for head-office edits made on fresh data. */
  baseVersion: number | undefined;
  /** Who wrote the current value (null when unknown, e.g. import). */
  currentAuthorId: string | null;
  writerId: string;
}

export type FieldWriteDecision = 'unchanged' | 'apply' | 'apply-and-log-conflict';

export function decideFieldWrite(write: FieldWrite): FieldWriteDecision {
  if (write.currentValue === write.newValue) return 'unchanged';
  if (write.baseVersion === undefined) return 'apply';
  const writerDidNotSeeCurrent = write.fieldVersion > write.baseVersion;
  // A rep editing the same field twice offline overwrites their own value: not a conflict.
  const sameAuthor = write.currentAuthorId === write.writerId;
  return writerDidNotSeeCurrent && !sameAuthor ? 'apply-and-log-conflict' : 'apply';
}

export interface CustomerState {
  values: CustomerEditable;
  version: number;
  fieldVersions: Readonly<Record<string, number>>;
  fieldAuthors: Readonly<Record<string, string>>;
}

export interface PlannedFieldChange {
  field: keyof CustomerEditable;
  lostValue: string;
  keptValue: string;
  conflict: boolean;
  lostByUserId: string | null;
}

export interface CustomerUpdatePlan {
  changes: PlannedFieldChange[];
  /** The row's new version; equal to the current one when nothing changes. */
  newVersion: number;
  values: CustomerEditable;
  fieldVersions: Record<string, number>;
  fieldAuthors: Record<string, string>;
}

/** Applies `changes` field by field in server order, bumping the version once. */
export function planCustomerUpdate(
  current: CustomerState,
  changes: Partial<CustomerEditable>,
  baseVersion: number | undefined,
  writerId: string,
): CustomerUpdatePlan {
  const newVersion = current.version + 1;
  const values: CustomerEditable = { ...current.values };
  const fieldVersions: Record<string, number> = { ...current.fieldVersions };
  const fieldAuthors: Record<string, string> = { ...current.fieldAuthors };
  const planned: PlannedFieldChange[] = [];
  for (const field of customerEditableFields) {
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
      lostValue: current.values[field],
      keptValue: newValue,
      conflict: decision === 'apply-and-log-conflict',
      lostByUserId: current.fieldAuthors[field] ?? null,
    });
    setField(values, field, newValue);
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

function setField<K extends keyof CustomerEditable>(values: CustomerEditable, field: K, value: string): void {
  // Every editable field is a string; `status` was validated by the contract schema.
  (values as Record<keyof CustomerEditable, string>)[field] = value;
}
