// Renders a trace (for the printable report) or a planning review (for its print view) on an offscreen
// MapLibre map with the app's basemap style and returns a PNG data URL; the drawing buffer is
// preserved so the canvas can be read.

import type { Point, Polygon, Position } from 'geojson';
import { type LngLatBoundsLike, Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { TraceResult } from '../../../shared/api.js';
import { bboxOf } from '../lib/format.js';
import type { ReviewResult } from '../lib/planning-api.js';
import { absoluteStyle } from './absolute-style.js';
import { TRACE_POINTS_SOURCE, TRACE_SOURCE, traceGeoJson, traceLayers } from './layers.js';
import { setCitedZones, setDraft } from './planning-layers.js';

export interface SnapshotOptions {
  widthPx?: number;
  heightPx?: number;
  /** Give up after this long (the report is still useful without a picture). */
  timeoutMs?: number;
  site?: { lon: number; lat: number };
}

export function traceSnapshot(trace: TraceResult, opts: SnapshotOptions = {}): Promise<string> {
  const box = bboxOf(trace.path.features.flatMap((f) => f.geometry.coordinates));
  return offscreenSnapshot(box, opts, (map) => {
    const g = traceGeoJson(trace);
    // The served glyph ranges stop at U+20FF: "→" (U+2192) would be a 404 and a fallback font.
    for (const f of g.points.features)
      if (typeof f.properties?.label === 'string') f.properties.label = f.properties.label.replace('→', '›');
    map.addSource(TRACE_SOURCE, { type: 'geojson', data: g.path });
    map.addSource(TRACE_POINTS_SOURCE, { type: 'geojson', data: g.points });
    for (const l of traceLayers) map.addLayer(l);
    if (opts.site) {
      map.addSource('report-site', {
        type: 'geojson',
        data: { type: 'Point', coordinates: [opts.site.lon, opts.site.lat] },
      });
      map.addLayer({
        id: 'report-site',
        type: 'circle',
        source: 'report-site',
        paint: {
          'circle-radius': 7,
          'circle-color': '#c00000',
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 2,
        },
      });
    }
  });
}

/** A planning review's picture: the development, the cited sites' zones and the sites, on the basemap. */
export function planningSnapshot(
  review: Pick<ReviewResult, 'citedZones' | 'citedSites'>,
  development: Point | Polygon,
  opts: SnapshotOptions = {},
): Promise<string> {
  const coords: Position[] = [
    ...(development.type === 'Point' ? [development.coordinates] : development.coordinates.flat()),
    ...review.citedZones.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2),
    ),
    ...review.citedSites.map((s) => [s.lon, s.lat]),
  ];
  return offscreenSnapshot(bboxOf(coords), opts, (map) => {
    setCitedZones(map, review.citedZones, review.citedSites);
    setDraft(map, [development]);
  });
}

function offscreenSnapshot(
  box: ReturnType<typeof bboxOf>,
  opts: SnapshotOptions,
  draw: (map: MlMap) => void,
): Promise<string> {
  setWorkerUrl(workerUrl);
  const container = document.createElement('div');
  // Laid out (so WebGL draws) but out of sight.
  Object.assign(container.style, {
    position: 'fixed',
    left: '-10000px',
    top: '0',
    width: `${opts.widthPx ?? 1000}px`,
    height: `${opts.heightPx ?? 560}px`,
  });
  document.body.appendChild(container);
  const map = new MlMap({
    container,
    style: `${window.location.origin}/api/style.json`,
    transformStyle: (_previous, next) => absoluteStyle(next, window.location.origin),
    bounds: (box ?? undefined) as LngLatBoundsLike | undefined,
    fitBoundsOptions: { padding: 40 },
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  const done = () => {
    map.remove();
    container.remove();
  };
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new Error('map snapshot timed out'));
    }, opts.timeoutMs ?? 30_000);
    map.on('error', (e) => console.warn('snapshot map:', e.error?.message));
    map.once('load', () => {
      draw(map);
      // 'idle' fires once every tile and source is loaded and drawn: read the canvas then.
      map.once('idle', () => {
        clearTimeout(timer);
        try {
          resolve(map.getCanvas().toDataURL('image/png'));
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        } finally {
          done();
        }
      });
    });
  });
}
