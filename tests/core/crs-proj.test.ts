// Every CRS of the reviewed table (data/crs.json) and of the client's list, against PROJ's own answer
// (cs2cs, Debian proj-bin): at real places in each CRS's area of use, toWgs84 and fromWgs84 agree with
// PROJ to ≤ 1 m. Places: Natural Earth populated places (ne_10m_populated_places_simple), 4 decimals.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CRS_CHOICES } from '../../client/src/lib/crs-choices.js';
import { fromWgs84, parseEpsgCode, toWgs84 } from '../../server/core/crs.js';
import { tableCrsList } from '../../server/core/crs-table.js';

const PLACES: Array<[name: string, lon: number, lat: number]> = [
  ['Vienna', 16.3647, 48.202],
  ['Innsbruck', 11.41, 47.2804],
  ['Graz', 15.41, 47.0778],
  ['Linz', 14.2888, 48.3192],
  ['Prague', 14.464, 50.0853],
  ['Brno', 16.61, 49.2004],
  ['Ostrava', 18.25, 49.8304],
  ['Bratislava', 17.117, 48.15],
  ['Budapest', 19.0814, 47.502],
  ['Szeged', 20.15, 46.2504],
  ['Debrecen', 21.63, 47.5305],
  ['Warsaw', 20.9981, 52.2519],
  ['Gdańsk', 18.64, 54.36],
  ['Katowice', 19.02, 50.2604],
  ['Tromsø', 18.992, 69.6351],
  ['Luleå', 22.1584, 65.5966],
  ['Oulu', 25.47, 65.0],
  ['Murmansk', 33.1, 68.97],
  ['Ljubljana', 14.515, 46.0553],
  ['Zagreb', 16.0, 45.8],
  ['Osijek', 18.68, 45.5504],
  ['Sarajevo', 18.383, 43.85],
  ['Belgrade', 20.466, 44.8206],
  ['Podgorica', 19.2663, 42.466],
  ['Skopje', 21.4335, 42.0],
  ['Tirana', 19.8189, 41.3275],
  ['Cluj-Napoca', 23.5984, 46.7884],
  ['Bucharest', 26.098, 44.4353],
  ['Sofia', 23.3147, 42.6853],
  ['Plovdiv', 24.754, 42.154],
  ['Ruse', 25.9733, 43.8537],
  ['Varna', 27.8953, 43.2156],
  ['Tiraspol', 29.64, 46.8531],
  ['Uzhgorod', 22.25, 48.63],
  ['Chernivtsi', 25.9216, 48.3053],
  ['Lviv', 24.03, 49.835],
  ['Cherkasy', 32.0709, 49.4347],
  ['Kryvyi Rih', 33.345, 47.9283],
  ['Luhansk', 39.3344, 48.5698],
  ['Odesa', 30.7081, 46.492],
  ['Kyiv', 30.5147, 50.4353],
  ['Kharkiv', 36.2481, 50.0019],
  ['Minsk', 27.5647, 53.9019],
  ['Moscow', 37.6136, 55.7541],
  ['Tbilisi', 44.7888, 41.727],
  ['Yerevan', 44.5116, 40.1831],
  ['Baku', 49.8603, 40.3972],
  ['Atyrau', 51.92, 47.1127],
  ['Ashgabat', 58.3833, 37.95],
  ['Nukus', 59.615, 42.47],
  ['Bukhara', 64.43, 39.78],
  ['Qarshi', 65.8, 38.8704],
  ['Samarkand', 66.945, 39.67],
  ['Dushanbe', 68.7739, 38.56],
  ['Tashkent', 69.293, 41.3136],
  ['Shymkent', 69.595, 42.32],
  ['Khujand', 69.6199, 40.29],
  ['Astana', 71.4278, 51.1811],
  ['Namangan', 71.67, 41.0],
  ['Andijon', 72.34, 40.79],
  ['Osh', 72.79, 40.5404],
  ['Bishkek', 74.5833, 42.875],
  ['Naryn', 75.9911, 41.4263],
  ['Almaty', 76.9131, 43.3269],
  ['Oskemen', 82.6149, 49.99],
  ['Kemerovo', 86.09, 55.34],
];

/** Great-circle distance in metres (adequate at the metre scale checked here). */
function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

interface Bbox {
  south_latitude: number;
  west_longitude: number;
  north_latitude: number;
  east_longitude: number;
}

/** The CRS's area of use per PROJ ([north, west, south, east]) and whether its first axis is north. */
function areaOf(code: number): { bbox: number[]; northFirst: boolean; geographic: boolean } {
  const json = JSON.parse(execFileSync('projinfo', [`EPSG:${code}`, '-o', 'PROJJSON', '-q']).toString()) as {
    type: string;
    bbox?: Bbox;
    usages?: Array<{ bbox: Bbox }>;
    coordinate_system: { axis: Array<{ direction: string }> };
  };
  // A CRS with several usages (EPSG:6316) lists a bbox per usage; the first is its main area.
  const b = json.bbox ?? json.usages?.[0]?.bbox;
  if (!b) throw new Error(`EPSG:${code}: PROJ gives no area of use`);
  return {
    bbox: [b.north_latitude, b.west_longitude, b.south_latitude, b.east_longitude],
    northFirst: json.coordinate_system.axis[0]?.direction === 'north',
    geographic: json.type === 'GeographicCRS',
  };
}

function placesIn(bbox: number[]): typeof PLACES {
  const [n = 0, w = 0, s = 0, e = 0] = bbox;
  return PLACES.filter(
    ([, lon, lat]) => lat <= n && lat >= s && (w <= e ? lon >= w && lon <= e : lon >= w || lon <= e),
  );
}

/** PROJ's answer for WGS84 places in EPSG:code, as [x east, y north]. */
function cs2cs(code: number, places: typeof PLACES, northFirst: boolean): Array<[number, number]> {
  const input = places.map(([, lon, lat]) => `${lat} ${lon}`).join('\n');
  const out = execFileSync('cs2cs', ['-f', '%.9f', 'EPSG:4326', `EPSG:${code}`], { input }).toString();
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [a = Number.NaN, b = Number.NaN] = line.split(/\s+/).map(Number);
      return northFirst ? [b, a] : [a, b];
    });
}

const codes = [
  ...new Set([...tableCrsList().map((c) => c.code), ...CRS_CHOICES.map((c) => parseEpsgCode(c.code) ?? 0)]),
];

describe('every offered CRS agrees with PROJ (cs2cs) to ≤ 1 m', () => {
  it('covers the table and the client list (the national grids of the issue included)', () => {
    for (const c of [
      3844, 28412, 28413, 28414, 3120, 23700, 5514, 31254, 31255, 31256, 7801, 8682, 4026, 6381, 3035,
    ]) {
      expect(codes).toContain(c);
    }
  });

  it.each(codes)('EPSG:%i', (code) => {
    const { bbox, northFirst, geographic } = areaOf(code);
    const places = placesIn(bbox);
    expect(places.length, `no test place inside EPSG:${code}'s area ${bbox}`).toBeGreaterThan(0);
    const proj = cs2cs(code, places, northFirst && !geographic ? true : geographic);
    places.forEach(([name, lon, lat], i) => {
      const [x = 0, y = 0] = proj[i] ?? [];
      const [gotLon, gotLat] = toWgs84(`EPSG:${code}`, x, y);
      expect(distanceM(gotLon, gotLat, lon, lat), `${name} from EPSG:${code}`).toBeLessThanOrEqual(1);
      const [fx, fy] = fromWgs84(`EPSG:${code}`, lon, lat);
      const offM = geographic ? distanceM(fx, fy, x, y) : Math.hypot(fx - x, fy - y);
      expect(offM, `${name} to EPSG:${code}`).toBeLessThanOrEqual(1);
    });
  });
});

describe('codes outside the table (epsg-index) get the coordinate-frame sign fixed', () => {
  it('EPSG:20007 Pulkovo 1995 / GK zone 7 at Moscow agrees with cs2cs to ≤ 1 m', () => {
    // Pulkovo 1995 to WGS 84 (EPSG:1281) is a coordinate-frame transformation; epsg-index writes its
    // rotations with the position-vector sign. Moscow: Natural Earth populated places.
    const moscow = PLACES.find(([n]) => n === 'Moscow');
    if (!moscow) throw new Error('Moscow missing');
    const [[x, y] = [0, 0]] = cs2cs(20007, [moscow], true);
    const [lon, lat] = toWgs84('EPSG:20007', x, y);
    expect(distanceM(lon, lat, moscow[1], moscow[2])).toBeLessThanOrEqual(1);
  });
});
