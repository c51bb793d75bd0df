// How a start point is joined to the river network, and the warnings a trace answer carries when that
// join is doubtful (across a drainage divide, or far from any river of the network).

/** A snap up to this distance is a normal one (the default snap cap); beyond it the join is assumed. */
export const NORMAL_SNAP_KM = 25;

export interface SnapConnection {
  /** `assumed`: the point lies off the network farther than a normal snap; that stretch is not timed. */
  kind: 'network' | 'assumed';
  /** Straight line from the point to where it joins the network. */
  distanceKm: number;
  /** The receiving river (or terminal lake) it joins. */
  via: string | null;
}

export interface TraceWarning {
  code: 'CROSSED_DIVIDE' | 'OWN_RIVER_MISSING' | 'CONNECTION_ASSUMED' | 'NO_RIVER_PATH';
  message: string;
}

export function connectionOf(distanceKm: number, via: string | null): SnapConnection {
  return { kind: distanceKm > NORMAL_SNAP_KM ? 'assumed' : 'network', distanceKm, via };
}

export const kmText = (km: number) => `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;
