/**
 * Campaigns at head office: create one from a list of customers (a segment, a migration cell, a
 * filtered list) with a control group drawn at random, list those the caller may see, and read
 * a campaign's results against its control group. A rep sees the campaigns that target their
 * customers, limited to them; a manager their team's; an admin every campaign.
 */
import { z } from 'zod';
import { campaignChannels, campaignDraftSchema, campaignSources } from '../domain/campaign/campaign.js';
import { migrationFromSegments } from './rfm.js';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../lib/ids.js';

const count = z.number().int().nonnegative();

export const campaignSummarySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  objective: z.string(),
  offer: z.string(),
  family: z.string().nullable(),
  discountPercent: z.number().nullable(),
  channel: z.enum(campaignChannels),
  from: isoDateSchema,
  to: isoDateSchema,
  controlPercent: count,
  source: z.enum(campaignSources),
  sourceLabel: z.string(),
  createdByName: z.string(),
  createdAt: isoDateTimeSchema,
  /** Customers the caller may see: targeted (tasks), held out (control). */
  targeted: count,
  control: count,
  tasksDone: count,
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

/** One group's figures over the campaign's days so far (from its start and creation to its end or today). */
export const campaignGroupSchema = z.object({
  customers: count,
  /** Customers visited or called at least once. */
  reached: count,
  visits: count,
  calls: count,
  orders: count,
  revenueCents: z.number().int(),
  /** Customers with at least one order. */
  buyers: count,
  /** Customers who had ordered in the 365 days before the campaign, and of those who ordered again. */
  previousBuyers: count,
  repeatBuyers: count,
  averageTicketCents: z.number().int().nullable(),
  reachedBp: z.number().int().nullable(),
  buyersBp: z.number().int().nullable(),
  repurchaseBp: z.number().int().nullable(),
  /** Revenue per customer of the group, the figure to compare between groups of different sizes. */
  revenuePerCustomerCents: z.number().int().nullable(),
});
export type CampaignGroup = z.infer<typeof campaignGroupSchema>;

export const campaignMovementSchema = z.object({
  control: z.boolean(),
  fromSegment: z.enum(migrationFromSegments),
  toSegment: z.enum(migrationFromSegments),
  customers: count,
});

export const campaignMemberSchema = z.object({
  customerId: uuidSchema,
  name: z.string(),
  city: z.string(),
  repName: z.string().nullable(),
  control: z.boolean(),
  segmentBefore: z.enum(migrationFromSegments),
  segmentNow: z.enum(migrationFromSegments),
  /** Null for the control group and a customer without a rep (no task). */
  task: z.enum(['open', 'done']).nullable(),
  reached: z.boolean(),
  orders: count,
  revenueCents: z.number().int(),
});
export type CampaignMember = z.infer<typeof campaignMemberSchema>;

export const campaignResultsSchema = z.object({
  campaign: campaignSummarySchema,
  /** The days counted: from the campaign's first day to its last, or to today while it runs. */
  counted: z.object({ from: isoDateSchema, to: isoDateSchema }),
  targeted: campaignGroupSchema,
  control: campaignGroupSchema,
  movements: z.array(campaignMovementSchema),
  members: z.array(campaignMemberSchema),
  computedAt: isoDateTimeSchema,
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;

export const campaignsContract = {
  /** Managers and admins; every customer must be in the caller's scope. Idempotent on `id`. */
  'campaign-create': {
    input: campaignDraftSchema,
    output: z.object({ id: uuidSchema, targeted: count, control: count, withoutRep: count }),
  },
  'campaign-list': {
    input: z.object({}),
    output: z.object({ campaigns: z.array(campaignSummarySchema) }),
  },
  /**
   * Managers of the creating team and admins. Ends a running campaign today (its open tasks are
   * withdrawn from the laptops, done ones kept) or cancels one not started yet (it and its tasks
   * are tombstoned). Sending it again changes nothing more.
   */
  'campaign-end': {
    input: z.object({ id: uuidSchema }),
    output: z.object({
      id: uuidSchema,
      outcome: z.enum(['ended', 'cancelled']),
      to: isoDateSchema,
      tasksWithdrawn: count,
    }),
  },
  'campaign-results': {
    input: z.object({ id: uuidSchema }),
    output: campaignResultsSchema,
  },
} as const;
