/** The day's kilometres, driving time, return time and waits, with a warning when a stop is late. */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { RoutePlan } from '../../../../shared/domain/route/route.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { formatClock } from '../../../i18n/format.js';
import { Banner } from '../../../ui/Banner.js';
import { formatDuration, formatKm } from './format.js';

function Figure({ label, testId, children }: { label: MessageKey; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>
        <Msg id={label} />
      </dt>
      <dd className="num" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function RouteTotals({ plan }: { plan: RoutePlan }) {
  const intl = useIntl();
  const id = useId();
  const lateCount = plan.stops.filter((s) => s.lateMinutes > 0.5).length;
  return (
    <section className="card route__totals" aria-labelledby={`${id}-totals`}>
      <Text as="h2" id={`${id}-totals`} className="visually-hidden" msg="route.totals" />
      <dl className="route__figures" data-testid="route-totals">
        <Figure label="route.totalKm" testId="route-total-km">
          {formatKm(intl, plan.totalKm)}
        </Figure>
        <Figure label="route.drivingTime">{formatDuration(intl, plan.drivingMinutes)}</Figure>
        <Figure label="route.returnAt">{formatClock(intl, plan.returnMs)}</Figure>
        {plan.waitMinutes >= 1 ? (
          <Figure label="route.waitTotal">{formatDuration(intl, plan.waitMinutes)}</Figure>
        ) : null}
      </dl>
      {lateCount > 0 ? (
        <Banner tone="warning">
          <Msg id="route.lateWarning" values={{ count: lateCount }} />
        </Banner>
      ) : null}
    </section>
  );
}
