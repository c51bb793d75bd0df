// The register as a vector-tile layer: every live site as a point with the list's flat properties,
// indexed by geojson-vt and rebuilt only when the register's content changed (any connection, any process).
import { createHash } from 'node:crypto';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { Feature } from 'geojson';
import { SITES_MAX_ZOOM } from '../core/tiles/vector-layers.js';
import type { Db } from './db.js';
import { registerGeneration } from './register-changes.js';
import { allSiteSummaries } from './site-query.js';

export interface SiteTileState {
  /** Hash of every site's tile properties and position: the tiles' ETag. */
  fingerprint: string;
  count: number;
  points: { lon: number; lat: number }[];
  index: GeoJSONVT;
}

export class SiteTileSource {
  private state: SiteTileState | null = null;
  /** The register generation the state was read at (migration 015's trigger-kept counter). */
  private generation = -1;

  constructor(private readonly db: Db) {}

  /**
   * The current register. The trigger-kept generation (about a microsecond to read) says whether any
   * writer, through any connection, touched sites or site_derived since the last look; only then are the
   * sites read again, and the index rebuilt only if their tile content differs.
   */
  current(): SiteTileState {
    const generation = registerGeneration(this.db);
    if (this.state && generation === this.generation) return this.state;
    this.generation = generation;
    const sites = allSiteSummaries(this.db);
    const features: Feature[] = sites.map(({ location, ...props }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
      properties: props,
    }));
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(features))
      .digest('base64url')
      .slice(0, 22);
    if (this.state?.fingerprint !== fingerprint) {
      this.state = {
        fingerprint,
        count: sites.length,
        points: sites.map((s) => s.location),
        index: new GeoJSONVT(
          { type: 'FeatureCollection', features },
          // Points: no simplification; a buffer so that labels and symbols crossing a tile edge draw whole.
          { maxZoom: SITES_MAX_ZOOM, indexMaxZoom: 5, tolerance: 0, buffer: 64 },
        ),
      };
    }
    return this.state;
  }
}
