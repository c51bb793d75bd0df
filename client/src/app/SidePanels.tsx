// The side column: the site form when one is open, else every open panel (tools, upstream, trace, site)
// in a fixed order.
import type { FeatureCollection } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import type { RefObject } from 'react';
import type { Site } from '../../../shared/api.js';
import { ExercisePanel } from '../components/ExercisePanel.js';
import { PlanningPanel } from '../components/PlanningPanel.js';
import { PlansPanel } from '../components/PlansPanel.js';
import { ReceptorsPanel } from '../components/ReceptorsPanel.js';
import { ScreeningPanel } from '../components/ScreeningPanel.js';
import { SiteForm } from '../components/SiteForm.js';
import { SitePanel } from '../components/SitePanel.js';
import { SiteZones } from '../components/SiteZones.js';
import { TracePanel } from '../components/TracePanel.js';
import { UpstreamPanel } from '../components/UpstreamPanel.js';
import type { Api } from '../lib/api.js';
import type { ReleaseParams } from '../lib/release-params.js';
import type { AppState } from '../lib/url-state.js';
import type { MapHandle, MapMode } from '../map/MapView.js';
import type { Panels } from './use-panels.js';
import type { SelectedSite } from './use-selected-site.js';
import type { TraceState } from './use-trace.js';

export type FormTarget = { site: Site | null; at?: { lon: number; lat: number } };

export interface SidePanelsProps {
  api: Api;
  s: AppState;
  mode: MapMode;
  setMode(m: MapMode): void;
  panels: Panels;
  form: FormTarget | null;
  setForm(f: FormTarget | null): void;
  submitForm(body: Record<string, unknown>): Promise<void>;
  site: SelectedSite;
  trace: TraceState;
  release: ReleaseParams | null;
  setRelease(r: ReleaseParams | null): void;
  setPlume(p: FeatureCollection | null): void;
  upstreamAt: { lon: number; lat: number } | null;
  setUpstreamAt(p: { lon: number; lat: number } | null): void;
  receptorsVersion: number;
  onReceptorsChanged(): void;
  mapRef: RefObject<MapHandle | null>;
  getMap(): MlMap | null;
  findRivers(q: string): Promise<string[]>;
  selectSite(id: string | undefined): void;
  closeTrace(): void;
  startTrace(lon: number, lat: number, siteId?: string): void;
  deleteSite(x: Site): Promise<void>;
  openReport(siteId: string): void;
}

export function SidePanels(p: SidePanelsProps) {
  const { api, s, panels, site, trace, mapRef } = p;
  if (p.form) {
    return (
      <div className="panels">
        <SiteForm
          key={p.form.site?.id ?? 'new'}
          site={p.form.site}
          at={p.form.at}
          getMap={p.getMap}
          findRivers={p.findRivers}
          onSubmit={p.submitForm}
          onCancel={() => p.setForm(null)}
        />
      </div>
    );
  }
  if (!(s.site || s.trace || panels.anyOpen || p.upstreamAt)) return null;
  return (
    <div className="panels">
      {panels.isOpen('planning') && (
        <PlanningPanel
          getMap={p.getMap}
          drawing={p.mode === 'plan'}
          onDrawing={(on) => p.setMode(on ? 'plan' : 'browse')}
          onSelectSite={(id) => p.selectSite(id)}
          onClose={() => {
            panels.hide('planning');
            p.setMode('browse');
          }}
        />
      )}
      {panels.isOpen('screening') && (
        <ScreeningPanel
          api={api}
          selectedId={s.site}
          receptorsVersion={p.receptorsVersion}
          onSelectSite={(id) => {
            if (site.data?.id === id) mapRef.current?.flyTo(site.data.lon, site.data.lat, 8);
            site.flyWhenLoaded(id);
            p.selectSite(id);
          }}
          onClose={() => panels.hide('screening')}
        />
      )}
      {panels.isOpen('receptors') && (
        <ReceptorsPanel
          api={api}
          version={p.receptorsVersion}
          onChanged={p.onReceptorsChanged}
          onZoom={(b) => mapRef.current?.fitBounds(b, 13)}
          onClose={() => panels.hide('receptors')}
        />
      )}
      {panels.isOpen('exercise') && (
        <ExercisePanel
          api={api}
          getMap={p.getMap}
          point={s.trace ?? null}
          onClose={() => panels.hide('exercise')}
        />
      )}
      {panels.isOpen('plans') && <PlansPanel api={api} onClose={() => panels.hide('plans')} />}
      {p.upstreamAt && (
        <UpstreamPanel
          point={p.upstreamAt}
          onClose={() => p.setUpstreamAt(null)}
          onSelect={(x) => {
            p.selectSite(x.id);
            mapRef.current?.flyTo(x.location.lon, x.location.lat, 8);
          }}
        />
      )}
      {s.trace && (
        <TracePanel
          trace={trace.data}
          running={trace.running}
          error={trace.error}
          onClose={p.closeTrace}
          onZoom={(b) => mapRef.current?.fitBounds(b, 10)}
          release={p.release}
          onRelease={p.setRelease}
          onPlume={p.setPlume}
          onFollow={(lon, lat) => mapRef.current?.map()?.easeTo({ center: [lon, lat], duration: 200 })}
        />
      )}
      {s.site && (
        <SitePanel
          site={site.data}
          loading={site.loading}
          error={site.error}
          onClose={() => p.selectSite(undefined)}
          onTrace={(x) => p.startTrace(x.lon, x.lat, x.id)}
          onEdit={(x) => p.setForm({ site: x })}
          onDelete={p.deleteSite}
          onReport={(x) => p.openReport(x.id)}
          api={api}
        >
          <SiteZones siteId={s.site} getMap={p.getMap} />
        </SitePanel>
      )}
    </div>
  );
}
