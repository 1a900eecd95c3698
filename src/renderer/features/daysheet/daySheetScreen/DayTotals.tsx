/** The day's departure, return, distance, driving time, stops and lateness. */
import { useIntl } from 'react-intl';
import type { RoutePlan } from '../../../../shared/domain/route/route.js';
import { Msg } from '../../../i18n/Msg.js';
import { Badge } from '../../../ui/Badge.js';
import type { DayPlanReady } from '../../route/index.js';
import { useSheetFormat } from './useSheetFormat.js';

export function DayTotals({ plan, totals }: { plan: DayPlanReady; totals: RoutePlan }) {
  const intl = useIntl();
  const { time, km, minutes } = useSheetFormat();
  return (
    <dl className="daysheet__totals">
      <div>
        <dt>
          <Msg id="daysheet.departure" />
        </dt>
        <dd className="tabular">
          {time(totals.departureMs)}
          {plan.start ? <span className="muted"> — {plan.start.label}</span> : null}
        </dd>
      </div>
      <div>
        <dt>
          <Msg id="daysheet.return" />
        </dt>
        <dd className="tabular">{time(totals.returnMs)}</dd>
      </div>
      <div>
        <dt>
          <Msg id="daysheet.distance" />
        </dt>
        <dd className="tabular" data-total="km">
          {km(totals.totalKm)}
        </dd>
      </div>
      <div>
        <dt>
          <Msg id="daysheet.driving" />
        </dt>
        <dd className="tabular">{minutes(totals.drivingMinutes)}</dd>
      </div>
      <div>
        <dt>
          <Msg id="daysheet.stops" />
        </dt>
        <dd className="tabular">{intl.formatNumber(plan.stops.length)}</dd>
      </div>
      {totals.lateMinutes > 0 ? (
        <div>
          <dt>
            <Msg id="daysheet.late" />
          </dt>
          <dd>
            <Badge tone="danger">{minutes(totals.lateMinutes)}</Badge>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
