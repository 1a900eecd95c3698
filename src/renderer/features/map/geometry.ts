/**
 * The map's geometry, pure: a Lambert-93-like projection fitted once to metropolitan France
 * for the map's size (outlines are projected with it once), then a view transform
 * (screen = projected × k + [x, y]) for zoom and pan, so panning moves one SVG group instead
 * of re-projecting the outlines.
 */
import { geoConicConformal } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import type { LatLon } from '../../../shared/domain/geo/geo.js';

export type Point = readonly [number, number];

export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const identity: ViewTransform = { k: 1, x: 0, y: 0 };
/** From a little smaller than France to a few streets. */
export const MIN_ZOOM = 0.8;
export const MAX_ZOOM = 96;

/** Metropolitan France and Corsica, with the conic's bowed edges (lon, lat). */
const franceBounds: MultiPoint = {
  type: 'MultiPoint',
  coordinates: [
    [-4.8, 48.4],
    [-1.6, 49.7],
    [2.5, 51.1],
    [8.2, 49.0],
    [7.6, 47.6],
    [7.5, 43.8],
    [9.6, 43.0],
    [9.3, 41.4],
    [3.1, 42.4],
    [-1.8, 43.3],
    [-1.2, 46.2],
  ],
};

/**
 * Lambert conformal conic with France's official parallels (44° and 49° N, centred on 3° E),
 * the shape of Lambert-93, fitted to metropolitan France within the map's size.
 */
export function franceProjection({ width, height }: Size, padding = 16): GeoProjection {
  const w = Math.max(width, 2 * padding + 1);
  const h = Math.max(height, 2 * padding + 1);
  return geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [padding, padding],
        [w - padding, h - padding],
      ],
      franceBounds,
    );
}

/** Projects a point; null only for points the projection cannot place (never in Europe). */
export function project(projection: GeoProjection, p: LatLon): Point | null {
  const xy = projection([p.lon, p.lat]);
  return xy ? [xy[0], xy[1]] : null;
}

export function toScreen(t: ViewTransform, [px, py]: Point): Point {
  return [px * t.k + t.x, py * t.k + t.y];
}

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}

/** Zooms by `factor` keeping the screen point (cx, cy) still. */
export function zoomAt(t: ViewTransform, factor: number, cx: number, cy: number): ViewTransform {
  const k = clampZoom(t.k * factor);
  const ratio = k / t.k;
  return { k, x: cx - (cx - t.x) * ratio, y: cy - (cy - t.y) * ratio };
}

export function panBy(t: ViewTransform, dx: number, dy: number): ViewTransform {
  return { k: t.k, x: t.x + dx, y: t.y + dy };
}

/**
 * The transform that shows every projected point inside the viewport with `padding` around
 * them. A single point (or points very close together) is shown at `maxZoom` at most, so the
 * towns around stay visible; no point at all gives the identity (all of France).
 */
export function fitTransform(
  points: readonly Point[],
  { width, height }: Size,
  padding = 48,
  maxZoom = 24,
): ViewTransform {
  if (points.length === 0 || width <= 0 || height <= 0) return identity;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const pad = Math.min(padding, width / 4, height / 4);
  const spanX = x1 - x0;
  const spanY = y1 - y0;
  const kx = spanX > 0 ? (width - 2 * pad) / spanX : Infinity;
  const ky = spanY > 0 ? (height - 2 * pad) / spanY : Infinity;
  const k = Math.max(MIN_ZOOM, Math.min(kx, ky, maxZoom, MAX_ZOOM));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { k, x: width / 2 - cx * k, y: height / 2 - cy * k };
}

/** Linear interpolation between two views (the zoom animation when motion is allowed). */
export function interpolate(a: ViewTransform, b: ViewTransform, t: number): ViewTransform {
  // Interpolate the scale geometrically so zooming feels even.
  const k = a.k * (b.k / a.k) ** t;
  const s = b.k === a.k ? t : (k - a.k) / (b.k - a.k);
  return { k, x: a.x + (b.x - a.x) * s, y: a.y + (b.y - a.y) * s };
}

/** Km per screen pixel at the centre of the view (for the scale bar). */
export function kmPerPixel(projection: GeoProjection, t: ViewTransform, { width, height }: Size): number {
  const cx = (width / 2 - t.x) / t.k;
  const cy = (height / 2 - t.y) / t.k;
  const a = projection.invert?.([cx, cy]);
  const b = projection.invert?.([cx + 1, cy]);
  if (!a || !b) return 0;
  const rad = Math.PI / 180;
  const dLon = (b[0] - a[0]) * rad * Math.cos(a[1] * rad);
  const dLat = (b[1] - a[1]) * rad;
  return (6371.0088 * Math.hypot(dLon, dLat)) / t.k;
}

/** A round scale-bar length (1, 2, 5 × 10ⁿ km) of at most `maxPx` pixels. */
export function scaleBar(kmPerPx: number, maxPx = 120): { km: number; px: number } | null {
  if (!(kmPerPx > 0)) return null;
  const maxKm = kmPerPx * maxPx;
  const magnitude = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * magnitude).find((v) => v <= maxKm) ?? magnitude;
  return { km, px: km / kmPerPx };
}
