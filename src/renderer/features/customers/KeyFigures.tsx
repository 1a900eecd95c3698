/**
 * The customer's key figures, one component for the 360 overview (`record`) and the visit brief
 * (`brief`): the same rows and markers (`data-figure`), each view with its order and wording.
 */
import type { ReactNode } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import { missingCaseError } from '../../../shared/lib/result.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import { NotSet } from './c360/Declarative.js';
import { formatMoney } from '../../i18n/format.js';
import type { CustomerKeyFigures, KeyFiguresRfm } from './keyFigures.js';

export type KeyFiguresView = 'record' | 'brief';

export type KeyFiguresValues = Omit<CustomerKeyFigures, 'averageTicketCents'> & {
  averageTicketCents?: number | null;
  /** The brief's "late by" badge: days since the last order beyond the rhythm. */
  lateByDays?: number | null;
};

const words = {
  record: {
    rfm: 'c360.rfm',
    rfmScores: 'c360.rfmScores',
    rfmNone: 'c360.rfmNone',
    computing: 'c360.rfmComputing',
    trend: 'c360.trend',
    lastOrder: 'c360.lastOrder',
    noOrder: 'c360.noOrder',
    orders12: 'c360.orders12',
    revenue12: 'c360.revenue12',
  },
  brief: {
    rfm: 'brief.rfm',
    rfmScores: 'brief.rfmScores',
    rfmNone: 'brief.rfmNone',
    computing: 'brief.computing',
    trend: 'brief.trend',
    lastOrder: 'brief.lastOrder',
    noOrder: 'brief.noOrder',
    orders12: 'brief.orders12',
    revenue12: 'brief.revenue12',
  },
} as const satisfies Record<KeyFiguresView, Record<string, MessageKey>>;

function Row({
  label,
  figure,
  className,
  children,
}: {
  label: MessageKey;
  figure: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="props__row">
      <dt>
        <Msg id={label} />
      </dt>
      <dd className={className} data-figure={figure}>
        {children}
      </dd>
    </div>
  );
}

export function KeyFigures({
  view,
  figures: f,
  rfm,
}: {
  view: KeyFiguresView;
  figures: KeyFiguresValues;
  /** `undefined` while the portfolio RFM is computed. */
  rfm: KeyFiguresRfm | undefined;
}) {
  const intl = useIntl();
  const w = words[view];
  const trendKey = view === 'record' ? 'c360.trend' : 'brief.trend';

  const rfmRow = (
    <Row label={w.rfm} figure="rfm">
      {rfm === undefined ? (
        <span className="muted">
          <Msg id={w.computing} />
        </span>
      ) : rfm.scores && rfm.segment ? (
        <>
          <span className="tabular">
            <Msg id={w.rfmScores} values={rfm.scores} />
          </span>{' '}
          <SegmentBadge segment={rfm.segment}>
            <Msg id={`segment.${rfm.segment}`} />
          </SegmentBadge>
        </>
      ) : (
        <Msg id={w.rfmNone} />
      )}
    </Row>
  );
  const trendRow = rfm?.trend ? (
    <Row label={w.trend} figure="trend">
      {rfm.trend === 'new' || !rfm.pastSegment ? (
        <Msg id={`${trendKey}.new`} />
      ) : (
        <Msg
          id={`${trendKey}.${rfm.trend}`}
          values={{ segment: intl.formatMessage({ id: `segment.${rfm.pastSegment}` }) }}
        />
      )}
    </Row>
  ) : null;
  const orders12 = (
    <Row label={w.orders12} figure="orders-12" className="tabular num">
      {intl.formatNumber(f.ordersLast12Months)}
    </Row>
  );
  const revenue12 = (
    <Row label={w.revenue12} figure="revenue-12" className="tabular num">
      {formatMoney(intl, f.revenueLast12MonthsCents)}
    </Row>
  );

  switch (view) {
    case 'record':
      return (
        <dl className="props figures">
          <Row label={w.lastOrder} figure="last-order">
            {f.lastOrderAt ? (
              <FormattedDate value={f.lastOrderAt} dateStyle="medium" />
            ) : (
              <Msg id={w.noOrder} />
            )}
          </Row>
          {orders12}
          {revenue12}
          <Row label="c360.averageTicket" figure="average-ticket" className="tabular num">
            {f.averageTicketCents === null || f.averageTicketCents === undefined ? (
              <NotSet />
            ) : (
              formatMoney(intl, f.averageTicketCents)
            )}
          </Row>
          <Row label="c360.sinceLastOrder" figure="rhythm" className="tabular">
            {f.daysSinceLastOrder === null ? (
              <NotSet />
            ) : f.rhythmDays === null ? (
              <Msg id="c360.days" values={{ days: f.daysSinceLastOrder }} />
            ) : (
              <Msg id="c360.daysVsRhythm" values={{ days: f.daysSinceLastOrder, rhythm: f.rhythmDays }} />
            )}
            {f.overdue ? (
              <>
                {' '}
                <Badge tone="warning">
                  <Msg id="c360.overdue" />
                </Badge>
              </>
            ) : null}
          </Row>
          {rfmRow}
          {trendRow}
        </dl>
      );
    case 'brief':
      return (
        <dl className="props brief__figures">
          {rfmRow}
          {trendRow}
          <Row label={w.lastOrder} figure="rhythm">
            {f.lastOrderAt === null || f.daysSinceLastOrder === null ? (
              <Msg id={w.noOrder} />
            ) : (
              <>
                <FormattedDate value={f.lastOrderAt} dateStyle="medium" />
                {' — '}
                {f.rhythmDays === null ? (
                  <Msg id="brief.daysSince" values={{ days: f.daysSinceLastOrder }} />
                ) : (
                  <Msg
                    id="brief.daysVsRhythm"
                    values={{ days: f.daysSinceLastOrder, rhythm: f.rhythmDays }}
                  />
                )}
                {f.lateByDays ? (
                  <>
                    {' '}
                    <Badge tone={f.overdue ? 'danger' : 'warning'}>
                      <Msg id="brief.lateBy" values={{ days: f.lateByDays }} />
                    </Badge>
                  </>
                ) : null}
              </>
            )}
          </Row>
          {orders12}
          {revenue12}
        </dl>
      );
    default:
      return missingCaseError(view);
  }
}
