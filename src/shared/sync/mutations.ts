/**
 * The mutations a laptop can push. Each is an intent the server re-runs against
 * current data (it never trusts a client's resulting row).
 */
import { z } from 'zod';
import { appointmentChangesSchema, newAppointmentSchema } from '../domain/appointment/appointment.js';
import {
  attachmentAddSchema,
  complaintEventInputSchema,
  newComplaintSchema,
} from '../domain/complaint/complaint.js';
import { customerChangesSchema } from '../domain/customer/customer.js';
import { noteBodySchema } from '../domain/note/note.js';
import { newOrderSchema, orderUpdateSchema } from '../domain/order/order.js';
import { visitLogSchema } from '../domain/visit/report.js';
import { isoDateTimeSchema, uuidSchema } from '../lib/ids.js';

export const mutationArgsSchemas = {
  'note-add': z.object({
    id: uuidSchema,
    customerId: uuidSchema,
    body: noteBodySchema,
    createdAt: isoDateTimeSchema,
  }),
  'customer-update': z.object({
    id: uuidSchema,
    /** The customer's version the rep saw when editing: a stale one logs a conflict. */
    baseVersion: z.number().int().nonnegative(),
    changes: customerChangesSchema,
  }),
  /** A new appointment planned by the rep (the id is made on the laptop). */
  'appointment-create': newAppointmentSchema,
  /** A move or an edit: each field merged on its own, last writer wins (see policy.ts). */
  'appointment-update': z.object({
    id: uuidSchema,
    baseVersion: z.number().int().nonnegative(),
    changes: appointmentChangesSchema,
  }),
  /**
   * A cancellation: its own mutation (a clear intent in the outbox and in refusals), merged at
   * head office as a last-writer-wins write of `status: 'cancelled'`.
   */
  'appointment-cancel': z.object({
    id: uuidSchema,
    baseVersion: z.number().int().nonnegative(),
  }),
  /** A complaint logged by the rep (ids made on the laptop), with its first event 'received'. */
  'complaint-log': newComplaintSchema,
  /** A status change or a note on a complaint, checked at head office against its current status. */
  'complaint-event': complaintEventInputSchema,
  /** A photo or file of a complaint, its content in base64 (≤ 5 MB, ≤ 5 per complaint). */
  'attachment-add': attachmentAddSchema,
  /** An order taken on the laptop; head office numbers it and prices it from its own prices. */
  'order-create': newOrderSchema,
  /** New lines / delivery date; refused once head office confirmed the order. */
  'order-update': orderUpdateSchema,
  /** The rep cancels an order head office has not confirmed yet. */
  'order-cancel': z.object({ id: uuidSchema, baseVersion: z.number().int().nonnegative() }),
  /** The end of a visit: its report (outcome, needs, objections…), stored once at head office. */
  'visit-log': visitLogSchema,
} as const;

export type MutationName = keyof typeof mutationArgsSchemas;
export const mutationNames = Object.keys(mutationArgsSchemas) as MutationName[];
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgsSchemas)[N]>;

const envelope = {
  /** Per-client monotonic counter: 1, 2, 3… with no gap. */
  mid: z.number().int().positive(),
  mutationId: uuidSchema,
  createdAt: isoDateTimeSchema,
};

export const mutationSchema = z.discriminatedUnion('name', [
  z.object({ ...envelope, name: z.literal('note-add'), args: mutationArgsSchemas['note-add'] }),
  z.object({
    ...envelope,
    name: z.literal('customer-update'),
    args: mutationArgsSchemas['customer-update'],
  }),
  z.object({
    ...envelope,
    name: z.literal('appointment-create'),
    args: mutationArgsSchemas['appointment-create'],
  }),
  z.object({
    ...envelope,
    name: z.literal('appointment-update'),
    args: mutationArgsSchemas['appointment-update'],
  }),
  z.object({
    ...envelope,
    name: z.literal('appointment-cancel'),
    args: mutationArgsSchemas['appointment-cancel'],
  }),
  z.object({ ...envelope, name: z.literal('complaint-log'), args: mutationArgsSchemas['complaint-log'] }),
  z.object({
    ...envelope,
    name: z.literal('complaint-event'),
    args: mutationArgsSchemas['complaint-event'],
  }),
  z.object({ ...envelope, name: z.literal('attachment-add'), args: mutationArgsSchemas['attachment-add'] }),
  z.object({ ...envelope, name: z.literal('order-create'), args: mutationArgsSchemas['order-create'] }),
  z.object({ ...envelope, name: z.literal('order-update'), args: mutationArgsSchemas['order-update'] }),
  z.object({ ...envelope, name: z.literal('order-cancel'), args: mutationArgsSchemas['order-cancel'] }),
  z.object({ ...envelope, name: z.literal('visit-log'), args: mutationArgsSchemas['visit-log'] }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
