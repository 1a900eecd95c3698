/**
 * "Visits": the team's visit reports at head office, newest first — who saw whom, the outcome
 * (with the no-sale reason), the next step agreed and the summary — filtered by rep and outcome.
 * Read only.
 */
import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { visitOutcomes } from '../../../shared/domain/activity/activity.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { formatClock } from '../../i18n/format.js';
import { Badge } from '../../ui/Badge.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import { NotLoaded, RepFilter } from './parts.js';

const RECENT = 300;
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

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;

  return (
    <div className="review__panel">
      <div className="review__filters">
        <RepFilter id={`${id}-rep`} value={repFilter} onChange={setRepFilter} items={all} />
        <label className="field" htmlFor={`${id}-outcome`}>
          <span className="field__label">
            <Msg id="review.visits.filter.outcome" />
          </span>
          <select
            id={`${id}-outcome`}
            className="input"
            value={outcomeFilter}
            onChange={(e) => setOutcomeFilter(visitOutcomes.find((o) => o === e.target.value) ?? '')}
          >
            <option value="">{intl.formatMessage({ id: 'review.visits.filter.allOutcomes' })}</option>
            {visitOutcomes.map((o) => (
              <option key={o} value={o}>
                {intl.formatMessage({ id: `visitOutcome.${o}` })}
              </option>
            ))}
          </select>
        </label>
        <p className="page__count muted">
          <Msg id="review.visits.count" values={{ count: shown.length }} />
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={<Msg id={all.length === 0 ? 'review.visits.empty' : 'review.visits.noMatch'} />} />
      ) : (
        <div className="table-scroll review__scroll">
          <table
            className="table review__table"
            aria-label={intl.formatMessage({ id: 'review.visits.caption' })}
          >
            <thead>
              <tr>
                <th scope="col">
                  <Msg id="review.col.date" />
                </th>
                <th scope="col">
                  <Msg id="orders.customer" />
                </th>
                <th scope="col">
                  <Msg id="review.col.rep" />
                </th>
                <th scope="col">
                  <Msg id="review.visits.col.outcome" />
                </th>
                <th scope="col" className="review__wide">
                  <Msg id="review.visits.col.nextStep" />
                </th>
                <th scope="col" className="review__wide">
                  <Msg id="review.visits.col.summary" />
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((v) => (
                <tr key={v.id}>
                  <td className="review__cell--wrap">
                    {intl.formatDate(v.at, { dateStyle: 'medium' })}{' '}
                    <span className="muted">{formatClock(intl, v.at)}</span>
                  </td>
                  <td className="review__cell--wrap">{v.customerName}</td>
                  <td>{v.repName}</td>
                  <td className="review__cell--wrap">
                    <Badge tone={outcomeTone[v.outcome]}>
                      <Msg id={`visitOutcome.${v.outcome}`} />
                    </Badge>
                    {v.noSaleReason !== null ? (
                      <span className="muted">
                        {' '}
                        <Msg id={`visit.report.reason.${v.noSaleReason}`} />
                      </span>
                    ) : null}
                  </td>
                  <td className="review__wide review__cell--wrap">{v.nextStep}</td>
                  <td className="review__wide review__cell--wrap">{v.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
