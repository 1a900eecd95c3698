/**
 * Country outlines around France (Natural Earth 1:10m, public domain), bundled with the app
 * (data/outlines.json, built by scripts/build-geo-data.ts) and loaded lazily in its own chunk.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface OutlineProperties {
  id: string;
  name: string;
  /** France (filled) rather than a neighbour (context). */
  france: boolean;
}

export type Outline = Feature<Polygon | MultiPolygon, OutlineProperties>;

let loading: Promise<readonly Outline[]> | undefined;

/** France and its neighbours, France last (cached; the data chunk is fetched once). */
export function loadOutlines(): Promise<readonly Outline[]> {
  loading ??= import('./data/outlines.json').then(
    (module) => (module.default as FeatureCollection<Polygon | MultiPolygon, OutlineProperties>).features,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
