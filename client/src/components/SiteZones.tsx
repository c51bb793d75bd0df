// The selected site's consultation zones: drawn on the map, with the populated places and imported
// receptors inside each zone listed in the site panel.
import type { Map as MlMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import { fetchSiteZones, type SiteZonesResult, type Zone } from '../lib/planning-api.js';
import { setZones, ZONE_COLORS } from '../map/planning-layers.js';
import { whenMap } from '../map/when-map.js';

const ZONES: Zone[] = ['inner', 'middle', 'outer'];

export function SiteZones({ siteId, getMap }: { siteId: string; getMap(): MlMap | null }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<SiteZonesResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    let cancelDraw: (() => void) | undefined;
    setData(null);
    setError(null);
    fetchSiteZones(siteId, ctrl.signal).then(
      (z) => {
        setData(z);
        // A site restored from a permalink can answer before the map has loaded: draw once it has.
        cancelDraw = whenMap(getMap, (map) => setZones(map, z.zones));
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setError(e instanceof ApiError ? e.message : t('errors.network'));
      },
    );
    return () => {
      ctrl.abort();
      cancelDraw?.();
      const map = getMap();
      if (map) setZones(map, null);
    };
  }, [siteId, getMap, t]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!data) return null;
  const lang = i18n.language;
  return (
    <section className="site-zones" data-testid="site-zones">
      <h3>{t('planning.zonesTitle')}</h3>
      <p className="muted">
        {t('planning.zoneRule', {
          kasClass: data.zoneRule.kasClass,
          radii: data.zones.features.map((f) => formatNumber(f.properties.radiusM, lang)).join(' / '),
        })}
        {data.zoneRule.assumption ? ` ${t('planning.assumption')}` : ''}
      </p>
      <ul className="zone-list">
        {ZONES.map((z) => {
          const items = data.receptors[z] ?? [];
          return (
            <li key={z} data-zone={z}>
              <span className="swatch" style={{ background: ZONE_COLORS[z] }} aria-hidden="true" />{' '}
              <strong>{t(`planning.zones.${z}`)}</strong>:{' '}
              {items.length === 0
                ? t('planning.noReceptors')
                : items
                    .map(
                      (r) =>
                        `${r.name} (${r.source === 'place' ? t('planning.place') : t(`planning.receptorKinds.${r.kind}`, { defaultValue: r.kind })}${r.population ? `, ${formatNumber(r.population, lang)}` : ''}; ${formatNumber(Math.round(r.distanceM), lang)} m)`,
                    )
                    .join(', ')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
