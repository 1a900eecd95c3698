/** The key figures of the customer 360 overview, from the customer's own orders. */
import type { Order } from '../../../shared/domain/order/order.js';
import {
  customerFigures,
  segmentTrend,
  type CustomerRfm,
  type RfmOrder,
  type RfmSegment,
  type SegmentTrend,
} from '../../../shared/domain/rfm/rfm.js';

export interface CustomerKeyFigures {
  lastOrderAt: string | null;
  ordersLast12Months: number;
  /** Revenue excluding tax over the last 12 months, cents. */
  revenueLast12MonthsCents: number;
  /** Revenue / orders over 12 months (ticket moyen), cents; null without orders. */
  averageTicketCents: number | null;
  daysSinceLastOrder: number | null;
  rhythmDays: number | null;
  /** More than twice the usual rhythm since the last order. */
  overdue: boolean;
}

export function keyFigures(
  customerId: string,
  orders: readonly Pick<Order, 'orderedAt' | 'totalExclCents' | 'status'>[],
  at: Date,
): CustomerKeyFigures {
  const rfmOrders: RfmOrder[] = orders.map((o) => ({
    customerId,
    orderedAt: o.orderedAt,
    totalExclCents: o.totalExclCents,
    status: o.status,
  }));
  const f = customerFigures(customerId, rfmOrders, at);
  return {
    lastOrderAt: f.lastOrderAt,
    ordersLast12Months: f.frequency,
    revenueLast12MonthsCents: f.monetaryCents,
    averageTicketCents: f.frequency > 0 ? Math.round(f.monetaryCents / f.frequency) : null,
    daysSinceLastOrder: f.recencyDays,
    rhythmDays: f.rhythmDays,
    overdue: f.overdue,
  };
}

/** Scores, segment and 6-month trend of one customer, read from the portfolio RFM. */
export interface KeyFiguresRfm {
  scores: { r: number; f: number; m: number } | null;
  segment: RfmSegment | null;
  pastSegment: RfmSegment | null;
  trend: SegmentTrend | null;
}

export function keyFiguresRfm(now: CustomerRfm | undefined, past: CustomerRfm | undefined): KeyFiguresRfm {
  const segment = now?.segment ?? null;
  const pastSegment = past?.segment ?? null;
  return { scores: now?.scores ?? null, segment, pastSegment, trend: segmentTrend(pastSegment, segment) };
}
