/**
 * Campaigns (target → personalise → read the results): a manager turns a segment, a migration
 * cell or a filtered list into a campaign with an objective, a period and an offer. A share of
 * the targeted customers, drawn at random, is held out as a control group and gets nothing;
 * every other customer becomes a task (a visit or a call) for their rep, synced to the laptop
 * and ticked off by the first visit report of that customer inside the campaign's period.
 * Results compare the two groups, so what the campaign changed can be told from what would
 * have happened anyway. The rules here are the ones head office and the laptop both apply.
 */
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { dayOfInstant } from '../../lib/calendar.js';
import { createPrng } from '../../lib/random.js';
import { averageCents, ratioBp } from '../figures/figures.js';

export const campaignChannels = ['visit', 'call'] as const;
export type CampaignChannel = (typeof campaignChannels)[number];

/** Where the targeted customers came from, kept with the campaign (shown on its page). */
export const campaignSources = ['segment', 'migration', 'list'] as const;
export type CampaignSource = (typeof campaignSources)[number];

export const MAX_CONTROL_PERCENT = 50;
export const MAX_CAMPAIGN_DAYS = 366;
export const MAX_CAMPAIGN_CUSTOMERS = 20_000;

/** What a manager types; head office re-checks everything (`campaignProblem`) before writing. */
export const campaignDraftSchema = z.object({
  /** Client-generated UUID v7: sending the same draft twice creates one campaign. */
  id: uuidSchema,
  name: z.string().trim().min(1).max(120),
  objective: z.string().trim().min(1).max(1_000),
  offer: z.string().trim().max(1_000),
  /** The product family the offer is on, if any. */
  family: z.string().trim().max(100).nullable(),
  /** The offer's discount in percent, if any (0 < d ≤ 100). */
  discountPercent: z.number().positive().max(100).nullable(),
  channel: z.enum(campaignChannels),
  from: isoDateSchema,
  to: isoDateSchema,
  /** The share of the targeted customers held out, in whole percent, 0 to 50. */
  controlPercent: z.number().int(),
  source: z.enum(campaignSources),
  /** The source in words at the time (for example "At risk → Lost, 1 Oct → 30 Nov"). */
  sourceLabel: z.string().trim().max(300),
  customerIds: z.array(uuidSchema).max(MAX_CAMPAIGN_CUSTOMERS),
});
export type CampaignDraft = z.infer<typeof campaignDraftSchema>;

export type CampaignProblem =
  | { key: 'campaign.noCustomer'; field: 'customerIds' }
  | { key: 'campaign.controlOutOfRange'; field: 'controlPercent'; max: number }
  | { key: 'campaign.periodReversed'; field: 'to' }
  | { key: 'campaign.periodOver'; field: 'to' }
  | { key: 'campaign.periodTooLong'; field: 'to'; days: number };

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** What is wrong with a draft, first problem first; null when head office may create it. */
export function campaignProblem(
  draft: Pick<CampaignDraft, 'customerIds' | 'controlPercent' | 'from' | 'to'>,
  today: string,
): CampaignProblem | null {
  if (draft.controlPercent < 0 || draft.controlPercent > MAX_CONTROL_PERCENT)
    return { key: 'campaign.controlOutOfRange', field: 'controlPercent', max: MAX_CONTROL_PERCENT };
  if (draft.to < draft.from) return { key: 'campaign.periodReversed', field: 'to' };
  if (draft.to < today) return { key: 'campaign.periodOver', field: 'to' };
  if (dayNumber(draft.to) - dayNumber(draft.from) + 1 > MAX_CAMPAIGN_DAYS)
    return { key: 'campaign.periodTooLong', field: 'to', days: MAX_CAMPAIGN_DAYS };
  if (new Set(draft.customerIds).size === 0) return { key: 'campaign.noCustomer', field: 'customerIds' };
  return null;
}

/** 32-bit FNV-1a of a string: the seed of a campaign's draw (its id). */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** How many of `n` customers are held out: `round(n × percent / 100)`, halves up. */
export function controlSize(n: number, percent: number): number {
  return Math.floor((n * percent + 50) / 100);
}

/**
 * The control group: `controlSize(n, percent)` customers drawn uniformly at random (a seeded
 * Fisher–Yates shuffle of the ids in sorted order), the same for the same ids and seed on any
 * machine. Returns the held-out ids.
 */
export function drawControlGroup(customerIds: readonly string[], percent: number, seed: string): Set<string> {
  const ids = [...new Set(customerIds)].sort();
  const random = createPrng(hash32(seed));
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const swap = ids[i] as string;
    ids[i] = ids[j] as string;
    ids[j] = swap;
  }
  return new Set(ids.slice(0, controlSize(ids.length, percent)));
}

/** A rep's task of a campaign as it syncs to the laptop (read-only there: head office ticks it). */
export const campaignTaskSchema = z.object({
  id: uuidSchema,
  campaignId: uuidSchema,
  customerId: uuidSchema,
  /** The customer's rep today (null if nobody holds the customer any more). */
  repId: uuidSchema.nullable(),
  channel: z.enum(campaignChannels),
  campaignName: z.string(),
  objective: z.string(),
  offer: z.string(),
  family: z.string().nullable(),
  discountPercent: z.number().nullable(),
  from: isoDateSchema,
  to: isoDateSchema,
  /** When the campaign was created: a visit before it does not tick the task. */
  createdAt: isoDateTimeSchema,
  status: z.enum(['open', 'done']),
  /** The visit report that ticked it off. */
  doneVisitId: uuidSchema.nullable(),
  version: z.number().int().nonnegative(),
});
export type CampaignTask = z.infer<typeof campaignTaskSchema>;

/**
 * Whether a visit report (in person or by phone) ticks a task off: the task's customer, held on
 * a day of the campaign's period (company time) and not before the campaign existed.
 */
export function visitTicksTask(
  task: Pick<CampaignTask, 'customerId' | 'from' | 'to' | 'createdAt'>,
  visit: { customerId: string; at: string },
  timeZone: string,
): boolean {
  if (visit.customerId !== task.customerId) return false;
  if (Date.parse(visit.at) < Date.parse(task.createdAt)) return false;
  const day = dayOfInstant(visit.at, timeZone);
  return day >= task.from && day <= task.to;
}

/** A task as the laptop shows it: done at head office, or by a report not synced yet. */
export function isTaskDone(
  task: CampaignTask,
  visitsOfCustomer: readonly { customerId: string; at: string }[],
  timeZone: string,
): boolean {
  return task.status === 'done' || visitsOfCustomer.some((v) => visitTicksTask(task, v, timeZone));
}

/** One targeted or held-out customer's activity over the campaign's counted days. */
export interface MemberActivity {
  visits: number;
  calls: number;
  orders: number;
  revenueCents: number;
  /** Ordered in the 365 days before the counted days. */
  orderedBefore: boolean;
}

export interface GroupFigures {
  customers: number;
  reached: number;
  visits: number;
  calls: number;
  orders: number;
  revenueCents: number;
  buyers: number;
  previousBuyers: number;
  repeatBuyers: number;
  averageTicketCents: number | null;
  reachedBp: number | null;
  buyersBp: number | null;
  repurchaseBp: number | null;
  revenuePerCustomerCents: number | null;
}

/** A group's figures from its members' activity; ratios in basis points, halves rounded up. */
export function groupFigures(members: readonly MemberActivity[]): GroupFigures {
  let reached = 0;
  let visits = 0;
  let calls = 0;
  let orders = 0;
  let revenueCents = 0;
  let buyers = 0;
  let previousBuyers = 0;
  let repeatBuyers = 0;
  for (const m of members) {
    if (m.visits + m.calls > 0) reached += 1;
    visits += m.visits;
    calls += m.calls;
    orders += m.orders;
    revenueCents += m.revenueCents;
    if (m.orders > 0) buyers += 1;
    if (m.orderedBefore) {
      previousBuyers += 1;
      if (m.orders > 0) repeatBuyers += 1;
    }
  }
  return {
    customers: members.length,
    reached,
    visits,
    calls,
    orders,
    revenueCents,
    buyers,
    previousBuyers,
    repeatBuyers,
    averageTicketCents: averageCents(revenueCents, orders),
    reachedBp: ratioBp(reached, members.length),
    buyersBp: ratioBp(buyers, members.length),
    repurchaseBp: ratioBp(repeatBuyers, previousBuyers),
    revenuePerCustomerCents: averageCents(revenueCents, members.length),
  };
}
