/**
 * A stop handed to the rep's GPS app: Waze, Google Maps or Apple Plans, by its coordinates (no
 * address lookup, so the link goes to the very point the route used). The links open outside
 * the app: a new browser tab in web mode, the system browser in Electron (the main process
 * hands https links opened in a new window to the shell and denies the window).
 */
import type { LatLon } from '../../../../shared/domain/geo/geo.js';

export type NavigationApp = 'waze' | 'google' | 'apple';

export const navigationApps: readonly NavigationApp[] = ['waze', 'google', 'apple'];

/** Degrees with a dot and at most 6 decimals (about 10 cm), whatever the language. */
function degrees(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export function navigationUrl(app: NavigationApp, { lat, lon }: LatLon): string {
  const ll = `${degrees(lat)},${degrees(lon)}`;
  switch (app) {
    case 'waze':
      return `https://waze.com/ul?ll=${ll}&navigate=yes`;
    case 'google':
      return `https://www.google.com/maps/dir/?api=1&destination=${ll}`;
    case 'apple':
      return `https://maps.apple.com/?daddr=${ll}`;
  }
}
