/**
 * The mutations a laptop can push. Each is an intent the server re-runs against
 * current data (it never trusts a client's resulting row). Declared per feature in
 * `domain/<feature>/mutations.ts`; everything here is derived from that registry.
 */
import { z } from 'zod';
import { appointmentMutations } from '../domain/appointment/mutations.js';
import { complaintMutations } from '../domain/complaint/mutations.js';
import { customerMutations } from '../domain/customer/mutations.js';
import { noteMutations } from '../domain/note/mutations.js';
import { orderMutations } from '../domain/order/mutations.js';
import { visitMutations } from '../domain/visit/mutations.js';
import { isoDateTimeSchema, uuidSchema } from '../lib/ids.js';
import { missingCaseError } from '../lib/result.js';

export const mutationRegistry = {
  ...noteMutations,
  ...customerMutations,
  ...appointmentMutations,
  ...complaintMutations,
  ...orderMutations,
  ...visitMutations,
};

export type MutationName = keyof typeof mutationRegistry;
export const mutationNames = Object.keys(mutationRegistry) as MutationName[];
export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationRegistry, name);
}
type ArgsSchema<N extends MutationName> = (typeof mutationRegistry)[N]['args'];
export type MutationArgs<N extends MutationName> = z.infer<ArgsSchema<N>>;

export const mutationArgsSchemas = Object.fromEntries(
  mutationNames.map((name) => [name, mutationRegistry[name].args]),
) as { [N in MutationName]: ArgsSchema<N> };

const envelope = {
  /** Per-client monotonic counter: 1, 2, 3… with no gap. */
  mid: z.number().int().positive(),
  mutationId: uuidSchema,
  createdAt: isoDateTimeSchema,
};

type MutationObject<N extends MutationName> = z.ZodObject<
  typeof envelope & { name: z.ZodLiteral<N>; args: ArgsSchema<N> }
>;
type AnyMutationObject = { [N in MutationName]: MutationObject<N> }[MutationName];

function mutationObject<N extends MutationName>(name: N): MutationObject<N> {
  return z.object({ ...envelope, name: z.literal(name), args: mutationRegistry[name].args });
}

export const mutationSchema = z.discriminatedUnion(
  'name',
  mutationNames.map(mutationObject) as [AnyMutationObject, ...AnyMutationObject[]],
);
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * A mutation's name and args, correlated: a handler map indexed by `name` accepts `args`
 * (`Mutation` is assignable to `MutationIntent<MutationName>`).
 */
export type MutationIntent<N extends MutationName> = { [K in N]: { name: K; args: MutationArgs<K> } }[N];

/**
 * What a mutation is about: its customer, or the appointment, order or complaint that names the
 * customer (the laptop and head office each look that one up in their own rows).
 */
export type MutationSubject = { kind: 'customer' | 'appointment' | 'order' | 'complaint'; id: string };

export function mutationSubject(mutation: MutationIntent<MutationName>): MutationSubject {
  switch (mutation.name) {
    case 'note-add':
    case 'appointment-create':
    case 'complaint-log':
    case 'order-create':
    case 'visit-log':
      return { kind: 'customer', id: mutation.args.customerId };
    case 'customer-update':
      return { kind: 'customer', id: mutation.args.id };
    case 'appointment-update':
    case 'appointment-cancel':
      return { kind: 'appointment', id: mutation.args.id };
    case 'order-update':
    case 'order-cancel':
      return { kind: 'order', id: mutation.args.id };
    case 'complaint-event':
    case 'attachment-add':
      return { kind: 'complaint', id: mutation.args.complaintId };
    default:
      return missingCaseError(mutation);
  }
}

/** The rep's own words in a refused mutation, kept with the refusal so nothing typed is lost. */
export function refusedDetail<N extends MutationName>(mutation: MutationIntent<N>): string {
  const specs: { [K in MutationName]: { refusedDetail: (args: MutationArgs<K>) => string } } =
    mutationRegistry;
  return specs[mutation.name].refusedDetail(mutation.args);
}

/** i18n key of a mutation's label in the sync panel. */
export function mutationLabel<N extends MutationName>(name: N): (typeof mutationRegistry)[N]['label'] {
  return mutationRegistry[name].label;
}
