/**
 * "Visits": the team's visit reports at head office, newest first — who saw whom, the outcome
 * (with the no-sale reason), the next step agreed and the summary — filtered by rep and outcome.
 * Read only.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { VisitReview } from '../../../shared/contract/visits.js';
import { visitOutcomes } from '../../../shared/domain/activity/activity.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { DateAndClock, FilterSelect, NotLoaded, RepFilter, ReviewFilters, ReviewTable } from './parts.js';

const RECENT = 300;
const column = createColumnHelper<VisitReview>();
const wrap = { className: 'review__cell--wrap' };
const wide = { className: 'review__wide review__cell--wrap', headerClassName: 'review__wide' };
type OutcomeFilter = '' | (typeof visitOutcomes)[number];

const outcomeTone = {
  order: 'success',
  'follow-up': 'info',
  'no-sale': 'warning',
  'not-met': 'neutral',
} as const;

export function VisitsPanel({ online }: { online: boolean }) {
  const { platform } = useApp();
  const intl = useIntl();
  const id = useId();
  const { loaded, reload } = useHeadOfficeQuery(
    platform,
    'visit-list',
    { reported: true, limit: RECENT },
    online,
  );
  const [repFilter, setRepFilter] = useState('');
  const [outcomeFilter, setOutcomeFilter] = useState<OutcomeFilter>('');
  const all = useMemo(() => (loaded.state === 'ready' ? loaded.value.visits : []), [loaded]);
  const shown = all.filter(
    (v) =>
      (repFilter === '' || v.repId === repFilter) && (outcomeFilter === '' || v.outcome === outcomeFilter),
  );

  const columns = [
    column.accessor('at', {
      header: () => <Msg id="review.col.date" />,
      cell: (info) => <DateAndClock at={info.getValue()} />,
      meta: wrap,
    }),
    column.accessor('customerName', { header: () => <Msg id="orders.customer" />, meta: wrap }),
    column.accessor('repName', { header: () => <Msg id="review.col.rep" /> }),
    column.accessor('outcome', {
      header: () => <Msg id="review.visits.col.outcome" />,
      cell: (info) => {
        const v = info.row.original;
        return (
          <>
            <Badge tone={outcomeTone[v.outcome]}>
              <Msg id={`visitOutcome.${v.outcome}`} />
            </Badge>
            {v.noSaleReason !== null ? (
              <span className="muted">
                {' '}
                <Msg id={`visit.report.reason.${v.noSaleReason}`} />
              </span>
            ) : null}
          </>
        );
      },
      meta: wrap,
    }),
    column.accessor('nextStep', { header: () => <Msg id="review.visits.col.nextStep" />, meta: wide }),
    column.accessor('summary', { header: () => <Msg id="review.visits.col.summary" />, meta: wide }),
  ];

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;

  return (
    <div className="review__panel">
      <ReviewFilters count={<Msg id="review.visits.count" values={{ count: shown.length }} />}>
        <RepFilter id={`${id}-rep`} value={repFilter} onChange={setRepFilter} items={all} />
        <FilterSelect<OutcomeFilter>
          id={`${id}-outcome`}
          label={<Msg id="review.visits.filter.outcome" />}
          value={outcomeFilter}
          onChange={setOutcomeFilter}
          options={[
            { value: '', label: intl.formatMessage({ id: 'review.visits.filter.allOutcomes' }) },
            ...visitOutcomes.map((o) => ({
              value: o,
              label: intl.formatMessage({ id: `visitOutcome.${o}` }),
            })),
          ]}
        />
      </ReviewFilters>
      <ReviewTable
        data={shown}
        columns={columns}
        getRowId={(v) => v.id}
        caption="review.visits.caption"
        emptyTitle={<Msg id={all.length === 0 ? 'review.visits.empty' : 'review.visits.noMatch'} />}
      />
    </div>
  );
}
