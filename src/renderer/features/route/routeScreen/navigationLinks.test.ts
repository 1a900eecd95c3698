import { describe, expect, it } from 'vitest';
import { navigationUrl } from './navigationLinks.js';

describe('navigationUrl', () => {
  it('hands the stop’s coordinates to Waze, Google Maps and Apple Plans', () => {
    const at = { lat: 45.7640001234, lon: -0.5805 };
    expect(navigationUrl('waze', at)).toBe('https://waze.com/ul?ll=45.764,-0.5805&navigate=yes');
    expect(navigationUrl('google', at)).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=45.764,-0.5805',
    );
    expect(navigationUrl('apple', at)).toBe('https://maps.apple.com/?daddr=45.764,-0.5805');
  });
});
