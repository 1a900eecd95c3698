/**
 * What each mark on the map means, under it: appointments (numbered discs), added visits
 * (numbered squares), suggestions (dashed rings), the start point, the route line and the
 * colours. Only the marks the map shows are explained.
 */
import { useT } from '../../i18n/useT.js';
import type { MapPoint } from './OfflineMap.js';

const swatch = {
  width: 18,
  height: 18,
  viewBox: '-9 -9 18 18',
  'aria-hidden': true,
  focusable: false,
} as const;

export function MapLegend({
  points,
  start,
  route,
}: {
  points: readonly MapPoint[];
  start: boolean;
  route: boolean;
}) {
  const t = useT();
  const stops = points.filter((p) => p.kind === 'stop');
  const appointments = stops.some((p) => p.fixed !== false);
  const added = stops.some((p) => p.fixed === false);
  const suggestions = points.some((p) => p.kind === 'suggestion');
  if (!appointments && !added && !suggestions && !start) return null;
  return (
    <ul className="map__legend" aria-label={t('map.legend.title')} data-testid="map-legend">
      {appointments ? (
        <li>
          <svg {...swatch} className="map__legend-swatch">
            <circle className="map__legend-stop" r={8} />
            <text className="map__legend-number" dy="0.35em">
              1
            </text>
          </svg>
          {t('map.legend.appointment')}
        </li>
      ) : null}
      {added ? (
        <li>
          <svg {...swatch} className="map__legend-swatch">
            <rect className="map__legend-stop" x={-7.5} y={-7.5} width={15} height={15} rx={2.5} />
            <text className="map__legend-number" dy="0.35em">
              2
            </text>
          </svg>
          {t('map.legend.added')}
        </li>
      ) : null}
      {suggestions ? (
        <li>
          <svg {...swatch} className="map__legend-swatch">
            <circle className="map__legend-suggestion" r={6} />
          </svg>
          {t('map.legend.suggestion')}
        </li>
      ) : null}
      {start ? (
        <li>
          <svg {...swatch} className="map__legend-swatch">
            <path className="map__legend-start" d="M0 -8 L8 -1 L5.5 -1 L5.5 7 L-5.5 7 L-5.5 -1 L-8 -1 Z" />
          </svg>
          {t('map.legend.start')}
        </li>
      ) : null}
      {route ? (
        <li>
          <svg {...swatch} className="map__legend-swatch">
            <path className="map__legend-route" d="M-8 4 L-2 -3 L3 2 L8 -5" />
          </svg>
          {t('map.legend.route')}
        </li>
      ) : null}
      {stops.length + (suggestions ? 1 : 0) > 0 ? (
        <li>
          <span className="map__legend-colours" aria-hidden="true">
            <span className="map__legend-colour map__legend-colour--champions" />
            <span className="map__legend-colour map__legend-colour--loyal" />
            <span className="map__legend-colour map__legend-colour--atRisk" />
            <span className="map__legend-colour" />
          </span>
          {t('map.legend.colour')}
        </li>
      ) : null}
    </ul>
  );
}
