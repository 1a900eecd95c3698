/**
 * Row types of the local database. Server-owned rows (every sync entity) keep the exact wire
 * shape from src/shared so a pull can store them as they come; an order keeps its lines
 * embedded.
 */
import type { CampaignTask } from '../../shared/domain/campaign/campaign.js';
import { teamReviewSchema } from '../../shared/contract/figures.js';
import { z } from 'zod';
import type { Complaint, MarketingAction, Visit } from '../../shared/domain/activity/activity.js';
import type { Appointment } from '../../shared/domain/appointment/appointment.js';
import type { Price, PriceList, Product } from '../../shared/domain/catalog/catalog.js';
import type { Consent, Contact } from '../../shared/domain/contact/contact.js';
import type { ComplaintAttachment, ComplaintEvent } from '../../shared/domain/complaint/complaint.js';
import type { Customer } from '../../shared/domain/customer/customer.js';
import type { Note } from '../../shared/domain/note/note.js';
import type { VisitDraft } from '../../shared/domain/visit/draft.js';
import type { Order } from '../../shared/domain/order/order.js';
import type { SyncedPlaybook } from '../../shared/domain/playbook/playbook.js';
import { defaultTravelSettings, travelSettingsSchema } from '../../shared/domain/geo/geo.js';
import { localeSchema } from '../../shared/domain/user/user.js';
import { isoDateTimeSchema, uuidSchema } from '../../shared/lib/ids.js';
import { mutationSchema } from '../../shared/sync/mutations.js';
import { orderApprovalSchema, orderStatusSchema } from '../../shared/domain/order/order.js';
import { complaintStatuses } from '../../shared/domain/activity/activity.js';
import type { Conflict, MutationOutcome } from '../../shared/sync/protocol.js';

export type CustomerRow = Customer;
export type NoteRow = Note;
export type ConflictRow = Conflict;
export type OutcomeRow = MutationOutcome;
export type ContactRow = Contact;
export type ConsentRow = Consent;
export type ProductRow = Product;
export type PriceListRow = PriceList;
export type PriceRow = Price;
export type OrderRow = Order;
export type AppointmentRow = Appointment;
export type ActionRow = MarketingAction;
export type VisitRow = Visit;
export type ComplaintRow = Complaint;
/** Version 0 = written on this laptop, not yet at head office. */
export type ComplaintEventRow = ComplaintEvent;
export type ComplaintAttachmentRow = ComplaintAttachment;
/** Head office's playbook (version 7): only the newest version is held. */
export type PlaybookRow = SyncedPlaybook;
/** A campaign's task for this rep (version 8), read-only here: head office ticks it off. */
export type CampaignTaskRow = CampaignTask;

/**
 * The content of a complaint's photo or file on this laptop (LOCAL ONLY, never cleared by a
 * pull reset): kept for previews and for the upload, keyed by the attachment id.
 */
export interface AttachmentBlobRow {
  id: string;
  complaintId: string;
  bytes: Uint8Array;
}

/** A visit in progress on this laptop (LOCAL ONLY, never synced; version 6). */
export type VisitDraftRow = VisitDraft;

/** A local write waiting for head office: the exact mutation that will be pushed. */
export const outboxEntrySchema = mutationSchema;
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/**
 * A write head office acknowledged, kept on the laptop for `ACKNOWLEDGED_RETENTION_DAYS` after
 * it left the outbox (LOCAL ONLY, version 10): if head office is restored from a backup taken
 * before it, the laptop sends it again (decision 0020).
 */
export type AcknowledgedEntry = OutboxEntry & { acknowledgedAt: string };

/** The Today screen's "last seen" marker (see `metaSchemas.todaySeen`). */
export const todaySeenSchema = z.object({
  seenAt: isoDateTimeSchema,
  /** Orders not delivered nor cancelled then, by id. */
  orders: z.record(z.string(), z.object({ status: orderStatusSchema, approval: orderApprovalSchema })),
  /** Complaints not closed then, by id: their status. */
  complaints: z.record(z.string(), z.enum(complaintStatuses)),
  /** Manager-set appointments from that day on. */
  appointments: z.array(z.string()),
});
export type TodaySeen = z.infer<typeof todaySeenSchema>;

/** Typed key/value settings of one user's database, validated on read. */
export const metaSchemas = {
  /** UUID v7, one per device and user, created once. */
  clientId: uuidSchema,
  /** Cookie of the last pull applied (null before the first pull). */
  cookie: z.number().int().nonnegative().nullable(),
  /** Highest mid head office has processed (applied or refused). */
  lastMid: z.number().int().nonnegative(),
  /** The mid the next local write will take. */
  nextMid: z.number().int().positive(),
  lastSyncAt: isoDateTimeSchema.nullable(),
  lastPullAt: isoDateTimeSchema.nullable(),
  /** The language the user chose on this laptop. */
  locale: localeSchema,
  /** The locale still to send to head office with `user-set-locale`. */
  localeToSend: localeSchema.nullable(),
  /** Outbox entries were acknowledged since the last complete pull: optimistic rows to check. */
  unconfirmedWrites: z.boolean(),
  /** Where the rep's days start and end (home or office), for the route; null until set. */
  routeStart: z
    .object({
      label: z.string().min(1).max(200),
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    })
    .nullable(),
  /** Road km ÷ great-circle km, for travel estimates. */
  roadFactor: travelSettingsSchema.shape.roadFactor,
  /** Average driving speed, km/h. */
  averageSpeedKmh: travelSettingsSchema.shape.speedKmh,
  /** The team review last read from head office, kept so it stays readable offline. */
  teamReview: z.object({ fetchedAt: isoDateTimeSchema, review: teamReviewSchema }).nullable(),
  /**
   * The last answer of each figures or campaign method read from head office (with the input it
   * answered), kept so those screens stay readable offline. Each value is checked against its
   * method's output schema when read (lib/headOfficeCopies.ts).
   */
  headOfficeCopies: z.record(
    z.string().max(100),
    z.object({ input: z.string().max(10_000), fetchedAt: isoDateTimeSchema, value: z.unknown() }),
  ),
  /**
   * What the Today screen last showed (features/today/seen.ts, decision 0024): the state of the
   * orders and complaints still moving and the manager-set appointments; null before the first
   * visit. What differs from it now is announced as "since you were last here".
   */
  todaySeen: todaySeenSchema.nullable(),
} as const;
export type MetaKey = keyof typeof metaSchemas;
export type MetaValue<K extends MetaKey> = z.infer<(typeof metaSchemas)[K]>;

export interface MetaRow {
  key: MetaKey;
  value: unknown;
}

/**
 * The rep's plan for one day on this laptop: the order they chose for the route and
 * the customers they added as flexible stops. LOCAL ONLY: never synced, never in the outbox;
 * losing it loses a personal arrangement, not business data.
 */
export const dayPlanSchema = z.object({
  /** Calendar day in the user's time zone, yyyy-mm-dd. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Stop ids in the rep's order (appointment ids, customer ids for added stops). */
  order: z.array(z.string()),
  /** Customers added for the day (flexible stops). */
  extraCustomerIds: z.array(z.string()),
  /** Departure from the start point, HH:mm local; null for the default (08:00). */
  departureTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
  updatedAt: isoDateTimeSchema,
});
export type DayPlanRow = z.infer<typeof dayPlanSchema>;

export const metaDefaults: { [K in MetaKey]?: MetaValue<K> } = {
  cookie: null,
  lastMid: 0,
  nextMid: 1,
  lastSyncAt: null,
  lastPullAt: null,
  localeToSend: null,
  routeStart: null,
  unconfirmedWrites: false,
  roadFactor: defaultTravelSettings.roadFactor,
  averageSpeedKmh: defaultTravelSettings.speedKmh,
  headOfficeCopies: {},
  todaySeen: null,
};
