// River reaches as flat, typed features for OGC API – Features (`rivers`): name, class, length,
// long-term mean discharge at the reach's downstream end with where it comes from, country and basin.
import type { LineString } from 'geojson';
import type { RiverNetwork } from '../trace/river-network.js';
import type { NaturalFlow } from './runoff.js';

export interface RiverFeature {
  id: string;
  bbox: [number, number, number, number];
  geometry: LineString;
  properties: {
    name: string | null;
    nameLocal: string | null;
    featureClass: string;
    scalerank: number;
    lengthKm: number;
    /** m³/s at the downstream end: the network source's own (HydroRIVERS) or area × runoff (estimate). */
    dischargeM3s: number | null;
    dischargeSource: 'network' | 'runoff' | null;
    countryIso3: string | null;
    basinId: number;
    basinName: string | null;
  };
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

export function riverFeatures(net: RiverNetwork, flow: NaturalFlow | null | undefined): RiverFeature[] {
  return net.reaches.map((r) => {
    const coordinates: [number, number][] = [];
    const bbox: [number, number, number, number] = [180, 90, -180, -90];
    for (let i = 0; i + 1 < r.coords.length; i += 2) {
      const lon = r.coords[i] as number;
      const lat = r.coords[i + 1] as number;
      coordinates.push([lon, lat]);
      bbox[0] = Math.min(bbox[0], lon);
      bbox[1] = Math.min(bbox[1], lat);
      bbox[2] = Math.max(bbox[2], lon);
      bbox[3] = Math.max(bbox[3], lat);
    }
    const own = typeof r.dischargeM3s === 'number' ? r.dischargeM3s : null;
    const runoff = flow?.upstreamM3s[r.id];
    const dischargeM3s = own ?? (runoff !== undefined && runoff > 0 ? runoff : null);
    return {
      id: String(r.id),
      bbox,
      geometry: { type: 'LineString', coordinates },
      properties: {
        name: r.name,
        nameLocal: r.nameLocal ?? null,
        featureClass: r.featurecla,
        scalerank: r.scalerank,
        lengthKm: round(r.lengthKm, 3),
        dischargeM3s: dischargeM3s === null ? null : round(dischargeM3s, 2),
        dischargeSource: own !== null ? 'network' : dischargeM3s !== null ? 'runoff' : null,
        countryIso3: r.country,
        basinId: r.basinId,
        basinName: net.basins.get(r.basinId)?.name ?? null,
      },
    };
  });
}
