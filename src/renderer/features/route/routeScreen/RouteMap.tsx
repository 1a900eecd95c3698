/** The offline map of the day: the stops in order, the path, and the suggestions. */
import { useIntl } from 'react-intl';
import type { MapPoint } from '../../map/index.js';
import { OfflineMap } from '../../map/index.js';
import type { DayPlanReady } from '../dayPlanModel.js';
import { nameOf } from './format.js';
import type { Suggested } from './useSuggestions.js';

export function RouteMap({ data, suggested }: { data: DayPlanReady; suggested: Suggested }) {
  const intl = useIntl();
  const { suggestions, gap } = suggested;
  const stops = data.stops.map((s, k): MapPoint => ({
    id: s.id,
    lat: s.position.lat,
    lon: s.position.lon,
    label: nameOf(s),
    segment: s.segment,
    routeNumber: k + 1,
    kind: 'stop',
    fixed: s.appointment !== null,
  }));
  // Without a start point the map still links the stops in their order.
  const path = (
    data.start
      ? [data.start, ...data.stops.map((s) => s.position), data.start]
      : data.stops.map((s) => s.position)
  ).map((p) => ({ lat: p.lat, lon: p.lon }));
  const all: MapPoint[] = [
    ...stops,
    ...(suggestions ?? []).map((s): MapPoint => {
      const c = gap?.candidates.find((x) => x.customerId === s.customerId);
      return {
        id: s.customerId,
        lat: c?.position.lat ?? 0,
        lon: c?.position.lon ?? 0,
        label: gap?.customers.get(s.customerId)?.name ?? s.customerId,
        segment: c?.segment ?? null,
        routeNumber: null,
        kind: 'suggestion',
      };
    }),
  ];
  return (
    <OfflineMap points={all} path={path} start={data.start} label={intl.formatMessage({ id: 'route.map' })} />
  );
}
