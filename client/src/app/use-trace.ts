// The trace in the permalink (a point or a site, with the release scenario), run through useRemote; a
// trace the user starts is zoomed to once it arrives, a restored permalink keeps its view.
import { type RefObject, useEffect, useRef } from 'react';
import type { TraceResult } from '../../../shared/api.js';
import type { Api } from '../lib/api.js';
import { bboxOf } from '../lib/format.js';
import { fetchTrace } from '../lib/release.js';
import type { ReleaseParams } from '../lib/release-params.js';
import type { AppState } from '../lib/url-state.js';
import { useRemote } from '../lib/use-remote.js';
import type { MapHandle } from '../map/MapView.js';

export interface TraceState {
  data: TraceResult | null;
  running: boolean;
  error: string | null;
  /** The next trace that arrives is zoomed to (the user started it). */
  fitNext(): void;
}

export function useTrace(
  api: Api,
  start: AppState['trace'],
  release: ReleaseParams | null,
  mapRef: RefObject<MapHandle | null>,
): TraceState {
  const key = JSON.stringify([start, release]);
  const remote = useRemote(
    (signal) => fetchTrace(api, start as NonNullable<AppState['trace']>, release, signal),
    key,
    { enabled: start !== undefined },
  );
  const fit = useRef(false);
  // Only the answer to this start and release: while a new trace runs the old one is not shown.
  const current = start !== undefined && remote.answered === key;
  const data = current ? remote.data : null;

  useEffect(() => {
    if (!data || !fit.current) return;
    fit.current = false;
    const b = bboxOf(data.path.features.flatMap((f) => f.geometry.coordinates));
    if (b) mapRef.current?.fitBounds(b, 8);
  }, [data, mapRef]);

  return {
    data,
    running: start !== undefined && !current,
    error: current ? remote.error : null,
    fitNext: () => {
      fit.current = true;
    },
  };
}
