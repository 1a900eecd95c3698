/**
 * The team review at head office: per rep and for the whole scope (a rep themselves, a manager
 * their team, an admin every team), the figures of a period, of the period before and of the
 * same period a year before, with each rep's freshness (last sync, changes still waiting on
 * their laptops); and the drill-down to one rep's customers.
 */
import { z } from 'zod';
import {
  complaintSeverities,
  complaintStatuses,
  noSaleReasons,
  visitOutcomes,
  visitSteps,
} from '../domain/activity/activity.js';
import { rfmSegments } from '../domain/rfm/rfm.js';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../lib/ids.js';

const count = z.number().int().nonnegative();
const periodSchema = z.object({ from: isoDateSchema, to: isoDateSchema });

export const periodFiguresSchema = z.object({
  visits: count,
  visitsWithOrder: count,
  calls: count,
  orders: count,
  revenueCents: z.number().int(),
  previousBuyers: count,
  repeatBuyers: count,
  newCustomers: count,
  lostCustomers: count,
  complaintsOpened: count,
  complaintsClosed: count,
  medianResolveHours: z.number().nonnegative().nullable(),
  averageTicketCents: z.number().int().nullable(),
  conversionBp: z.number().int().nullable(),
  repurchaseBp: z.number().int().nullable(),
});

const comparedSchema = z.object({
  current: periodFiguresSchema,
  previous: periodFiguresSchema,
  yearBefore: periodFiguresSchema,
});
export type ComparedFigures = z.infer<typeof comparedSchema>;

export const freshnessSchema = z.object({
  /** The newest pull of any of the rep's laptops; null when none ever synced. */
  lastSyncAt: isoDateTimeSchema.nullable(),
  /** Changes waiting on the rep's laptops as each reported at its last sync; null when unknown. */
  pending: count.nullable(),
  devices: count,
});
export type Freshness = z.infer<typeof freshnessSchema>;

export const repReviewSchema = z.object({
  repId: uuidSchema,
  repName: z.string(),
  teamName: z.string().nullable(),
  figures: comparedSchema,
  freshness: freshnessSchema,
});
export type RepReview = z.infer<typeof repReviewSchema>;

export const teamReviewSchema = z.object({
  periods: z.object({ current: periodSchema, previous: periodSchema, yearBefore: periodSchema }),
  /** Everything the caller may see, customers without a rep included. */
  team: comparedSchema,
  reps: z.array(repReviewSchema),
  /** When head office computed this answer. */
  computedAt: isoDateTimeSchema,
});
export type TeamReview = z.infer<typeof teamReviewSchema>;

export const customerStandings = ['new', 'repeat', 'lost', 'lapsed', 'returning', 'other'] as const;
export type CustomerStanding = (typeof customerStandings)[number];

export const reviewCustomerSchema = z.object({
  customerId: uuidSchema,
  name: z.string(),
  city: z.string(),
  orders: count,
  revenueCents: z.number().int(),
  previousOrders: count,
  previousRevenueCents: z.number().int(),
  visits: count,
  calls: count,
  complaintsOpened: count,
  lastOrderAt: isoDateTimeSchema.nullable(),
  rhythmDays: z.number().int().nonnegative().nullable(),
  /**
   * new: first order in the period; repeat: ordered in both periods; lost: ordered before, not
   * now, past twice their rhythm; lapsed: ordered before, not now, not yet past it; returning:
   * ordered now, not in the period before, not new; other: no order in either.
   */
  standing: z.enum(customerStandings),
});
export type ReviewCustomer = z.infer<typeof reviewCustomerSchema>;

export const lostCustomerSchema = z.object({
  customerId: uuidSchema,
  name: z.string(),
  city: z.string(),
  repName: z.string().nullable(),
  lastOrderAt: isoDateTimeSchema,
  rhythmDays: z.number().int().nonnegative(),
  /** What they bought in the period before, excluding tax. */
  previousRevenueCents: z.number().int(),
  /** The reason given at their last visit without a sale, if any. */
  lastNoSaleReason: z.enum(noSaleReasons).nullable(),
  /** Complaints of the twelve months up to the period's end, and those still open. */
  complaints: count,
  openComplaints: count,
});
export type LostCustomer = z.infer<typeof lostCustomerSchema>;

export const ageBuckets = ['0-2', '3-7', '8-14', '15-30', '31+'] as const;
export const complaintsReviewSchema = z.object({
  byCategory: z.array(
    z.object({
      category: z.string(),
      opened: count,
      closed: count,
      medianResolveHours: z.number().nonnegative().nullable(),
    }),
  ),
  byProduct: z.array(z.object({ productId: uuidSchema, productName: z.string(), opened: count })),
  /** Opened in the period, by the customer's RFM segment at its end (`none`: never bought). */
  bySegment: z.array(z.object({ segment: z.enum([...rfmSegments, 'none']), opened: count })),
  /** Complaints open now, by days since they were received. */
  openByAge: z.array(z.object({ age: z.enum(ageBuckets), open: count })),
  /** The oldest complaints still open. */
  oldestOpen: z.array(
    z.object({
      complaintId: uuidSchema,
      customerId: uuidSchema,
      customerName: z.string(),
      category: z.string(),
      status: z.enum(complaintStatuses),
      severity: z.enum(complaintSeverities),
      ageDays: count,
    }),
  ),
  /** Satisfaction recorded at the resolutions of the period: how many of each score. */
  satisfaction: z.object({ scores: z.array(count).length(5), average: z.number().nullable() }),
});
export type ComplaintsReview = z.infer<typeof complaintsReviewSchema>;

const countsOf = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as { [P in K[number]]: typeof count });

export const failureFiguresSchema = z.object({
  visits: count,
  outcomes: countsOf(visitOutcomes),
  noSaleReasons: countsOf([...noSaleReasons, 'unknown'] as const),
  stoppedAt: countsOf([...visitSteps, 'unknown'] as const),
  objections: z.array(z.object({ text: z.string(), heard: count, lifted: count })),
  closings: z.array(z.object({ id: z.string(), name: z.string(), used: count, withOrder: count })),
});

export const figuresContract = {
  'team-review': {
    input: periodSchema,
    output: teamReviewSchema,
  },
  /** One rep's customers over the period (those with any activity in it or the one before). */
  'team-review-customers': {
    input: periodSchema.extend({ repId: uuidSchema }),
    output: z.object({
      repId: uuidSchema,
      repName: z.string(),
      customers: z.array(reviewCustomerSchema),
    }),
  },
  /** Where visits (on site) of the period fail: for the scope, per rep and per product family. */
  'visit-failures': {
    input: periodSchema,
    output: z.object({
      team: failureFiguresSchema,
      reps: z.array(z.object({ repId: uuidSchema, repName: z.string(), figures: failureFiguresSchema })),
      families: z.array(z.object({ family: z.string(), figures: failureFiguresSchema })),
    }),
  },
  /** Complaints of the period by cause, product and segment; open ones by age; satisfaction. */
  'complaints-review': { input: periodSchema, output: complaintsReviewSchema },
  /** The customers lost in the period, with what may say why. */
  'lost-customers': {
    input: periodSchema,
    output: z.object({ customers: z.array(lostCustomerSchema) }),
  },
} as const;
