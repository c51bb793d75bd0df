// The left column: the basin picker and filters, and the list of sites they select.
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteSummary } from '../../../shared/api.js';
import { Filters } from '../components/Filters.js';
import { SiteList } from '../components/SiteList.js';
import { type BasinChoice, choiceKey } from '../lib/basins.js';
import type { AppState } from '../lib/url-state.js';
import type { MapHandle } from '../map/MapView.js';

export interface SidebarProps {
  s: AppState;
  setS(f: (p: AppState) => AppState): void;
  choices: BasinChoice[];
  countries: Parameters<typeof Filters>[0]['countries'];
  sites: { items: SiteSummary[]; total: number; loading: boolean };
  selectSite(id: string | undefined): void;
  mapRef: RefObject<MapHandle | null>;
}

export function Sidebar({ s, setS, choices, countries, sites, selectSite, mapRef }: SidebarProps) {
  const { t } = useTranslation();
  return (
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
        countries={countries}
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
  );
}
