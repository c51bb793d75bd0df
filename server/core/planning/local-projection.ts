// A local azimuthal equidistant projection (proj4, WGS84 ellipsoid) centred on a site: distances from
// the centre are true in metres, so buffers and distances are not distorted by latitude.
import proj4 from 'proj4';

export type XY = [number, number];

export interface LocalProjection {
  centre: { lon: number; lat: number };
  /** WGS84 lon/lat → metres east/north of the centre. */
  toLocal(lon: number, lat: number): XY;
  /** Metres east/north of the centre → WGS84 lon/lat. */
  toWgs84(x: number, y: number): XY;
}

export function localProjection(lon: number, lat: number): LocalProjection {
  const def = `+proj=aeqd +lat_0=${lat} +lon_0=${lon} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs`;
  const converter = proj4('EPSG:4326', def);
  return {
    centre: { lon, lat },
    toLocal: (x, y) => converter.forward([x, y]) as XY,
    toWgs84: (x, y) => converter.inverse([x, y]) as XY,
  };
}
