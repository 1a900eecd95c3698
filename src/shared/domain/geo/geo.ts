/**
 * Travel estimates without a road network: great-circle distance times a road factor, at an
 * average speed. Both factors are the rep's settings (Paramètres): a rep in the mountains
 * drives slower and further than the crow flies than one in the Beauce.
 */
import { z } from 'zod';

export interface LatLon {
  lat: number;
  lon: number;
}

export const latLonSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine; accurate to well under 0.5% at these scales). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface TravelSettings {
  /** Road distance ÷ great-circle distance; about 1.3 in France. */
  roadFactor: number;
  /** Average driving speed door to door, km/h. */
  speedKmh: number;
}

export const travelSettingsSchema = z.object({
  roadFactor: z.number().min(1).max(3),
  speedKmh: z.number().min(5).max(130),
});

export const defaultTravelSettings: TravelSettings = { roadFactor: 1.3, speedKmh: 60 };

export interface Travel {
  /** Estimated road km. */
  km: number;
  /** Estimated driving minutes (not rounded). */
  minutes: number;
}

/** Estimated road distance and driving time between two points. */
export function travelBetween(a: LatLon, b: LatLon, settings: TravelSettings): Travel {
  const km = greatCircleKm(a, b) * settings.roadFactor;
  return { km, minutes: (km / settings.speedKmh) * 60 };
}
