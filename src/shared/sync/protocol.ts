/**
 * Push/pull wire format (Replicache-style). See ARCHITECTURE.md "Sync protocol" and
 * docs/decisions/0001-sync-view-record.md.
 */
import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../lib/ids.js';
import type { EntityName, EntitySchemas } from './entities.js';
import { entityNames, entitySchemas } from './entities.js';
import { mutationSchema } from './mutations.js';

export type { EntityName, EntityPolicy, EntityRow, EntitySchemas } from './entities.js';
export { entities, entityNames, entityPolicies, entitySchemas, isEntityName } from './entities.js';
export type { Conflict, ConflictEntity, MutationOutcome } from './records.js';
export { conflictEntities, conflictSchema, mutationOutcomeSchema } from './records.js';

/** Bump when the wire format or a mutation changes; the server accepts this and the previous. */
export const SCHEMA_VERSION = 1;
export const MAX_PUSH_BATCH = 500;
/**
 * Upper bound, in UTF-8 bytes, of a push body the laptop sends (head office accepts 8 MiB,
 * counted in bytes): a batch is cut before the mutation that would cross it, and always holds
 * at least one mutation (an attachment of 5 MB is about 7 MB of base64).
 */
export const MAX_PUSH_BODY_BYTES = 7_500_000;
/**
 * Room kept for the request around the mutations (`{"clientId":…,"schemaVersion":…,
 * "mutations":[…]}` is under 100 bytes; the rest is margin for a transport's wrapping).
 */
export const PUSH_ENVELOPE_BYTES = 1024;

/**
 * TextEncoder exists in every runtime shared code runs in (browser, Electron, Node), but shared
 * code is type-checked without DOM or Node types: the one member used, declared for this module.
 */
declare const TextEncoder: new () => { encode(input: string): Uint8Array };
const utf8 = new TextEncoder();

/**
 * The longest prefix of `batch` whose push body (envelope + JSON of the mutations, in UTF-8
 * bytes: accented notes take two bytes a letter) stays under `maxBytes` (at least one).
 */
export function limitPushBatch<T>(
  batch: readonly T[],
  maxBytes = MAX_PUSH_BODY_BYTES,
  envelopeBytes = PUSH_ENVELOPE_BYTES,
): T[] {
  let total = envelopeBytes;
  const kept: T[] = [];
  for (const mutation of batch) {
    total += utf8.encode(JSON.stringify(mutation)).length + 1;
    if (kept.length > 0 && total > maxBytes) break;
    kept.push(mutation);
  }
  return kept;
}

export const pushRequestSchema = z.object({
  clientId: uuidSchema,
  schemaVersion: z.number().int(),
  mutations: z.array(mutationSchema).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Highest mid the server has processed for this client (applied or rejected). */
  lastMid: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

type PutSchema<E extends EntityName> = z.ZodObject<{
  op: z.ZodLiteral<'put'>;
  entity: z.ZodLiteral<E>;
  value: EntitySchemas[E];
}>;
type AnyPutSchema = { [E in EntityName]: PutSchema<E> }[EntityName];

function putOf<E extends EntityName>(entity: E): PutSchema<E> {
  return z.object({ op: z.literal('put'), entity: z.literal(entity), value: entitySchemas[entity] });
}

/** One put schema per entity, in pull order (the map loses the per-entity type: restored). */
const putSchemas = entityNames.map(putOf) as [AnyPutSchema, ...AnyPutSchema[]];

// Puts are nested by entity: zod 4 refuses duplicate discriminator values in one union.
export const patchOpSchema = z.discriminatedUnion('op', [
  z.discriminatedUnion('entity', putSchemas),
  z.object({ op: z.literal('del'), entity: z.enum(entityNames), id: uuidSchema }),
]);
export type PatchOp = z.infer<typeof patchOpSchema>;
export type PutOp = Extract<PatchOp, { op: 'put' }>;
/** Compile-time check: every entity has its put in `patchOpSchema`. */
export const everyEntityHasAPut: [EntityName] extends [PutOp['entity']] ? true : never = true;

export const pullRequestSchema = z.object({
  clientId: uuidSchema,
  schemaVersion: z.number().int(),
  /** The cookie of the last pull applied on the laptop; null on first pull. */
  cookie: z.number().int().nonnegative().nullable(),
  /** Upper bound of ops in one response; the client pulls again while `more` is true. */
  limit: z.number().int().min(1).max(20_000).optional(),
  /** Changes still waiting on the laptop (its outbox) as it pulls: the manager's freshness figure. */
  pending: z.number().int().nonnegative().max(100_000_000).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  cookie: z.number().int().nonnegative(),
  lastMid: z.number().int().nonnegative(),
  /** True when the laptop must drop its copy of server data before applying (cookie unknown). */
  reset: z.boolean(),
  /** True when more ops are waiting: pull again with the new cookie. */
  more: z.boolean(),
  patch: z.array(patchOpSchema),
  serverTime: isoDateTimeSchema,
  /**
   * On the first page of a download from nothing (a reset) that has more pages: about how many
   * ops the whole download carries (the rows of the caller's scope when it started), for a
   * progress bar; an estimate, which rows written meanwhile may pass. Absent elsewhere, and
   * from older head offices (decision 0026).
   */
  downloadTotal: z.number().int().nonnegative().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * A long poll (decision 0022): head office answers `changed: true` as soon as what this laptop
 * holds may have changed since the pull that gave it `cookie`, or `changed: false` after about
 * 25 s. Nothing but a boolean: the laptop pulls to learn what changed.
 */
export const waitRequestSchema = z.object({
  clientId: uuidSchema,
  /** The cookie of the last pull applied on the laptop. */
  cookie: z.number().int().nonnegative().nullable(),
});
export type WaitRequest = z.infer<typeof waitRequestSchema>;

export const waitResponseSchema = z.object({ changed: z.boolean() });
export type WaitResponse = z.infer<typeof waitResponseSchema>;
