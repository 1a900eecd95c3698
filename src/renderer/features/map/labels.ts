/**
 * Town labels that don't overlap: towns in view, most populous first, each placed at the first
 * free spot among right / left / above / below its dot, skipping it when none is free (greedy
 * placement, as most map renderers do). Zooming in spreads the towns apart, so more fit.
 * Markers and the map's own controls (zoom buttons, scale bar) are never covered; the route
 * line is kept clear when another spot is free.
 */
import type { Point, Size } from './geometry.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelCandidate {
  key: string;
  text: string;
  /** Screen position of the town. */
  at: Point;
  /** Font size in px (the options' size by default). */
  fontSize?: number;
}

export interface PlacedLabel {
  key: string;
  text: string;
  at: Point;
  /** Where the text goes (its anchor) and how it is anchored. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  fontSize: number;
  box: Box;
}

export interface LabelOptions {
  fontSize?: number;
  /** Average glyph width as a share of the font size (sans-serif ≈ 0.55–0.6). */
  charWidth?: number;
  /** Free space kept around each label. */
  margin?: number;
  maxLabels?: number;
  /**
   * Lines to keep clear when possible (the route, in screen points): a spot crossing one is
   * taken only when no spot is free of them.
   */
  lines?: readonly (readonly Point[])[];
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Whether the segment a–b crosses or touches the box (Liang–Barsky clipping). */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  const [x0, y0] = a;
  const dx = b[0] - x0;
  const dy = b[1] - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0 - box.x0],
    [dx, box.x1 - x0],
    [-dy, y0 - box.y0],
    [dy, box.y1 - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function crossesLines(box: Box, lines: readonly (readonly Point[])[]): boolean {
  return lines.some((line) => line.some((p, i) => i > 0 && segmentHitsBox(line[i - 1]!, p, box)));
}

function inside(box: Box, { width, height }: Size): boolean {
  return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= width && box.y1 <= height;
}

/**
 * Places labels in the order given (most important first), avoiding `obstacles` (markers)
 * and each other, within the viewport.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly Box[],
  viewport: Size,
  { fontSize = 12, charWidth = 0.62, margin = 5, maxLabels = 60, lines = [] }: LabelOptions = {},
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const taken: Box[] = [...obstacles];
  const gap = 5;
  for (const candidate of candidates) {
    if (placed.length >= maxLabels) break;
    const size = candidate.fontSize ?? fontSize;
    const h = size;
    const w = candidate.text.length * size * charWidth;
    const [px, py] = candidate.at;
    const right = (g: number, dy: number) => ({
      x: px + g,
      y: py + dy + h * 0.35,
      anchor: 'start' as const,
      box: { x0: px + g, y0: py + dy - h / 2, x1: px + g + w, y1: py + dy + h / 2 },
    });
    const left = (g: number, dy: number) => ({
      x: px - g,
      y: py + dy + h * 0.35,
      anchor: 'end' as const,
      box: { x0: px - g - w, y0: py + dy - h / 2, x1: px - g, y1: py + dy + h / 2 },
    });
    const centred = (dy: number) => ({
      x: px,
      y: py + dy + h * 0.35,
      anchor: 'middle' as const,
      box: { x0: px - w / 2, y0: py + dy - h / 2, x1: px + w / 2, y1: py + dy + h / 2 },
    });
    // Beside the dot first, then above / below, diagonally, then a little further away.
    const options = [
      right(gap, 0),
      left(gap, 0),
      centred(-gap - h / 2),
      centred(gap + h / 2),
      right(gap, -h),
      right(gap, h),
      left(gap, -h),
      left(gap, h),
      right(3 * gap, 0),
      left(3 * gap, 0),
      centred(-3 * gap - h / 2),
      centred(3 * gap + h / 2),
    ];
    // The town's dot may sit under a marker (a customer in town): only other labels hide it.
    const dot: Box = { x0: px - 2, y0: py - 2, x1: px + 2, y1: py + 2 };
    if (taken.slice(obstacles.length).some((b) => overlaps(b, dot))) continue;
    let fallback: { option: (typeof options)[number]; padded: Box } | null = null;
    let chosen: { option: (typeof options)[number]; padded: Box } | null = null;
    for (const option of options) {
      const padded: Box = {
        x0: option.box.x0 - margin,
        y0: option.box.y0 - margin,
        x1: option.box.x1 + margin,
        y1: option.box.y1 + margin,
      };
      if (!inside(option.box, viewport) || taken.some((b) => overlaps(b, padded))) continue;
      if (lines.length > 0 && crossesLines(option.box, lines)) {
        fallback ??= { option, padded };
        continue;
      }
      chosen = { option, padded };
      break;
    }
    const pick = chosen ?? fallback;
    if (pick) {
      placed.push({
        key: candidate.key,
        text: candidate.text,
        at: candidate.at,
        fontSize: size,
        ...pick.option,
      });
      taken.push(pick.padded, dot);
    }
  }
  return placed;
}

/** The map's own controls, drawn over it: the zoom buttons (top right) and the footer strip. */
export const MAP_CONTROLS = { width: 48, height: 120 } as const;
export const MAP_FOOTER_HEIGHT = 28;

/** Where the zoom buttons and the footer (scale bar, attribution) sit: no town label there. */
export function mapChromeBoxes({ width, height }: Size): Box[] {
  return [
    { x0: width - MAP_CONTROLS.width, y0: 0, x1: width, y1: MAP_CONTROLS.height },
    { x0: 0, y0: height - MAP_FOOTER_HEIGHT, x1: width, y1: height },
  ];
}
