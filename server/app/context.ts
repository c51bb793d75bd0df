// What every use case works with: the store (asynchronous, server/app/ports.ts) and the network and
// geography loaded once at start-up (in memory, read-only). Built by server/runtime/services.ts.
import type { PolygonLocator } from '../core/geo/polygon-locator.js';
import type { SegmentIndex } from '../core/geo/segment-index.js';
import type { HydrologyProvider } from '../core/register/hydrology.js';
import type { DrainageAreas } from '../core/trace/drainage-areas.js';
import type { RiverNetwork } from '../core/trace/river-network.js';
import type { AnchoredDischarge } from '../core/transport/discharge-table.js';
import type { UpstreamIndex } from '../core/upstream/upstream-index.js';
import type { Store } from './ports.js';

export interface AppContext {
  store: Store;
  network: RiverNetwork;
  /** Country (ADM0_A3) containing a point, from the 50 m polygons. */
  land: PolygonLocator<string>;
  boundaries: SegmentIndex;
  hydrology: HydrologyProvider;
  /**
   * The hydrological tables placed on the network: gauges, area × runoff on every reach for discharge
   * off the gauges, and the official river km the trace calibrates to (built on first use, ≈ 0.5–1.5 s).
   */
  readonly discharge: AnchoredDischarge;
  /** Which river system or terminal lake each land cell drains to (catchment-aware snapping; loaded on first use). */
  readonly drainage: DrainageAreas;
  /** Nested-set numbering of the network with discharge-based travel times (built on first use). */
  readonly upstream: UpstreamIndex;
  meta: Record<string, string>;
}
