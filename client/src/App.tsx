// Application shell: owns the URL-backed state, loads data through the API client and wires the
// map, the side panels and the dialogs together.
import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppDialogs, type OpenDialog } from './AppDialogs.js';
import { ExercisePanel } from './components/ExercisePanel.js';
import { Filters } from './components/Filters.js';
import { Header } from './components/Header.js';
import { Legend } from './components/Legend.js';
import { LegendDock } from './components/LegendDock.js';
import { PlanningPanel } from './components/PlanningPanel.js';
import { PlansPanel } from './components/PlansPanel.js';
import { ReceptorsPanel } from './components/ReceptorsPanel.js';
import { ScreeningPanel } from './components/ScreeningPanel.js';
import { SiteForm } from './components/SiteForm.js';
import { SiteList } from './components/SiteList.js';
import { SitePanel } from './components/SitePanel.js';
import { SiteZones } from './components/SiteZones.js';
import { TracePanel } from './components/TracePanel.js';
import { UpstreamPanel } from './components/UpstreamPanel.js';
import type { Lang } from './i18n/index.js';
import { type Api, ApiError } from './lib/api.js';
import { basinChoices, choiceKey } from './lib/basins.js';
import { bboxOf } from './lib/format.js';
import { fetchTrace, type ReleaseParams } from './lib/release.js';
import type { Basin, Catchments, Site, SiteSummary, TraceResult } from './lib/types.js';
import { type AppState, encodeState } from './lib/url-state.js';
import { useEscapePanels } from './lib/use-escape-panels.js';
import { useRemote } from './lib/use-remote.js';
import { type MapHandle, type MapMode, MapView } from './map/MapView.js';
import { usePlacePick } from './map/use-place-pick.js';
import { useReceptorLayer } from './map/useReceptorLayer.js';
import { useStationLayer } from './map/useStationLayer.js';

const NO_SITES: SiteSummary[] = [];

type FormTarget = { site: Site | null; at?: { lon: number; lat: number } };

export function App({ api, initial }: { api: Api; initial: AppState }) {
  const { t, i18n } = useTranslation();
  const [s, setS] = useState<AppState>(initial);
  const [mode, setMode] = useState<MapMode>('browse');
  const [basins, setBasins] = useState<Basin[]>([]);
  const [catchments, setCatchments] = useState<Catchments | null>(null);
  const choices = useMemo(() => basinChoices(basins, catchments), [basins, catchments]);
  const [reload, setReload] = useState(0);
  const [site, setSite] = useState<{ data: Site | null; loading: boolean; error: string | null }>({
    data: null,
    loading: false,
    error: null,
  });
  const [trace, setTrace] = useState<{ data: TraceResult | null; running: boolean; error: string | null }>({
    data: null,
    running: false,
    error: null,
  });
  const [form, setForm] = useState<FormTarget | null>(null);
  // Release scenario for the trace (arrival times, concentrations; kept in the permalink) and the
  // plume shown on the map.
  const release = s.release ?? null;
  const setRelease = (r: ReleaseParams | null) => setS((p) => ({ ...p, release: r ?? undefined }));
  const [plume, setPlume] = useState<FeatureCollection | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [upstreamAt, setUpstreamAt] = useState<{ lon: number; lat: number } | null>(null);
  const [planning, setPlanning] = useState(false);
  const [receptorsOpen, setReceptorsOpen] = useState(false);
  const [screeningOpen, setScreeningOpen] = useState(false);
  const [plansOpen, setPlansOpen] = useState(false);
  const [exerciseOpen, setExerciseOpen] = useState(false);
  // Bumped after a receptor import or delete: the layer and the list reload.
  const [receptorsVersion, setReceptorsVersion] = useState(0);
  // A site chosen in a list without coordinates (screening) is flown to once it has loaded.
  const flyToSite = useRef<string | null>(null);
  const mapRef = useRef<MapHandle>(null);
  const pickPlace = usePlacePick(setS, mapRef);
  const findRivers = useCallback(
    (q: string) => api.search(q).then((hits) => hits.flatMap((h) => (h.kind === 'river' ? [h.name] : []))),
    [api],
  );
  const countries = useRemote(() => api.countries(), String(reload));
  const getMap = useCallback(() => mapRef.current?.map() ?? null, []);
  const modeNow = useRef(mode);
  modeNow.current = mode;
  const browsing = useCallback(() => modeNow.current === 'browse', []);
  useReceptorLayer(api, getMap, s.layers.includes('receptors'), receptorsVersion, browsing);
  useStationLayer(api, getMap, s.layers.includes('stations'), browsing);
  // A restored permalink keeps its view; a trace the user starts is zoomed to.
  const fitTrace = useRef(false);
  const message = useCallback((e: unknown) => (e instanceof ApiError ? e.message : t('errors.network')), [t]);

  useEffect(() => {
    window.history.replaceState(null, '', `${window.location.pathname}${encodeState(s)}`);
  }, [s]);

  useEffect(() => {
    api.basins().then(setBasins, () => setBasins([]));
    // An empty collection on failure still counts as loaded, so the map reports ready.
    api.catchments().then(setCatchments, () => setCatchments({ type: 'FeatureCollection', features: [] }));
  }, [api]);

  // Debounced so typing in the search box doesn't fire a request per key; `reload` refreshes after edits.
  const siteList = useRemote(() => api.sites(s.filters), `${JSON.stringify(s.filters)}|${reload}`, {
    delayMs: 200,
  });
  const sites = {
    items: siteList.data?.items ?? NO_SITES,
    total: siteList.data?.total ?? 0,
    loading: siteList.loading,
  };

  useEffect(() => {
    if (!s.site) {
      setSite({ data: null, loading: false, error: null });
      return;
    }
    let stale = false;
    const id = s.site;
    // Reloading the site just saved keeps it on screen instead of flashing "Loading…".
    setSite((p) =>
      p.data?.id === id ? { ...p, loading: true } : { data: null, loading: true, error: null },
    );
    api.site(id).then(
      (d) => {
        if (stale) return;
        setSite({ data: d, loading: false, error: null });
        if (flyToSite.current === d.id) mapRef.current?.flyTo(d.lon, d.lat, 8);
        flyToSite.current = null;
      },
      (e: unknown) => !stale && setSite({ data: null, loading: false, error: message(e) }),
    );
    return () => {
      stale = true;
    };
  }, [api, s.site, message]);

  useEffect(() => {
    if (!s.trace) {
      setTrace({ data: null, running: false, error: null });
      return;
    }
    const ctrl = new AbortController();
    setTrace({ data: null, running: true, error: null });
    fetchTrace(api, s.trace, release, ctrl.signal).then(
      (d) => {
        setTrace({ data: d, running: false, error: null });
        if (fitTrace.current) {
          fitTrace.current = false;
          const b = bboxOf(d.path.features.flatMap((f) => f.geometry.coordinates));
          if (b) mapRef.current?.fitBounds(b, 8);
        }
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setTrace({ data: null, running: false, error: message(e) });
      },
    );
    return () => ctrl.abort();
  }, [api, s.trace, release, message]);

  useEscapePanels(
    () => modeNow.current !== 'browse',
    () => setMode('browse'),
    [
      { testId: 'site-panel', open: Boolean(s.site), close: () => setS((p) => ({ ...p, site: undefined })) },
      {
        testId: 'trace-panel',
        open: Boolean(s.trace),
        close: () => setS((p) => ({ ...p, trace: undefined })),
      },
      { testId: 'upstream-panel', open: upstreamAt !== null, close: () => setUpstreamAt(null) },
      { testId: 'screening-panel', open: screeningOpen, close: () => setScreeningOpen(false) },
      { testId: 'receptors-panel', open: receptorsOpen, close: () => setReceptorsOpen(false) },
      { testId: 'planning-panel', open: planning, close: () => setPlanning(false) },
    ],
  );

  const startTrace = (lon: number, lat: number, siteId?: string) => {
    fitTrace.current = true;
    setS((p) => ({ ...p, trace: siteId ? { lon, lat, siteId } : { lon, lat } }));
  };
  const selectSite = (id: string | undefined) => setS((p) => ({ ...p, site: id }));
  const setLang = (l: Lang) => {
    void i18n.changeLanguage(l);
    document.documentElement.lang = l;
    setS((p) => ({ ...p, lang: l }));
  };
  const onMapClick = (lon: number, lat: number) => {
    // In planning mode the drawing listens to the map itself.
    if (mode === 'plan') return;
    if (mode === 'trace') startTrace(lon, lat);
    else if (mode === 'add') setForm({ site: null, at: { lon, lat } });
    else if (mode === 'upstream') setUpstreamAt({ lon, lat });
    setMode('browse');
  };
  const submitForm = async (body: Record<string, unknown>) => {
    const current = form?.site;
    const saved = current
      ? await api.updateSite(current.id, { ...body, version: current.version })
      : await api.createSite(body);
    setForm(null);
    setReload((n) => n + 1);
    setSite({ data: saved, loading: false, error: null });
    setS((p) => ({ ...p, site: saved.id }));
  };
  const deleteSite = async (x: Site) => {
    try {
      await api.deleteSite(x.id, x.version);
      selectSite(undefined);
      setReload((n) => n + 1);
    } catch (e) {
      setSite((p) => ({ ...p, error: message(e) }));
    }
  };

  return (
    <div className="app">
      <Header
        q={s.filters.q ?? ''}
        onSearch={(q) => setS((p) => ({ ...p, filters: { ...p.filters, q: q || undefined } }))}
        find={api.search}
        onPick={pickPlace}
        onPoint={(at) => {
          const c = at ?? mapRef.current?.map()?.getCenter();
          if (c) onMapClick('lon' in c ? c.lon : c.lng, c.lat);
        }}
        mode={mode}
        onMode={setMode}
        onImport={() => setDialog({ kind: 'import' })}
        onAddForm={() => {
          setMode('browse');
          setForm({ site: null });
        }}
        onMatrix={() => setDialog({ kind: 'matrix' })}
        onPlanning={() => setPlanning(true)}
        onReceptors={() => setReceptorsOpen(true)}
        onScreening={() => setScreeningOpen(true)}
        onPlans={() => setPlansOpen(true)}
        onExercise={() => setExerciseOpen(true)}
        onDeleted={() => setDialog({ kind: 'deleted' })}
        onAdmin={() => setDialog({ kind: 'admin' })}
        lang={(i18n.language === 'ru' ? 'ru' : 'en') as Lang}
        onLang={setLang}
      />
      <div className="body">
        <nav className="sidebar" aria-label={t('filters.title')}>
          <Filters
            basins={choices}
            basinKey={choiceKey(s.basinId, s.delta)}
            onBasin={(b) => {
              setS((p) => ({
                ...p,
                basinId: b?.basinId,
                delta: b?.delta || undefined,
                // A delta is part of its basin: its sites are the basin's inside the delta's box.
                filters: { ...p.filters, basin: b?.basinName, bbox: b?.delta ? b.bbox : undefined },
              }));
              if (b) mapRef.current?.fitBounds(b.bbox, 8);
            }}
            filters={s.filters}
            countries={countries.data ?? []}
            onChange={(filters) => setS((p) => ({ ...p, filters }))}
          />
          <SiteList
            sites={sites.items}
            total={sites.total}
            loading={sites.loading}
            selectedId={s.site}
            onSelect={(x) => {
              selectSite(x.id);
              mapRef.current?.flyTo(x.lon, x.lat, 8);
            }}
          />
        </nav>
        <main id="map" className="main" tabIndex={-1}>
          <MapView
            ref={mapRef}
            initialView={initial.view}
            sites={sites.items}
            selectedId={s.site}
            trace={trace.data}
            plume={plume}
            basinId={s.basinId}
            delta={s.delta}
            dataReady={!sites.loading && catchments !== null}
            layers={s.layers}
            mode={mode}
            onSiteClick={selectSite}
            onMapClick={onMapClick}
            onViewChange={(view) => setS((p) => ({ ...p, view }))}
          />
          <LegendDock>
            <Legend
              layers={s.layers}
              onToggle={(id, on) =>
                setS((p) => ({ ...p, layers: on ? [...p.layers, id] : p.layers.filter((l) => l !== id) }))
              }
            />
          </LegendDock>
        </main>
        {(form ||
          s.site ||
          s.trace ||
          planning ||
          upstreamAt ||
          receptorsOpen ||
          screeningOpen ||
          plansOpen ||
          exerciseOpen) && (
          <div className="panels">
            {form ? (
              <SiteForm
                key={form.site?.id ?? 'new'}
                site={form.site}
                at={form.at}
                getMap={getMap}
                findRivers={findRivers}
                onSubmit={submitForm}
                onCancel={() => setForm(null)}
              />
            ) : (
              <>
                {planning && (
                  <PlanningPanel
                    getMap={getMap}
                    drawing={mode === 'plan'}
                    onDrawing={(on) => setMode(on ? 'plan' : 'browse')}
                    onSelectSite={(id) => selectSite(id)}
                    onClose={() => {
                      setPlanning(false);
                      setMode('browse');
                    }}
                  />
                )}
                {screeningOpen && (
                  <ScreeningPanel
                    api={api}
                    selectedId={s.site}
                    receptorsVersion={receptorsVersion}
                    onSelectSite={(id) => {
                      if (site.data?.id === id) mapRef.current?.flyTo(site.data.lon, site.data.lat, 8);
                      flyToSite.current = id;
                      selectSite(id);
                    }}
                    onClose={() => setScreeningOpen(false)}
                  />
                )}
                {receptorsOpen && (
                  <ReceptorsPanel
                    api={api}
                    version={receptorsVersion}
                    onChanged={() => setReceptorsVersion((n) => n + 1)}
                    onZoom={(b) => mapRef.current?.fitBounds(b, 13)}
                    onClose={() => setReceptorsOpen(false)}
                  />
                )}
                {exerciseOpen && (
                  <ExercisePanel
                    api={api}
                    getMap={getMap}
                    point={s.trace ?? null}
                    onClose={() => setExerciseOpen(false)}
                  />
                )}
                {plansOpen && <PlansPanel api={api} onClose={() => setPlansOpen(false)} />}
                {upstreamAt && (
                  <UpstreamPanel
                    point={upstreamAt}
                    onClose={() => setUpstreamAt(null)}
                    onSelect={(x) => {
                      selectSite(x.id);
                      mapRef.current?.flyTo(x.location.lon, x.location.lat, 8);
                    }}
                  />
                )}
                {s.trace && (
                  <TracePanel
                    trace={trace.data}
                    running={trace.running}
                    error={trace.error}
                    onClose={() => setS((p) => ({ ...p, trace: undefined }))}
                    onZoom={(b) => mapRef.current?.fitBounds(b, 10)}
                    release={release}
                    onRelease={setRelease}
                    onPlume={setPlume}
                    onFollow={(lon, lat) =>
                      mapRef.current?.map()?.easeTo({ center: [lon, lat], duration: 200 })
                    }
                  />
                )}
                {s.site && (
                  <SitePanel
                    site={site.data}
                    loading={site.loading}
                    error={site.error}
                    onClose={() => selectSite(undefined)}
                    onTrace={(x) => startTrace(x.lon, x.lat, x.id)}
                    onEdit={(x) => setForm({ site: x })}
                    onDelete={deleteSite}
                    onReport={(x) => setDialog({ kind: 'report', siteId: x.id })}
                    api={api}
                  >
                    <SiteZones siteId={s.site} getMap={getMap} />
                  </SitePanel>
                )}
              </>
            )}
          </div>
        )}
      </div>
      <AppDialogs
        dialog={dialog}
        api={api}
        basins={choices}
        basinId={s.basinId}
        release={release}
        onClose={() => setDialog(null)}
        onRegisterChanged={() => setReload((n) => n + 1)}
        onRestored={(x) => {
          // Opened, so its history shows the restore.
          selectSite(x.id);
          mapRef.current?.flyTo(x.lon, x.lat, 8);
        }}
      />
    </div>
  );
}
