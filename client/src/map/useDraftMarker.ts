// The marker of a site being added or edited: at the form's coordinates (the clicked point at first),
// draggable; a drag writes the new coordinates back into the form.
import { Marker, type Map as MlMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';

export function useDraftMarker(
  getMap: (() => MlMap | null) | undefined,
  at: { lon: number; lat: number } | null,
  onMove: (lon: number, lat: number) => void,
  label: string,
): void {
  const marker = useRef<Marker | null>(null);
  const moved = useRef(onMove);
  moved.current = onMove;
  useEffect(
    () => () => {
      marker.current?.remove();
      marker.current = null;
    },
    [],
  );
  const lon = at?.lon;
  const lat = at?.lat;
  useEffect(() => {
    const map = getMap?.();
    if (!map) return;
    if (lon === undefined || lat === undefined) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (marker.current) {
      marker.current.setLngLat([lon, lat]);
      return;
    }
    const m = new Marker({ draggable: true, color: '#c00000' }).setLngLat([lon, lat]).addTo(map);
    m.getElement().setAttribute('data-testid', 'draft-marker');
    m.getElement().setAttribute('aria-label', label);
    m.on('dragend', () => {
      const p = m.getLngLat();
      moved.current(p.lng, p.lat);
    });
    marker.current = m;
  }, [getMap, lon, lat, label]);
}
