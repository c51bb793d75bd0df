// Keeps the receptor layer filled while it is switched on: asks GET /api/receptors for the view (grown
// by half its size, so small pans need no request) after each move, and again when `version` changes.
import type { Map as MlMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bbox } from '../../../shared/api.js';
import { MAX_RECEPTOR_LIMIT } from '../../../shared/limits.js';
import type { Api } from '../lib/api.js';
import { bboxContains, layerBbox, receptorsGeoJson } from '../lib/receptors.js';
import { setReceptorData, setReceptorsVisible } from './receptor-layers.js';
import { attachReceptorPopup } from './receptor-popup.js';
import { whenMap } from './when-map.js';

const viewOf = (map: MlMap): Bbox => {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
};

/** `popupActive` says when a click on a receptor may name it (browsing, not drawing or tracing). */
export function useReceptorLayer(
  api: Api,
  getMap: () => MlMap | null,
  visible: boolean,
  version: number,
  popupActive: () => boolean,
) {
  const { t } = useTranslation();
  useEffect(() => {
    let detach: (() => void) | undefined;
    const cancel = whenMap(getMap, (map) => {
      detach = attachReceptorPopup(map, (kind) => t(`receptors.kinds.${kind}`), popupActive);
    });
    return () => {
      cancel();
      detach?.();
    };
  }, [getMap, popupActive, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is a reload trigger after imports and deletes.
  useEffect(() => {
    let map: MlMap | null = null;
    let ctrl: AbortController | null = null;
    // The box last answered in full: a view inside it is already drawn.
    let covered: Bbox | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      if (!map || !visible) return;
      const view = viewOf(map);
      if (covered && bboxContains(covered, view)) return;
      const box = layerBbox(view);
      ctrl?.abort();
      const mine = new AbortController();
      ctrl = mine;
      api.receptors({ bbox: box, limit: MAX_RECEPTOR_LIMIT }, mine.signal).then(
        (r) => {
          if (mine.signal.aborted || !map) return;
          setReceptorData(map, receptorsGeoJson(r.items));
          // More than one page in the box: ask again on the next move rather than trust a partial layer.
          covered = r.total <= r.items.length ? box : null;
        },
        // The layer is an overlay: a failed request leaves what is drawn (the panel reports errors).
        () => undefined,
      );
    };
    const onMove = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 250);
    };
    const cancel = whenMap(getMap, (m) => {
      map = m;
      setReceptorsVisible(m, visible);
      m.on('moveend', onMove);
      load();
    });
    return () => {
      cancel();
      clearTimeout(timer);
      ctrl?.abort();
      map?.off('moveend', onMove);
    };
  }, [api, getMap, visible, version]);
}
