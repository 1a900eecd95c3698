/** The day's departure, return, distance, driving time, stops and lateness. */
import { useIntl } from 'react-intl';
import type { RoutePlan } from '../../../../shared/domain/route/route.js';
import { Text } from '../../../i18n/Msg.js';
import { Badge } from '../../../ui/Badge.js';
import type { DayPlanReady } from '../../route/index.js';
import { useSheetFormat } from './useSheetFormat.js';

export function DayTotals({ plan, totals }: { plan: DayPlanReady; totals: RoutePlan }) {
  const intl = useIntl();
  const { time, km, minutes } = useSheetFormat();
  return (
    <dl className="daysheet__totals">
      <div>
        <Text as="dt" msg="daysheet.departure" />
        <dd className="tabular">
          {time(totals.departureMs)}
          {plan.start ? <span className="muted"> — {plan.start.label}</span> : null}
        </dd>
      </div>
      <div>
        <Text as="dt" msg="daysheet.return" />
        <dd className="tabular">{time(totals.returnMs)}</dd>
      </div>
      <div>
        <Text as="dt" msg="daysheet.distance" />
        <dd className="tabular" data-total="km">
          {km(totals.totalKm)}
        </dd>
      </div>
      <div>
        <Text as="dt" msg="daysheet.driving" />
        <dd className="tabular">{minutes(totals.drivingMinutes)}</dd>
      </div>
      <div>
        <Text as="dt" msg="daysheet.stops" />
        <dd className="tabular">{intl.formatNumber(plan.stops.length)}</dd>
      </div>
      {totals.lateMinutes > 0 ? (
        <div>
          <Text as="dt" msg="daysheet.late" />
          <dd>
            <Badge tone="danger">{minutes(totals.lateMinutes)}</Badge>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
