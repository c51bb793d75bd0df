// The register as a vector-tile layer: every live site as a point with the list's flat properties,
// indexed by geojson-vt and rebuilt only when the register's content changed (any connection, any process).
import { createHash } from 'node:crypto';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { Feature } from 'geojson';
import { SITES_MAX_ZOOM } from '../core/tiles/vector-layers.js';
import type { Db } from './db.js';
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
  /** data_version (commits by other connections) and total_changes() (this connection's writes). */
  private stamp = '';

  constructor(private readonly db: Db) {}

  /**
   * The current register. Two cheap pragmas tell whether anything was written since the last look;
   * only then are the sites read again, and the index rebuilt only if their tile content differs.
   */
  current(): SiteTileState {
    const stamp = `${this.db.pragma('data_version', { simple: true })}:${this.db.prepare('SELECT total_changes()').pluck().get()}`;
    if (this.state && stamp === this.stamp) return this.state;
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
    this.stamp = stamp;
    return this.state;
  }
}
