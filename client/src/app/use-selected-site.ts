// The site open in the side panel, loaded through useRemote: kept on screen while the same site reloads
// (after a save), flown to once loaded when a list without coordinates asked for it, and an error of a
// failed delete shown in its place.
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { Site } from '../../../shared/api.js';
import type { Api } from '../lib/api.js';
import { useRemote } from '../lib/use-remote.js';
import type { MapHandle } from '../map/MapView.js';

export interface SelectedSite {
  data: Site | null;
  loading: boolean;
  error: string | null;
  /** Fly to the site `id` once it has loaded (it was picked in a list without coordinates). */
  flyWhenLoaded(id: string): void;
  /** A failed action on the site (delete) shows its message in the panel. */
  setActionError(message: string): void;
}

export function useSelectedSite(
  api: Api,
  id: string | undefined,
  reload: number,
  mapRef: RefObject<MapHandle | null>,
): SelectedSite {
  const key = `${id}|${reload}`;
  const remote = useRemote(() => api.site(id as string), key, { enabled: id !== undefined });
  const [actionError, setActionError] = useState<{ key: string; message: string } | null>(null);
  const flyTo = useRef<string | null>(null);
  // Another site's answer (or one from before the selection was cleared) is not this site's; a reload of
  // the same site (after a save) keeps it on screen.
  const data = id !== undefined && remote.data?.id === id ? remote.data : null;
  const answered = id !== undefined && remote.answered === key;

  useEffect(() => {
    if (!data) return;
    if (flyTo.current === data.id) mapRef.current?.flyTo(data.lon, data.lat, 8);
    flyTo.current = null;
  }, [data, mapRef]);

  return {
    data,
    loading: id !== undefined && !answered,
    error: (actionError?.key === key ? actionError.message : null) ?? (answered ? remote.error : null),
    flyWhenLoaded: (siteId) => {
      flyTo.current = siteId;
    },
    setActionError: (message) => setActionError({ key, message }),
  };
}
