// Clicking an imported receptor on the map names it in a popup (its kind and name). Built from DOM
// text nodes, never HTML: receptor names come from imported files.
import { type MapMouseEvent, type Map as MlMap, Popup } from 'maplibre-gl';

const CLICKABLE = ['receptor-points', 'receptor-fill'];
const SITE_LAYERS = ['site-points', 'site-clusters'];

export function receptorPopupContent(name: string, kindLabel: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'receptor-popup';
  const title = document.createElement('strong');
  title.textContent = name;
  const kind = document.createElement('div');
  kind.className = 'muted small';
  kind.textContent = kindLabel;
  box.append(title, kind);
  return box;
}

/**
 * Shows the popup on clicks that hit a receptor but no site (a site click opens its panel) while
 * `active()` holds (browsing, not drawing or tracing). Returns the detach function.
 */
export function attachReceptorPopup(
  map: MlMap,
  kindLabel: (kind: string) => string,
  active: () => boolean,
): () => void {
  const popup = new Popup({ closeButton: true, maxWidth: '260px' });
  const onClick = (e: MapMouseEvent) => {
    if (!active()) return;
    const layers = CLICKABLE.filter((id) => map.getLayer(id));
    if (layers.length === 0) return;
    if (
      map.queryRenderedFeatures(e.point, { layers: SITE_LAYERS.filter((id) => map.getLayer(id)) }).length > 0
    )
      return;
    const hit = map.queryRenderedFeatures(e.point, { layers })[0];
    if (!hit) return;
    const name = String(hit.properties?.name ?? '');
    const kind = String(hit.properties?.kind ?? 'other');
    popup
      .setLngLat(e.lngLat)
      .setDOMContent(receptorPopupContent(name, kindLabel(kind)))
      .addTo(map);
  };
  map.on('click', onClick);
  return () => {
    map.off('click', onClick);
    popup.remove();
  };
}
