/**
 * The head office's side of a mutation declared in `shared/domain/<feature>/mutations.ts`: each
 * feature's `mutations.ts` applies its intents, and push audits and records the outcome.
 */
import type { Result } from '../../shared/lib/result.js';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations.js';
import type { User } from '../../shared/domain/user/user.js';
import type { Tx } from '../db/types.js';

export interface MutationContext {
  user: User;
  /** The laptop (sync client) the mutation comes from: conflicts are between writes, not people. */
  clientId: string;
  now: Date;
}

/** What the audit log records of an applied mutation (its method is `sync-push:<name>`). */
export interface MutationAudit {
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
}

export interface ServerMutation<N extends MutationName> {
  /** Authorises and re-runs the intent against current data, in push's transaction. */
  apply(tx: Tx, args: MutationArgs<N>, ctx: MutationContext): Promise<Result<MutationAudit>>;
}

/** Every mutation's server side: a registry entry without one is a compile error. */
export type ServerMutations = { [N in MutationName]: ServerMutation<N> };

/** Checks a feature's handlers against the registry without widening them. */
export type ServerMutationsOf<N extends MutationName> = { [K in N]: ServerMutation<K> };
