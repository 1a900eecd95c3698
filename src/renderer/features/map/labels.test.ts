import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapChromeBoxes, overlaps, placeLabels, segmentHitsBox } from './labels.js';
import type { Box, LabelCandidate } from './labels.js';

const viewport = { width: 400, height: 300 };

describe('placeLabels', () => {
  it('places the most important towns first and drops those with no free spot', () => {
    const candidates: LabelCandidate[] = [
      { key: 'a', text: 'Grenoble', at: [200, 150] },
      { key: 'b', text: 'Échirolles', at: [202, 151] }, // on top of Grenoble
      { key: 'c', text: 'Voiron', at: [60, 60] },
    ];
    const placed = placeLabels(candidates, [], viewport);
    expect(placed.map((l) => l.key)).toEqual(['a', 'c']);
    expect(placed[0]).toMatchObject({ anchor: 'start', x: 205 });
  });

  it('moves a label away from markers, or drops it', () => {
    const marker: Box = { x0: 200, y0: 140, x1: 260, y1: 160 }; // right of the town
    const [label] = placeLabels([{ key: 'a', text: 'Lyon', at: [195, 150] }], [marker], viewport);
    expect(label).toBeDefined();
    expect(overlaps(label!.box, marker)).toBe(false);
  });

  it('keeps labels inside the viewport and respects the maximum', () => {
    const placed = placeLabels([{ key: 'edge', text: 'Saint-Martin-d’Hères', at: [395, 5] }], [], viewport);
    for (const l of placed) {
      expect(l.box.x0).toBeGreaterThanOrEqual(0);
      expect(l.box.x1).toBeLessThanOrEqual(viewport.width);
      expect(l.box.y0).toBeGreaterThanOrEqual(0);
    }
    const many = Array.from({ length: 50 }, (_, i) => ({
      key: String(i),
      text: 'X',
      at: [(i % 10) * 40 + 5, Math.floor(i / 10) * 60 + 20] as const,
    }));
    expect(placeLabels(many, [], viewport, { maxLabels: 7 })).toHaveLength(7);
  });

  it('never lets two labels or a label and a marker overlap (property)', () => {
    const point = fc.tuple(
      fc.double({ min: 0, max: 400, noNaN: true }),
      fc.double({ min: 0, max: 300, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.string({ minLength: 1, maxLength: 20 })), { maxLength: 60 }),
        fc.array(point, { maxLength: 8 }),
        (towns, markers) => {
          const obstacles = markers.map(([x, y]) => ({ x0: x - 12, y0: y - 12, x1: x + 12, y1: y + 12 }));
          const placed = placeLabels(
            towns.map(([at, text], i) => ({ key: String(i), text, at })),
            obstacles,
            viewport,
          );
          for (const [i, a] of placed.entries()) {
            for (const o of obstacles) expect(overlaps(a.box, o)).toBe(false);
            for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
          }
        },
      ),
    );
  });

  it('keeps town labels off the zoom buttons and the scale bar, moving them or dropping them', () => {
    const chrome = mapChromeBoxes(viewport);
    // A town just above the footer strip (scale bar): its label goes above the dot, not on the bar.
    const [low] = placeLabels([{ key: 'low', text: 'Vienne', at: [30, 268] }], chrome, viewport);
    expect(low).toBeDefined();
    for (const box of chrome) expect(overlaps(low!.box, box)).toBe(false);
    expect(low!.box.y1).toBeLessThanOrEqual(viewport.height - 28);
    // Just left of the zoom buttons: placed on the dot's left rather than under the buttons.
    const [corner] = placeLabels([{ key: 'corner', text: 'Lyon', at: [335, 40] }], chrome, viewport);
    expect(corner).toMatchObject({ anchor: 'end' });
    expect(corner!.box.x1).toBeLessThanOrEqual(viewport.width - 48);
    // Inside the footer itself: no room, no label.
    expect(placeLabels([{ key: 'in', text: 'Givors', at: [200, 292] }], chrome, viewport)).toEqual([]);
  });

  it('never puts a label on a marker, the controls or the footer (property)', () => {
    const point = fc.tuple(
      fc.double({ min: 0, max: 400, noNaN: true }),
      fc.double({ min: 0, max: 300, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.string({ minLength: 1, maxLength: 20 })), { maxLength: 40 }),
        fc.array(point, { maxLength: 8 }),
        (towns, markers) => {
          const obstacles = [
            ...markers.map(([x, y]) => ({ x0: x - 16, y0: y - 16, x1: x + 16, y1: y + 16 })),
            ...mapChromeBoxes(viewport),
          ];
          const placed = placeLabels(
            towns.map(([at, text], i) => ({ key: String(i), text, at })),
            obstacles,
            viewport,
          );
          for (const label of placed) for (const o of obstacles) expect(overlaps(label.box, o)).toBe(false);
        },
      ),
    );
  });

  it('keeps the route line clear when another spot is free, without dropping the town', () => {
    // The route runs just right of the town, horizontally: the label goes to the left.
    const route = [
      [205, 150],
      [390, 150],
    ] as const;
    const [label] = placeLabels([{ key: 'a', text: 'Bron', at: [200, 150] }], [], viewport, {
      lines: [route],
    });
    expect(label).toMatchObject({ anchor: 'end' });
    expect(segmentHitsBox(route[0], route[1], label!.box)).toBe(false);
    // Lines everywhere (one every 10 px): still labelled, on the first spot.
    const grid = Array.from({ length: 31 }, (_, k) => [[0, k * 10] as const, [400, k * 10] as const]);
    const [caged] = placeLabels([{ key: 'b', text: 'Bron', at: [200, 150] }], [], viewport, {
      lines: grid,
    });
    expect(caged).toMatchObject({ anchor: 'start' });
  });

  it('tells whether a segment crosses a box', () => {
    const box: Box = { x0: 10, y0: 10, x1: 20, y1: 20 };
    expect(segmentHitsBox([0, 15], [30, 15], box)).toBe(true);
    expect(segmentHitsBox([12, 12], [13, 13], box)).toBe(true);
    expect(segmentHitsBox([0, 0], [30, 5], box)).toBe(false);
    expect(segmentHitsBox([0, 30], [30, 0], box)).toBe(true);
    expect(segmentHitsBox([25, 0], [25, 30], box)).toBe(false);
  });
});
