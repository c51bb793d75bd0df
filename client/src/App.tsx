// Application shell: owns the URL-backed state and wires the map, the side panels and the dialogs
// together; loading lives in hooks (client/src/app/use-*.ts), the side column in app/SidePanels.tsx.
import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site, SiteSummary } from '../../shared/api.js';
import { AppDialogs, type OpenDialog } from './AppDialogs.js';
import { Sidebar } from './app/Sidebar.js';
import { type FormTarget, SidePanels } from './app/SidePanels.js';
import { useBasins } from './app/use-basins.js';
import { usePanels } from './app/use-panels.js';
import { useSelectedSite } from './app/use-selected-site.js';
import { useTrace } from './app/use-trace.js';
import { Header } from './components/Header.js';
import { Legend } from './components/Legend.js';
import { LegendDock } from './components/LegendDock.js';
import type { Lang } from './i18n/index.js';
import { type Api, ApiError } from './lib/api.js';
import type { ReleaseParams } from './lib/release-params.js';
import { type AppState, encodeState } from './lib/url-state.js';
import { useEscapePanels } from './lib/use-escape-panels.js';
import { useRemote } from './lib/use-remote.js';
import { type MapHandle, type MapMode, MapView } from './map/MapView.js';
import { usePlacePick } from './map/use-place-pick.js';
import { useReceptorLayer } from './map/useReceptorLayer.js';
import { useStationLayer } from './map/useStationLayer.js';

const NO_SITES: SiteSummary[] = [];

export function App({ api, initial }: { api: Api; initial: AppState }) {
  const { t, i18n } = useTranslation();
  const [s, setS] = useState<AppState>(initial);
  const [mode, setMode] = useState<MapMode>('browse');
  const { choices, catchmentsLoaded } = useBasins(api);
  // Bumped after an edit, an import or a restore: the list, the countries and the open site reload.
  const [reload, setReload] = useState(0);
  const [form, setForm] = useState<FormTarget | null>(null);
  // Release scenario for the trace (arrival times, concentrations; kept in the permalink) and the
  // plume shown on the map.
  const release = s.release ?? null;
  const setRelease = (r: ReleaseParams | null) => setS((p) => ({ ...p, release: r ?? undefined }));
  const [plume, setPlume] = useState<FeatureCollection | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [upstreamAt, setUpstreamAt] = useState<{ lon: number; lat: number } | null>(null);
  const panels = usePanels();
  // Bumped after a receptor import or delete: the layer and the list reload.
  const [receptorsVersion, setReceptorsVersion] = useState(0);
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
  const site = useSelectedSite(api, s.site, reload, mapRef);
  const trace = useTrace(api, s.trace, release, mapRef);

  useEffect(() => {
    window.history.replaceState(null, '', `${window.location.pathname}${encodeState(s)}`);
  }, [s]);

  // Debounced so typing in the search box doesn't fire a request per key; `reload` refreshes after edits.
  const siteList = useRemote(() => api.sites(s.filters), `${JSON.stringify(s.filters)}|${reload}`, {
    delayMs: 200,
  });
  const sites = {
    items: siteList.data?.items ?? NO_SITES,
    total: siteList.data?.total ?? 0,
    loading: siteList.loading,
  };

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
      {
        testId: 'screening-panel',
        open: panels.isOpen('screening'),
        close: () => panels.hide('screening'),
      },
      {
        testId: 'receptors-panel',
        open: panels.isOpen('receptors'),
        close: () => panels.hide('receptors'),
      },
      { testId: 'planning-panel', open: panels.isOpen('planning'), close: () => panels.hide('planning') },
    ],
  );

  const startTrace = (lon: number, lat: number, siteId?: string) => {
    trace.fitNext();
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
    setS((p) => ({ ...p, site: saved.id }));
  };
  const deleteSite = async (x: Site) => {
    try {
      await api.deleteSite(x.id, x.version);
      selectSite(undefined);
      setReload((n) => n + 1);
    } catch (e) {
      site.setActionError(e instanceof ApiError ? e.message : t('errors.network'));
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
        onPlanning={() => panels.show('planning')}
        onReceptors={() => panels.show('receptors')}
        onScreening={() => panels.show('screening')}
        onPlans={() => panels.show('plans')}
        onExercise={() => panels.show('exercise')}
        onDeleted={() => setDialog({ kind: 'deleted' })}
        onAdmin={() => setDialog({ kind: 'admin' })}
        lang={(i18n.language === 'ru' ? 'ru' : 'en') as Lang}
        onLang={setLang}
      />
      <div className="body">
        <Sidebar
          s={s}
          setS={setS}
          choices={choices}
          countries={countries.data ?? []}
          sites={sites}
          selectSite={selectSite}
          mapRef={mapRef}
        />
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
            dataReady={!sites.loading && catchmentsLoaded}
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
        <SidePanels
          api={api}
          s={s}
          mode={mode}
          setMode={setMode}
          panels={panels}
          form={form}
          setForm={setForm}
          submitForm={submitForm}
          site={site}
          trace={trace}
          release={release}
          setRelease={setRelease}
          setPlume={setPlume}
          upstreamAt={upstreamAt}
          setUpstreamAt={setUpstreamAt}
          receptorsVersion={receptorsVersion}
          onReceptorsChanged={() => setReceptorsVersion((n) => n + 1)}
          mapRef={mapRef}
          getMap={getMap}
          findRivers={findRivers}
          selectSite={selectSite}
          closeTrace={() => setS((p) => ({ ...p, trace: undefined }))}
          startTrace={startTrace}
          deleteSite={deleteSite}
          openReport={(siteId) => setDialog({ kind: 'report', siteId })}
        />
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
