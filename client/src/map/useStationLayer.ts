// Loads every station once (at most 1,000, one request) and keeps the stations layer in step with its
// legend switch.
import type { Map as MlMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../lib/api.js';
import type { Station } from '../lib/plans-api.js';
import { attachStationPopup, setStationData, stationsGeoJson } from './station-layers.js';
import { whenMap } from './when-map.js';

export function useStationLayer(
  api: Api,
  getMap: () => MlMap | null,
  visible: boolean,
  popupActive: () => boolean,
) {
  const { t } = useTranslation();
  const [stations, setStations] = useState<Station[] | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api.stations(ctrl.signal).then(
      (r) => setStations(r.items),
      () => setStations([]),
    );
    return () => ctrl.abort();
  }, [api]);
  useEffect(() => {
    if (!stations) return;
    return whenMap(getMap, (map) => setStationData(map, stationsGeoJson(stations), visible));
  }, [getMap, stations, visible]);
  useEffect(() => {
    let detach: (() => void) | undefined;
    const cancel = whenMap(getMap, (map) => {
      detach = attachStationPopup(map, (k) => t(`plans.stationKinds.${k}`), popupActive);
    });
    return () => {
      cancel();
      detach?.();
    };
  }, [getMap, popupActive, t]);
  return stations;
}
