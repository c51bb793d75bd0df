// The MapLibre map: offline basemap style from the server plus HazAtlas overlays. Everything it shows
// comes in through props; user actions go out through callbacks.
import {
  type ErrorEvent,
  type GeoJSONSource,
  type LngLatBoundsLike,
  Map as MlMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
// MapLibre 6 loads its worker from a file beside its module, which a bundle doesn't keep: point it at
// the copy Vite emits (same origin, so the CSP's worker-src 'self' allows it and no network is needed).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bbox, SiteSummary, TraceResult } from '../../../shared/api.js';
import { BASEMAP_LAYER_IDS } from '../../../shared/map.js';
import type { LayerId, View } from '../lib/url-state.js';
import { absoluteStyle } from './absolute-style.js';
import { SITE_ICONS } from './icons.js';
import { wantedBasinRivers, withOverlays } from './initial-style.js';
import { localizeLabels, setLabelLanguage } from './label-language.js';
import {
  basinLayer,
  catchmentLabel,
  SITE_SOURCE,
  selectedBasinFilter,
  selectedLayer,
  sitesGeoJson,
  TOGGLE_LAYERS,
  TRACE_POINTS_SOURCE,
  TRACE_SOURCE,
  traceGeoJson,
} from './layers.js';
import { setPlume } from './plume-layer.js';

/** West, south, east, north: the Danube's source (8.2 E) to the Naryn's (78 E), the Aral Sea to the Delta. */
export const DEFAULT_BOUNDS: [number, number, number, number] = [8, 36.5, 78, 49.5];

export interface MapHandle {
  fitBounds(b: Bbox, maxZoom?: number): void;
  flyTo(lon: number, lat: number, zoom?: number): void;
  /** The MapLibre map once loaded (planning overlays and drawing use it directly), else null. */
  map(): MlMap | null;
}

export type MapMode = 'browse' | 'trace' | 'add' | 'plan' | 'upstream';

interface Props {
  ref?: Ref<MapHandle>;
  initialView: View | undefined;
  sites: readonly SiteSummary[];
  selectedId: string | undefined;
  trace: TraceResult | null;
  /** The release plume at the slider's time (stretch and peak), or null. */
  plume?: FeatureCollection | null;
  basinId: number | undefined;
  /** The selection is the basin's delta rather than the whole basin. */
  delta?: boolean;
  /** Sites and the catchment list have arrived: the first idle after this is "map ready" (timed for the bench). */
  dataReady?: boolean;
  layers: readonly LayerId[];
  mode: MapMode;
  onSiteClick(id: string): void;
  onMapClick(lon: number, lat: number): void;
  onViewChange(v: View): void;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
/** Sources that may fail while the rest of the map works: the online OSM layer, the detailed archive. */
type OptionalSource = 'osm' | 'detail';
const isOptional = (id: string | undefined): id is OptionalSource => id === 'osm' || id === 'detail';

declare global {
  interface Window {
    /** Exposed for end-to-end tests and debugging in the console. */
    __hazatlas?: {
      map: MlMap;
      /** ms from navigation start to the first map `idle` with every layer's data loaded. */
      firstIdleMs?: number;
    };
  }
}

export function MapView(props: Props) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<readonly OptionalSource[]>([]);
  const onlineFailed = failed.includes('osm');
  // Callbacks change every render; the map's listeners read the latest through this ref.
  const live = useRef(props);
  live.current = props;
  // The first style is built in the language of the first render; the language effect updates it.
  const firstApproxText = useRef(t('layers.approxLabel'));
  const firstLanguage = useRef(i18n.language);

  useImperativeHandle(props.ref, () => ({
    fitBounds: (b, maxZoom = 9) =>
      mapRef.current?.fitBounds(b as LngLatBoundsLike, { padding: 40, maxZoom, duration: 600 }),
    flyTo: (lon, lat, zoom) =>
      mapRef.current?.flyTo({ center: [lon, lat], zoom: zoom ?? mapRef.current.getZoom() }),
    map: () => (ready ? mapRef.current : null),
  }));

  useEffect(() => {
    if (!container.current) return;
    setWorkerUrl(workerUrl);
    const v = live.current.initialView;
    const p = live.current;
    const map = new MlMap({
      container: container.current,
      style: `${window.location.origin}/api/style.json`,
      // The overlays are in the first style, so the basemap tiles are parsed once.
      transformStyle: (_previous, next) =>
        withOverlays(localizeLabels(absoluteStyle(next, window.location.origin), firstLanguage.current), {
          approxText: firstApproxText.current,
          layers: p.layers,
          basinId: p.basinId,
          delta: p.delta === true,
        }),
      // Without a view in the link, open on the Convention's focus basins: the Danube from the Black Forest
      // to its Delta and the Syr Darya from the Tien Shan to the Aral Sea.
      ...(v ? { center: [v.lon, v.lat] as [number, number], zoom: v.zoom } : { bounds: DEFAULT_BOUNDS }),
      attributionControl: { compact: true },
      // Labels appear at once: a fade keeps the map repainting (not idle) for 300 ms after each
      // placement, which in software WebGL costs several full frames.
      fadeDuration: 0,
      // Keeps screenshots for tests and printing possible.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    window.__hazatlas = { map };
    map.on('idle', () => {
      const h = window.__hazatlas;
      if (
        h &&
        h.map === map &&
        h.firstIdleMs === undefined &&
        live.current.dataReady &&
        map.isStyleLoaded()
      ) {
        h.firstIdleMs = Math.round(performance.now());
        performance.mark('hazatlas:first-idle');
      }
    });
    // Site symbols are drawn on the client; MapLibre asks for each the first time a layer needs it.
    map.setMissingStyleImageResolver((id) => {
      const img = SITE_ICONS[id as keyof typeof SITE_ICONS];
      if (img && !map.hasImage(id)) map.addImage(id, img, { sdf: true });
    });
    // Data can go into the overlay sources as soon as the style is in, while the basemap tiles load.
    map.once('style.load', () => setReady(true));
    map.on('moveend', () => {
      const c = map.getCenter();
      live.current.onViewChange({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
    });
    map.on('click', (e) => {
      const p = live.current;
      if (p.mode !== 'browse') {
        p.onMapClick(e.lngLat.lng, e.lngLat.lat);
        return;
      }
      if (!map.getLayer('site-points')) return;
      const hits = map.queryRenderedFeatures(e.point, { layers: ['site-points', 'site-clusters'] });
      const hit = hits[0];
      if (!hit) return;
      const clusterId = hit.properties?.cluster_id as number | undefined;
      if (clusterId !== undefined) {
        const src = map.getSource(SITE_SOURCE) as GeoJSONSource;
        void src.getClusterExpansionZoom(clusterId).then((zoom) => {
          const g = hit.geometry;
          if (g.type === 'Point') map.easeTo({ center: g.coordinates as [number, number], zoom });
        });
        return;
      }
      const id = hit.properties?.id as string | undefined;
      if (id) p.onSiteClick(id);
    });
    for (const layer of ['site-points', 'site-clusters']) {
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
      });
    }
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  const map = ready ? mapRef.current : null;

  // The zoom buttons and the map's accessible name in the UI language (MapLibre reads its UI strings
  // when a control is added, so the control is re-added on a language change).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map._locale = {
      ...map._locale,
      'NavigationControl.ZoomIn': t('mapUi.zoomIn'),
      'NavigationControl.ZoomOut': t('mapUi.zoomOut'),
      'ScaleControl.Kilometers': t('mapUi.scaleKm'),
      'ScaleControl.Meters': t('mapUi.scaleM'),
    };
    const nav = new NavigationControl({ showCompass: false });
    map.addControl(nav, 'top-right');
    const scale = new ScaleControl({ unit: 'metric' });
    map.addControl(scale, 'bottom-right');
    map.getCanvas().setAttribute('aria-label', t('mapUi.label'));
    if (map.isStyleLoaded()) setLabelLanguage(map, i18n.language);
    else map.once('style.load', () => setLabelLanguage(map, i18n.language));
    return () => {
      map.removeControl(nav);
      map.removeControl(scale);
    };
  }, [t, i18n.language]);

  // Data that arrives without changing the map (the catchment list) must still be followed by an
  // idle, or the first-idle mark would wait for the next user action.
  useEffect(() => {
    if (map && props.dataReady) map.triggerRepaint();
  }, [map, props.dataReady]);

  useEffect(() => {
    (map?.getSource(SITE_SOURCE) as GeoJSONSource | undefined)?.setData(sitesGeoJson(props.sites));
  }, [map, props.sites]);

  useEffect(() => {
    if (!map) return;
    if (map.getLayer('site-selected')) map.removeLayer('site-selected');
    if (props.selectedId) map.addLayer(selectedLayer(props.selectedId), 'site-points');
  }, [map, props.selectedId]);

  useEffect(() => {
    if (!map) return;
    const g = props.trace ? traceGeoJson(props.trace) : { path: EMPTY, points: EMPTY };
    (map.getSource(TRACE_SOURCE) as GeoJSONSource).setData(g.path);
    (map.getSource(TRACE_POINTS_SOURCE) as GeoJSONSource).setData(g.points);
  }, [map, props.trace]);

  useEffect(() => {
    if (map) setPlume(map, props.plume ?? null);
  }, [map, props.plume]);

  useEffect(() => {
    if (map?.getLayer('basin-selected'))
      map.setFilter('basin-selected', selectedBasinFilter(props.basinId, props.delta === true));
  }, [map, props.basinId, props.delta]);

  useEffect(() => {
    if (map?.getLayer('basin-labels'))
      map.setLayoutProperty('basin-labels', 'text-field', catchmentLabel(t('layers.approxLabel')));
  }, [map, t]);

  // The first style already draws the initial basin's rivers; replace the layer only when it changes.
  const basinRiversShown = useRef(wantedBasinRivers(props));
  useEffect(() => {
    if (!map) return;
    const wanted = wantedBasinRivers({ basinId: props.basinId, layers: props.layers });
    if (wanted === basinRiversShown.current) return;
    basinRiversShown.current = wanted;
    if (map.getLayer('basin-rivers')) map.removeLayer('basin-rivers');
    if (wanted !== null) map.addLayer(basinLayer(wanted), BASEMAP_LAYER_IDS.boundaries);
  }, [map, props.basinId, props.layers]);

  useEffect(() => {
    if (!map) return;
    for (const [key, ids] of Object.entries(TOGGLE_LAYERS)) {
      const visible = props.layers.includes(key as LayerId) ? 'visible' : 'none';
      for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible);
    }
    const osm = props.layers.includes('osm');
    // Switching the layer off forgets a failure: switching it on again retries.
    if (!osm && onlineFailed) setFailed((f) => f.filter((x) => x !== 'osm'));
    if (osm && !map.getSource('osm') && !onlineFailed) {
      map.addSource('osm', {
        type: 'raster',
        tiles: [OSM_TILES],
        tileSize: 256,
        attribution: '© OpenStreetMap contributors',
      });
      map.addLayer({ id: 'osm', type: 'raster', source: 'osm', paint: { 'raster-opacity': 0.85 } }, 'lakes');
    } else if (!osm && map.getSource('osm')) {
      map.removeLayer('osm');
      map.removeSource('osm');
    }
  }, [map, props.layers, onlineFailed]);

  // An online layer or the detailed archive that cannot load (offline, blocked, file gone) is taken off
  // the map with its attribution, and the map says so instead of silently showing nothing.
  useEffect(() => {
    if (!map) return;
    const onError = (e: ErrorEvent & { sourceId?: string }) => {
      const id = e.sourceId;
      if (!isOptional(id) || !map.getSource(id)) return;
      for (const l of map.getStyle().layers) if ('source' in l && l.source === id) map.removeLayer(l.id);
      map.removeSource(id);
      setFailed((f) => (f.includes(id) ? f : [...f, id]));
    };
    map.on('error', onError);
    return () => {
      map.off('error', onError);
    };
  }, [map]);

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = props.mode === 'browse' ? '' : 'crosshair';
  }, [map, props.mode]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="application" aria-label={t('map.label')} />
      {!ready && (
        <p className="map-loading" role="status">
          {t('map.loading')}
        </p>
      )}
      {failed.length > 0 && (
        <div className="map-notice" role="alert">
          {failed.map((id) => (
            <p key={id} data-testid={id === 'osm' ? 'online-failed' : 'detail-failed'}>
              {t(id === 'osm' ? 'mapUi.onlineFailed' : 'mapUi.detailFailed')}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
