/**
 * Where to put a customer without coordinates: the town of its postcode, from the map
 * feature's bundled towns (loaded lazily in their own chunk). The route's code takes a
 * `PlaceByPostcode` and never the dataset itself, so it stays testable without the data.
 */
import { useEffect, useState } from 'react';
import type { LatLon } from '../../../shared/domain/geo/geo.js';
import { loadTownIndex } from '../map/index.js';

export type PlaceByPostcode = (postcode: string) => LatLon | null;

/** Nothing is placed: such customers are listed apart (also while the towns load). */
export const noPlaceByPostcode: PlaceByPostcode = () => null;

export const defaultPlaceByPostcode: PlaceByPostcode = noPlaceByPostcode;

/** The postcode → town resolver, `noPlaceByPostcode` until the towns are loaded (or if they fail). */
export function usePlaceByPostcode(): PlaceByPostcode {
  const [resolver, setResolver] = useState<{ place: PlaceByPostcode }>({ place: noPlaceByPostcode });
  useEffect(() => {
    let live = true;
    loadTownIndex().then(
      (index) => {
        if (!live) return;
        setResolver({
          place: (postcode) => {
            const town = index.byPostcode(postcode);
            return town ? { lat: town.lat, lon: town.lon } : null;
          },
        });
      },
      (error: unknown) =>
        console.error('Towns failed to load: customers without coordinates stay apart', error),
    );
    return () => {
      live = false;
    };
  }, []);
  return resolver.place;
}
