// The pieces of discharge along a main path and where each value comes from (shared by the table-based
// and the network's own discharge).
import type { Reach } from '../trace/river-network.js';

/** `gauge`: at a table point; `interpolated`: between two; `estimated`: area × runoff (scaled by the nearest gauge, if any). */
export type DischargeSource = 'gauge' | 'interpolated' | 'estimated' | 'network';

export interface DischargePiece {
  fromKm: number;
  toKm: number;
  /** Discharge before any user factor. */
  dischargeM3s: number;
  source: DischargeSource;
  /** `source === 'estimated'` (kept for compatibility). */
  isDefault: boolean;
  reach: Reach;
}

export type DischargeSourceUsed =
  | {
      default: false;
      river: string;
      place: string;
      /** Km along the main path (negative: upstream of the start, used to interpolate). */
      km: number;
      dischargeM3s: number;
      source: string;
      reference: string;
      estimate: boolean;
      /** "network": the value is the network source's own (HydroRIVERS DIS_AV_CMS), not the table's. */
      dischargeSource?: 'network';
    }
  | {
      default: true;
      river: string | null;
      fromKm: number;
      toKm: number;
      scalerank: number;
      /** The largest value on the stretch. */
      dischargeM3s: number;
      basis: string;
      /** Catchment area at the stretch's end (km²); null without the runoff estimate. */
      areaKm2: number | null;
      runoffMmYr: number | null;
      /** Factor that makes the estimate agree with the nearest gauge (1: no gauge on the chain). */
      scale: number;
    };
