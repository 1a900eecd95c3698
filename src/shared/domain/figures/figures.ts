/**
 * The team review's figures: the periods compared and the ratios derived from counts. Head
 * office counts in SQL; the ratios are derived here, once, so every screen, export and test
 * reads the same rounding. Days are the company's calendar days (`COMPANY_TIME_ZONE`), both
 * ends included.
 */
import { addDays } from '../../lib/calendar.js';
import { BP_PER_UNIT, divideRoundHalfUp } from '../../lib/money.js';

export interface Period {
  from: string;
  to: string;
}

/** Number of days of a period, both ends included. */
export function periodDays(period: Period): number {
  return (
    Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) +
    1
  );
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** The same day a year before; 29 February becomes 28 February. */
export function yearBefore(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const monthDay = day.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** Two years and a day: enough for "this year against last year" in one period. */
export const MAX_PERIOD_DAYS = 731;

export type PeriodProblem =
  | { field: 'to'; key: 'figures.periodReversed' }
  | { field: 'to'; key: 'figures.dateInFuture'; date: string }
  | { field: 'from'; key: 'figures.periodTooLong'; days: number };

/** What is wrong with a period asked for on `today` (the company's day); null when it is fine. */
export function periodProblem(period: Period, today: string): PeriodProblem | null {
  if (period.to < period.from) return { field: 'to', key: 'figures.periodReversed' };
  if (period.to > today) return { field: 'to', key: 'figures.dateInFuture', date: period.to };
  if (periodDays(period) > MAX_PERIOD_DAYS) {
    return { field: 'from', key: 'figures.periodTooLong', days: MAX_PERIOD_DAYS };
  }
  return null;
}

export function yearBeforePeriod(period: Period): Period {
  return { from: yearBefore(period.from), to: yearBefore(period.to) };
}

/** The three periods the review compares: the chosen one, the one before, the same a year before. */
export function comparedPeriods(period: Period): { current: Period; previous: Period; yearBefore: Period } {
  return { current: period, previous: previousPeriod(period), yearBefore: yearBeforePeriod(period) };
}

/** What head office counts for one rep (or the team) over one period. */
export interface PeriodCounts {
  /** Visits on site (channel "visit"). */
  visits: number;
  /** Visits on site that ended in an order. */
  visitsWithOrder: number;
  /** Telephone contacts logged (channel "phone"). */
  calls: number;
  /** Orders that count (not drafts, not cancelled). */
  orders: number;
  revenueCents: number;
  /** Customers who ordered in the period before this one. */
  previousBuyers: number;
  /** …and ordered again in this one. */
  repeatBuyers: number;
  /** Customers whose first order ever falls in the period. */
  newCustomers: number;
  /** Ordered in the period before, not in this one, and past twice their own rhythm at its end. */
  lostCustomers: number;
  complaintsOpened: number;
  /** Complaints that first reached "resolved" or "closed" in the period. */
  complaintsClosed: number;
  /** Median hours from reception to resolution of the complaints closed in the period. */
  medianResolveHours: number | null;
}

export interface PeriodFigures extends PeriodCounts {
  /** Revenue / orders, rounded half up to the cent; null without orders. */
  averageTicketCents: number | null;
  /** Visits ending in an order / visits, in basis points; null without visits. */
  conversionBp: number | null;
  /** Repeat buyers / previous buyers, in basis points; null when nobody ordered before. */
  repurchaseBp: number | null;
}

export function emptyCounts(): PeriodCounts {
  return {
    visits: 0,
    visitsWithOrder: 0,
    calls: 0,
    orders: 0,
    revenueCents: 0,
    previousBuyers: 0,
    repeatBuyers: 0,
    newCustomers: 0,
    lostCustomers: 0,
    complaintsOpened: 0,
    complaintsClosed: 0,
    medianResolveHours: null,
  };
}

export function ratioBp(part: number, whole: number): number | null {
  return whole === 0 ? null : divideRoundHalfUp(part * BP_PER_UNIT, whole);
}

export function averageCents(total: number, count: number): number | null {
  if (count === 0) return null;
  return total >= 0 ? divideRoundHalfUp(total, count) : -divideRoundHalfUp(-total, count);
}

export function deriveFigures(counts: PeriodCounts): PeriodFigures {
  return {
    ...counts,
    averageTicketCents: averageCents(counts.revenueCents, counts.orders),
    conversionBp: ratioBp(counts.visitsWithOrder, counts.visits),
    repurchaseBp: ratioBp(counts.repeatBuyers, counts.previousBuyers),
  };
}
