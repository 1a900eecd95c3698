/**
 * The offline map of France: country outlines bundled with the app (Natural Earth, d3-geo),
 * towns from GeoNames, the day's route numbered and its points coloured by RFM segment. No tile
 * server, no network. Opens on the day's area; zoom and pan by mouse (wheel, drag, double
 * click), by keyboard when focused (arrows, + / −, 0) and with the buttons. The list of points
 * under the map carries the same information for screen readers and keyboards.
 */
import { geoPath } from 'd3-geo';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import type { LatLon } from '../../../shared/domain/geo/geo.js';
import type { RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import { useT } from '../../i18n/useT.js';
import { IconButton } from '../../ui/IconButton.js';
import { segmentColours } from '../../ui/SegmentBadge.js';
import type { Point, Size, ViewTransform } from './geometry.js';
import {
  fitTransform,
  franceProjection,
  identity,
  interpolate,
  kmPerPixel,
  panBy,
  project,
  scaleBar,
  toScreen,
  zoomAt,
} from './geometry.js';
import type { Box, LabelCandidate } from './labels.js';
import { mapChromeBoxes, placeLabels } from './labels.js';
import { MapLegend } from './MapLegend.js';
import { labelTowns } from './towns.js';
import { useElementSize, useOutlines, usePrefersReducedMotion, useTownIndex } from './useMapData.js';

export interface MapPoint extends LatLon {
  id: string;
  /** Customer name: tooltip and the accessible list of points. */
  label: string;
  /** Colours the point (one colour per segment, tokens.css); null for prospects without orders. */
  segment: RfmSegment | null;
  /** 1-based stop number on the route, null when not on it (a suggestion). */
  routeNumber: number | null;
  kind: 'stop' | 'suggestion';
  /** A stop at a fixed time (an appointment: a disc); false for a visit the rep added (a square). */
  fixed?: boolean;
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

const FALLBACK_SIZE: Size = { width: 800, height: 520 };
const PAN_STEP = 80;
const ZOOM_STEP = 1.5;
const ANIMATION_MS = 220;
/** Marker radii (px): a stop's disc carries its number; hit areas are at least 24 px wide. */
const STOP_R = 11;
const SUGGESTION_R = 7;
const HIT_R = 14;

/** Stops in route order, then suggestions; the selected point is drawn last (on top). */
function drawingOrder(points: readonly MapPoint[]): MapPoint[] {
  const rank = (p: MapPoint) => (p.kind === 'stop' ? (p.routeNumber ?? 0) : -1);
  return [...points].sort((a, b) => rank(a) - rank(b));
}

function listOrder(points: readonly MapPoint[]): MapPoint[] {
  const rank = (p: MapPoint) => (p.kind === 'stop' && p.routeNumber !== null ? p.routeNumber : 10_000);
  return [...points].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
}

const segmentClass = (segment: RfmSegment | null) => `map__point--${segment ?? 'none'}`;

export function OfflineMap({ points, path, start, label, selectedId = null, onSelect }: OfflineMapProps) {
  const t = useT();
  const uid = useId();
  const instructionsId = `${uid}-instructions`;
  const viewportRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(viewportRef, FALLBACK_SIZE);
  const { width, height } = size;
  const reducedMotion = usePrefersReducedMotion();
  const outlines = useOutlines();
  const townIndex = useTownIndex();

  // Projected once per map size; panning and zooming only change the view transform.
  const projection = useMemo(() => franceProjection({ width, height }), [width, height]);
  const outlinePaths = useMemo(() => {
    if (outlines.status !== 'ready') return [];
    const toPath = geoPath(projection);
    return outlines.data.map((f) => ({
      id: f.properties.id,
      france: f.properties.france,
      d: toPath(f) ?? '',
    }));
  }, [outlines, projection]);

  const projected = useMemo(
    () =>
      drawingOrder(points)
        .map((point) => ({ point, xy: project(projection, point) }))
        .filter((p): p is { point: MapPoint; xy: Point } => p.xy !== null),
    [points, projection],
  );
  const projectedStart = useMemo(() => (start ? project(projection, start) : null), [start, projection]);
  const projectedPath = useMemo(
    () => path.map((p) => project(projection, p)).filter((p): p is Point => p !== null),
    [path, projection],
  );
  const labelSource = useMemo(() => {
    if (townIndex.status !== 'ready') return [];
    return labelTowns(townIndex.data.towns).flatMap((town) => {
      const xy = project(projection, town);
      return xy ? [{ name: town.name, population: town.population, xy }] : [];
    });
  }, [townIndex, projection]);

  // The day's area: every point and the start, with room around them.
  const home = useMemo(() => {
    const all = projected.map((p) => p.xy);
    if (projectedStart) all.push(projectedStart);
    return all.length === 0 ? identity : fitTransform(all, { width, height });
  }, [projected, projectedStart, width, height]);

  const [view, setView] = useState<ViewTransform>(home);
  const [shownHome, setShownHome] = useState(home);
  if (shownHome !== home) {
    // New day, new points or a new size: go back to the day's area.
    setShownHome(home);
    setView(home);
  }

  const viewRef = useRef(view);
  const animation = useRef<number | null>(null);
  useEffect(() => {
    viewRef.current = view;
  });
  useEffect(
    () => () => {
      if (animation.current !== null) cancelAnimationFrame(animation.current);
    },
    [],
  );

  const stopAnimation = () => {
    if (animation.current !== null) cancelAnimationFrame(animation.current);
    animation.current = null;
  };
  const moveTo = (target: ViewTransform) => {
    stopAnimation();
    if (reducedMotion) {
      setView(target);
      return;
    }
    const from = viewRef.current;
    let began: number | null = null;
    const step = (now: number) => {
      began ??= now;
      const progress = Math.min(1, (now - began) / ANIMATION_MS);
      const eased = 1 - (1 - progress) ** 3;
      setView(progress >= 1 ? target : interpolate(from, target, eased));
      animation.current = progress >= 1 ? null : requestAnimationFrame(step);
    };
    animation.current = requestAnimationFrame(step);
  };
  const zoomBy = (factor: number) => moveTo(zoomAt(viewRef.current, factor, width / 2, height / 2));

  // Wheel zoom around the pointer (a native listener: React's wheel listener is passive).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      stopAnimation();
      const rect = svg.getBoundingClientRect();
      const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
      const factor = Math.exp(-event.deltaY * lines * 0.0022);
      setView((v) => zoomAt(v, factor, event.clientX - rect.left, event.clientY - rect.top));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  // Drag to pan; the pointer is captured only once it has moved, so clicks reach the markers.
  const drag = useRef<{ id: number; x: number; y: number; moving: boolean } | null>(null);
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, moving: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moving) {
      if (Math.hypot(dx, dy) < 4) return;
      d.moving = true;
      stopAnimation();
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    d.x = event.clientX;
    d.y = event.clientY;
    setView((v) => panBy(v, dx, dy));
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d?.moving && event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    drag.current = null;
  };
  const onDoubleClick = (event: MouseEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    moveTo(
      zoomAt(
        viewRef.current,
        event.shiftKey ? 1 / 2 : 2,
        event.clientX - rect.left,
        event.clientY - rect.top,
      ),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? PAN_STEP * 3 : PAN_STEP;
    switch (event.key) {
      case 'ArrowLeft':
        moveTo(panBy(viewRef.current, step, 0));
        break;
      case 'ArrowRight':
        moveTo(panBy(viewRef.current, -step, 0));
        break;
      case 'ArrowUp':
        moveTo(panBy(viewRef.current, 0, step));
        break;
      case 'ArrowDown':
        moveTo(panBy(viewRef.current, 0, -step));
        break;
      case '+':
      case '=':
        zoomBy(ZOOM_STEP);
        break;
      case '-':
      case '_':
        zoomBy(1 / ZOOM_STEP);
        break;
      case '0':
        moveTo(home);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const select = (point: MapPoint, fromList: boolean) => {
    onSelect?.(point.id);
    if (!fromList) return;
    // From the list: bring the point into view when it is outside.
    const found = projected.find((p) => p.point.id === point.id);
    if (!found) return;
    const [sx, sy] = toScreen(viewRef.current, found.xy);
    const margin = 32;
    if (sx < margin || sy < margin || sx > width - margin || sy > height - margin)
      moveTo(panBy(viewRef.current, width / 2 - sx, height / 2 - sy));
  };

  // Screen positions of everything drawn at a constant size.
  const markers = projected.map((p) => ({ ...p, screen: toScreen(view, p.xy) }));
  const startScreen = projectedStart ? toScreen(view, projectedStart) : null;
  const routeScreen = projectedPath.map((p) => toScreen(view, p));
  const routeD = routeScreen
    .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`)
    .join('');

  const labels = useMemo(() => {
    // Markers with their selection ring, the start, the zoom buttons and the scale bar's strip.
    const obstacles: Box[] = markers.map(({ screen: [x, y], point }) => {
      const r = (point.kind === 'stop' ? STOP_R : SUGGESTION_R) + 5;
      return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
    });
    if (startScreen) {
      const [x, y] = startScreen;
      obstacles.push({ x0: x - 13, y0: y - 14, x1: x + 13, y1: y + 11 });
    }
    obstacles.push(...mapChromeBoxes({ width, height }));
    // Fewer, bigger towns when zoomed out; every town of 1,000+ once zoomed in.
    const minPopulation = 60_000 / (view.k * view.k);
    const candidates: LabelCandidate[] = [];
    for (const town of labelSource) {
      if (town.population < minPopulation || candidates.length >= 400) break;
      const at = toScreen(view, town.xy);
      if (at[0] < 0 || at[1] < 0 || at[0] > width || at[1] > height) continue;
      const city = town.population >= 100_000;
      candidates.push({
        key: `${town.name}@${town.xy.join(',')}`,
        text: town.name,
        at,
        fontSize: city ? 13 : 12,
      });
    }
    const maxLabels = Math.max(12, Math.min(80, Math.round((width * height) / 12_000)));
    // Off the route line when there is room elsewhere.
    return placeLabels(candidates, obstacles, { width, height }, { maxLabels, lines: [routeScreen] });
    // `markers`, `startScreen` and `routeScreen` derive from view and the projected points.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [labelSource, view, width, height, projected, projectedStart, projectedPath]);

  const scale = scaleBar(kmPerPixel(projection, view, size));
  const nearTown = useMemo(() => {
    const near = new Map<string, string>();
    if (townIndex.status === 'ready')
      for (const p of points) {
        const town = townIndex.data.nearest(p);
        if (town) near.set(p.id, town.name);
      }
    return near;
  }, [points, townIndex]);

  const markerName = (p: MapPoint) =>
    p.kind === 'stop' && p.routeNumber !== null
      ? t(p.fixed === false ? 'map.marker.added' : 'map.marker.stop', {
          number: p.routeNumber,
          label: p.label,
        })
      : t('map.marker.suggestion', { label: p.label });

  const status =
    outlines.status === 'loading'
      ? t('map.loading')
      : outlines.status === 'error'
        ? t('map.loadError')
        : points.length === 0 && !start
          ? t('map.empty')
          : null;

  return (
    <figure className="map" aria-labelledby={`${uid}-label`}>
      <figcaption id={`${uid}-label`} className="visually-hidden">
        {label}
      </figcaption>
      <p id={instructionsId} className="visually-hidden">
        {t('map.instructions')}
      </p>
      <div className="map__frame">
        {/* A focusable group with keys of its own: see the comment on tabIndex. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
        <div
          ref={viewportRef}
          className="map__viewport"
          role="group"
          aria-label={label}
          aria-describedby={instructionsId}
          // The map itself is focusable so the arrows, + / − and 0 work on it (described by
          // the instructions); the markers inside are buttons and the list below repeats them.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <svg
            ref={svgRef}
            className="map__svg"
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onDoubleClick={onDoubleClick}
            data-testid="map-svg"
          >
            <rect className="map__sea" width={width} height={height} />
            <g
              className="map__outlines"
              data-testid="map-outlines"
              transform={`translate(${view.x} ${view.y}) scale(${view.k})`}
              aria-hidden="true"
            >
              {outlinePaths.map((o) => (
                <path
                  key={o.id}
                  d={o.d}
                  className={o.france ? 'map__country map__country--france' : 'map__country'}
                />
              ))}
            </g>
            {routeD !== '' && (
              <g className="map__route" aria-hidden="true">
                <path className="map__route-casing" d={routeD} />
                <path className="map__route-line" d={routeD} />
              </g>
            )}
            {/* Over the route (with their halo), under the markers. */}
            <g className="map__towns" aria-hidden="true">
              {labels.map((l) => (
                <g key={l.key}>
                  <circle className="map__town-dot" cx={l.at[0]} cy={l.at[1]} r={2} />
                  <text
                    className={l.fontSize > 12 ? 'map__town map__town--city' : 'map__town'}
                    x={l.x}
                    y={l.y}
                    textAnchor={l.anchor}
                  >
                    {l.text}
                  </text>
                </g>
              ))}
            </g>
            {startScreen && start && (
              <g
                className="map__start"
                transform={`translate(${startScreen[0]} ${startScreen[1]})`}
                role="img"
                aria-label={t('map.marker.start', { label: start.label })}
              >
                <title>{t('map.marker.start', { label: start.label })}</title>
                <path d="M0 -11 L10 -2 L7 -2 L7 8 L-7 8 L-7 -2 L-10 -2 Z" />
                <rect x={-2} y={2} width={4} height={6} className="map__start-door" />
              </g>
            )}
            {markers.map(({ point, screen: [x, y] }) => {
              const isStop = point.kind === 'stop';
              const selected = point.id === selectedId;
              return (
                <g
                  key={point.id}
                  className={`map__point ${segmentClass(point.segment)} ${isStop ? 'map__point--stop' : 'map__point--suggestion'}${selected ? ' map__point--selected' : ''}`}
                  style={segmentColours(point.segment)}
                  transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
                  role="button"
                  tabIndex={0}
                  aria-label={markerName(point)}
                  aria-pressed={selected}
                  data-point-id={point.id}
                  onClick={() => select(point, false)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      event.stopPropagation();
                      select(point, false);
                    }
                  }}
                >
                  <title>{markerName(point)}</title>
                  <circle className="map__hit" r={HIT_R} />
                  {selected && <circle className="map__selection" r={(isStop ? STOP_R : SUGGESTION_R) + 5} />}
                  {isStop && point.fixed === false ? (
                    <rect
                      className="map__mark"
                      x={-STOP_R + 1}
                      y={-STOP_R + 1}
                      width={2 * STOP_R - 2}
                      height={2 * STOP_R - 2}
                      rx={3}
                    />
                  ) : (
                    <circle className="map__mark" r={isStop ? STOP_R : SUGGESTION_R} />
                  )}
                  {isStop && point.routeNumber !== null && (
                    <text className="map__number" dy="0.35em" aria-hidden="true">
                      {point.routeNumber}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        </div>
        <div className="map__controls">
          <IconButton label={t('map.zoomIn')} onPress={() => zoomBy(ZOOM_STEP)} className="map__control">
            <ZoomInIcon />
          </IconButton>
          <IconButton label={t('map.zoomOut')} onPress={() => zoomBy(1 / ZOOM_STEP)} className="map__control">
            <ZoomOutIcon />
          </IconButton>
          <IconButton
            label={points.length === 0 && !start ? t('map.resetFrance') : t('map.reset')}
            onPress={() => moveTo(home)}
            className="map__control"
          >
            <ResetIcon />
          </IconButton>
        </div>
        {status !== null && (
          <p className="map__status" role="status">
            {status}
          </p>
        )}
        <div className="map__footer">
          {scale && (
            <span className="map__scale" aria-hidden="true">
              <span className="map__scale-bar" style={{ width: `${Math.round(scale.px)}px` }} />
              {t('map.scale', { km: scale.km })}
            </span>
          )}
          <small className="map__attribution">{t('map.attribution')}</small>
        </div>
      </div>
      <MapLegend points={points} start={start !== null} route={routeD !== ''} />
      <details className="map__list">
        <summary>{t('map.list.summary', { count: points.length })}</summary>
        <ol>
          {start && (
            <li className="map__list-item map__list-item--start">
              <span className="map__list-badge map__list-badge--start" aria-hidden="true" />
              <span>
                <span className="map__list-kind">{t('map.list.start')}</span> {start.label}
              </span>
            </li>
          )}
          {listOrder(points).map((p) => {
            const town = nearTown.get(p.id);
            const isStop = p.kind === 'stop' && p.routeNumber !== null;
            return (
              <li key={p.id} className="map__list-item">
                <button
                  type="button"
                  className={`map__list-button${p.id === selectedId ? ' map__list-button--selected' : ''}`}
                  aria-pressed={p.id === selectedId}
                  onClick={() => select(p, true)}
                >
                  <span
                    className={`map__list-badge ${segmentClass(p.segment)} ${isStop ? 'map__list-badge--stop' : 'map__list-badge--suggestion'}${isStop && p.fixed === false ? ' map__list-badge--added' : ''}`}
                    style={segmentColours(p.segment)}
                    aria-hidden="true"
                  >
                    {isStop ? p.routeNumber : null}
                  </span>
                  <span className="map__list-kind">
                    {isStop ? t('map.list.stop', { number: p.routeNumber }) : t('map.list.suggestion')}
                  </span>
                  <span className="map__list-name">{p.label}</span>
                  {town !== undefined && (
                    <span className="map__list-town">{t('map.list.near', { town })}</span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      </details>
    </figure>
  );
}

const iconProps = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

function ZoomInIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

function ZoomOutIcon() {
  return (
    <svg {...iconProps}>
      <path d="M3 8h10" />
    </svg>
  );
}

function ResetIcon() {
  return (
    <svg {...iconProps}>
      <circle cx="8" cy="8" r="4.5" />
      <path d="M8 1v3M8 12v3M1 8h3M12 8h3" />
    </svg>
  );
}
