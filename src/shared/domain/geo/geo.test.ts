import { describe, expect, it } from 'vitest';
import { greatCircleKm, travelBetween } from './geo.js';

const paris = { lat: 48.8566, lon: 2.3522 };
const lyon = { lat: 45.764, lon: 4.8357 };

describe('travel estimates', () => {
  it('measures Paris–Lyon as the crow flies (about 392 km)', () => {
    expect(greatCircleKm(paris, lyon)).toBeGreaterThan(388);
    expect(greatCircleKm(paris, lyon)).toBeLessThan(396);
  });

  it('is zero from a place to itself and symmetric', () => {
    expect(greatCircleKm(lyon, lyon)).toBe(0);
    expect(greatCircleKm(paris, lyon)).toBeCloseTo(greatCircleKm(lyon, paris), 9);
  });

  it('applies the road factor and the average speed', () => {
    const travel = travelBetween(paris, lyon, { roadFactor: 1.25, speedKmh: 100 });
    const crow = greatCircleKm(paris, lyon);
    expect(travel.km).toBeCloseTo(crow * 1.25, 9);
    expect(travel.minutes).toBeCloseTo((crow * 1.25 * 60) / 100, 9);
  });
});
