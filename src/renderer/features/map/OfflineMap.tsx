/**
 * The offline map of France (d3-geo over bundled Natural Earth outlines, towns from GeoNames).
 * PLACEHOLDER until the map lands: it lists the points so the route screen can be built
 * against the final props.
 */
import type { LatLon } from '../../../shared/domain/geo/geo.js';
import type { RfmSegment } from '../../../shared/domain/rfm/rfm.js';

export interface MapPoint extends LatLon {
  id: string;
  /** Customer name: tooltip and the accessible list of points. */
  label: string;
  /** Colours the point (one colour per segment, tokens.css); null for prospects without orders. */
  segment: RfmSegment | null;
  /** 1-based stop number on the route, null when not on it (a suggestion). */
  routeNumber: number | null;
  kind: 'stop' | 'suggestion';
}

export interface OfflineMapProps {
  points: readonly MapPoint[];
  /** The route in driving order: the start point first and last, then every stop. */
  path: readonly LatLon[];
  start: (LatLon & { label: string }) | null;
  /** Accessible name of the map. */
  label: string;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
}

export function OfflineMap({ points, label }: OfflineMapProps) {
  return (
    <figure aria-label={label}>
      <ul>
        {points.map((p) => (
          <li key={p.id}>{p.label}</li>
        ))}
      </ul>
    </figure>
  );
}
