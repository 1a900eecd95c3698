import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  fitTransform,
  franceProjection,
  identity,
  interpolate,
  kmPerPixel,
  project,
  scaleBar,
  toScreen,
  zoomAt,
} from './geometry.js';

const size = { width: 800, height: 500 };

describe('franceProjection', () => {
  it('fits metropolitan France and Corsica inside the map', () => {
    const projection = franceProjection(size, 16);
    for (const place of [
      { lat: 51.05, lon: 2.37 }, // Dunkerque
      { lat: 48.39, lon: -4.49 }, // Brest
      { lat: 42.7, lon: 3.03 }, // Perpignan
      { lat: 41.39, lon: 9.16 }, // Bonifacio
      { lat: 48.58, lon: 7.75 }, // Strasbourg
    ]) {
      const [x, y] = project(projection, place)!;
      expect(x).toBeGreaterThanOrEqual(15);
      expect(x).toBeLessThanOrEqual(size.width - 15);
      expect(y).toBeGreaterThanOrEqual(15);
      expect(y).toBeLessThanOrEqual(size.height - 15);
    }
    // North is up, east is right.
    const paris = project(projection, { lat: 48.86, lon: 2.35 })!;
    const lyon = project(projection, { lat: 45.76, lon: 4.84 })!;
    expect(lyon[1]).toBeGreaterThan(paris[1]);
    expect(lyon[0]).toBeGreaterThan(paris[0]);
  });

  it('gives a plausible scale', () => {
    const km = kmPerPixel(franceProjection(size), identity, size);
    expect(km).toBeGreaterThan(1);
    expect(km).toBeLessThan(5);
    expect(kmPerPixel(franceProjection(size), { k: 10, x: 0, y: 0 }, size)).toBeCloseTo(km / 10, 1);
  });
});

describe('fitTransform', () => {
  it('shows every point inside the viewport, with padding (property)', () => {
    const projection = franceProjection(size);
    const place = fc.record({
      lat: fc.double({ min: 42.5, max: 50.5, noNaN: true }),
      lon: fc.double({ min: -4, max: 7.5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 30 }), (places) => {
        const points = places.map((p) => project(projection, p)!);
        const view = fitTransform(points, size, 40);
        for (const p of points) {
          const [x, y] = toScreen(view, p);
          expect(x).toBeGreaterThanOrEqual(40 - 1e-6);
          expect(x).toBeLessThanOrEqual(size.width - 40 + 1e-6);
          expect(y).toBeGreaterThanOrEqual(40 - 1e-6);
          expect(y).toBeLessThanOrEqual(size.height - 40 + 1e-6);
        }
      }),
    );
  });

  it('centres a single point without zooming in beyond the limit, and shows France with none', () => {
    const view = fitTransform([[100, 100]], size, 40, 24);
    expect(view.k).toBe(24);
    expect(toScreen(view, [100, 100])).toEqual([400, 250]);
    expect(fitTransform([], size)).toEqual(identity);
  });

  it('zooms in to a day around Lyon', () => {
    const projection = franceProjection(size);
    const points = [
      { lat: 45.76, lon: 4.84 },
      { lat: 45.9, lon: 4.72 },
      { lat: 45.6, lon: 4.94 },
    ].map((p) => project(projection, p)!);
    const view = fitTransform(points, size);
    expect(view.k).toBeGreaterThan(5);
  });
});

describe('zoomAt', () => {
  it('keeps the point under the cursor still and clamps the zoom', () => {
    const start = { k: 2, x: -100, y: -50 };
    const zoomed = zoomAt(start, 1.5, 300, 200);
    const before = [(300 - start.x) / start.k, (200 - start.y) / start.k] as const;
    expect(toScreen(zoomed, before)[0]).toBeCloseTo(300);
    expect(toScreen(zoomed, before)[1]).toBeCloseTo(200);
    expect(zoomAt(start, 1000, 0, 0).k).toBe(MAX_ZOOM);
    expect(zoomAt(start, 0.0001, 0, 0).k).toBe(MIN_ZOOM);
  });
});

describe('interpolate and scaleBar', () => {
  it('goes from one view to the other', () => {
    const a = { k: 1, x: 0, y: 0 };
    const b = { k: 4, x: -300, y: -200 };
    expect(interpolate(a, b, 0)).toEqual(a);
    expect(interpolate(a, b, 1)).toEqual(b);
    expect(interpolate(a, b, 0.5).k).toBeCloseTo(2);
  });

  it('rounds the scale bar to 1, 2 or 5 × 10ⁿ km', () => {
    expect(scaleBar(1, 120)).toEqual({ km: 100, px: 100 });
    expect(scaleBar(0.3, 120)).toEqual({ km: 20, px: 20 / 0.3 });
    expect(scaleBar(0)).toBeNull();
  });
});
