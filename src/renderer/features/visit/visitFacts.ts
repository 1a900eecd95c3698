/**
 * What the visit did besides the interview, worded for its report: the orders taken from it and
 * the complaints logged for the customer since it started (from the visit's header or the
 * customer's page, on this laptop).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { VisitDraft, VisitFacts } from '../../../shared/domain/visit/index.js';
import { useApp } from '../../app/context.js';
import { formatMoney } from '../../i18n/format.js';
import { complaintCategoryLabel } from '../complaints/index.js';

/** The visit's orders and complaints as summary sentences; undefined while loading. */
export function useVisitFacts(
  draft: Pick<VisitDraft, 'customerId' | 'startedAt' | 'orderIds'>,
): VisitFacts | undefined {
  const { db } = useApp();
  const intl = useIntl();
  const { customerId, startedAt, orderIds } = draft;
  const rows = useLiveQuery(async () => {
    const [orders, complaints] = await Promise.all([
      db.orders.bulkGet([...orderIds]),
      db.complaints
        .where('customerId')
        .equals(customerId)
        .filter((c) => Date.parse(c.createdAt) >= Date.parse(startedAt))
        .toArray(),
    ]);
    complaints.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { orders: orders.flatMap((o) => (o ? [o] : [])), complaints };
  }, [db, customerId, startedAt, orderIds]);
  return useMemo(() => {
    if (rows === undefined) return undefined;
    return {
      orders: rows.orders.map((o) => {
        const values = {
          number: o.number,
          total: formatMoney(intl, o.totalExclCents),
          lines: o.lines.length,
        };
        return o.number === ''
          ? intl.formatMessage({ id: 'visit.report.summaryOrder' }, values)
          : intl.formatMessage({ id: 'visit.report.summaryOrderNumbered' }, values);
      }),
      complaints: rows.complaints.map((c) =>
        intl.formatMessage(
          { id: 'visit.report.summaryComplaint' },
          { category: complaintCategoryLabel(intl, c.category) },
        ),
      ),
    };
  }, [rows, intl]);
}
