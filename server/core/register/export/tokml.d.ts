// Types for tokml (GeoJSON → KML), which ships none.
declare module 'tokml' {
  import type { FeatureCollection } from 'geojson';

  interface TokmlOptions {
    documentName?: string;
    documentDescription?: string;
    name?: string;
    description?: string;
    simplestyle?: boolean;
    timestamp?: string;
  }
  export default function tokml(geojson: FeatureCollection, options?: TokmlOptions): string;
}
