/**
 * "Where visits fail": for a set of visits, how they ended (order, follow-up, no sale by reason,
 * not met), at which step of the sales interview those without an order stopped, the objections
 * heard most and how often each was lifted, and each closing technique with how often it led to
 * an order. Pure: head office selects the visits of a period and scope, this counts them, once,
 * for the team, each rep and each product family alike.
 */
import type { NoSaleReason, VisitObjection, VisitStep } from '../activity/activity.js';
import { noSaleReasons, visitOutcomes, visitSteps } from '../activity/activity.js';

type VisitOutcome = (typeof visitOutcomes)[number];

export interface FailureVisit {
  repId: string;
  outcome: VisitOutcome;
  noSaleReason: NoSaleReason | null;
  reachedStep: VisitStep | null;
  closingId: string | null;
  closingName: string | null;
  families: readonly string[];
  objections: readonly VisitObjection[];
}

export interface FailureFigures {
  visits: number;
  outcomes: Record<VisitOutcome, number>;
  /** No-sale visits by reason; `unknown` for history without one. */
  noSaleReasons: Record<NoSaleReason | 'unknown', number>;
  /** Visits met without an order, by the furthest step reached; `unknown` for history without one. */
  stoppedAt: Record<VisitStep | 'unknown', number>;
  /** The objections heard most (up to 10), with how often each was lifted. */
  objections: { text: string; heard: number; lifted: number }[];
  /** Each closing technique used, with the visits where it led to an order, most used first. */
  closings: { id: string; name: string; used: number; withOrder: number }[];
}

export const TOP_OBJECTIONS = 10;

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The same objection however it was typed: case, accents, spaces and final punctuation aside. */
export function objectionKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?…]+$/u, '')
    .trim();
}

export function visitFailures(visits: readonly FailureVisit[]): FailureFigures {
  const outcomes = zeroes(visitOutcomes);
  const reasons = zeroes([...noSaleReasons, 'unknown'] as const);
  const stoppedAt = zeroes([...visitSteps, 'unknown'] as const);
  const objections = new Map<string, { text: string; heard: number; lifted: number }>();
  const closings = new Map<string, { id: string; name: string; used: number; withOrder: number }>();
  for (const v of visits) {
    outcomes[v.outcome] += 1;
    if (v.outcome === 'no-sale') reasons[v.noSaleReason ?? 'unknown'] += 1;
    if (v.outcome !== 'order' && v.outcome !== 'not-met') stoppedAt[v.reachedStep ?? 'unknown'] += 1;
    for (const o of v.objections) {
      const key = objectionKey(o.text);
      if (key === '') continue;
      const found = objections.get(key) ?? { text: o.text.trim(), heard: 0, lifted: 0 };
      found.heard += 1;
      if (o.lifted) found.lifted += 1;
      objections.set(key, found);
    }
    if (v.closingId !== null) {
      const found = closings.get(v.closingId) ?? {
        id: v.closingId,
        name: v.closingName ?? v.closingId,
        used: 0,
        withOrder: 0,
      };
      found.used += 1;
      if (v.outcome === 'order') found.withOrder += 1;
      closings.set(v.closingId, found);
    }
  }
  return {
    visits: visits.length,
    outcomes,
    noSaleReasons: reasons,
    stoppedAt,
    objections: [...objections.values()]
      .sort((a, b) => b.heard - a.heard || a.text.localeCompare(b.text))
      .slice(0, TOP_OBJECTIONS),
    closings: [...closings.values()].sort((a, b) => b.used - a.used || a.name.localeCompare(b.name)),
  };
}

function push<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [item]);
  else list.push(item);
}

/** The figures for everyone, per rep and per product family (a visit counts in each of its families). */
export function visitFailuresBy(visits: readonly FailureVisit[]): {
  team: FailureFigures;
  reps: Map<string, FailureFigures>;
  families: Map<string, FailureFigures>;
} {
  const byRep = new Map<string, FailureVisit[]>();
  const byFamily = new Map<string, FailureVisit[]>();
  for (const v of visits) {
    push(byRep, v.repId, v);
    for (const family of new Set(v.families)) push(byFamily, family, v);
  }
  const counted = (groups: Map<string, FailureVisit[]>) =>
    new Map([...groups].map(([key, list]) => [key, visitFailures(list)] as const));
  return { team: visitFailures(visits), reps: counted(byRep), families: counted(byFamily) };
}
