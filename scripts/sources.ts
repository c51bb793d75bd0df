// Reads Natural Earth layers from a local directory or a base URL (HAZATLAS_SOURCES / --sources),
// accepting .geojson, .geojson.gz and .json, caching downloads under data/cache/.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const DEFAULT_SOURCE_URL =
  'https://raw.githubusercontent.com/nvkelso/natural-earth-vector/master/geojson';

const EXTENSIONS = ['.geojson.gz', '.geojson', '.json', '.json.gz'];

export class SourceError extends Error {}

export interface SourceConfig {
  /** A local directory or an http(s) base URL. */
  location: string;
  cacheDir: string;
}

export type Props = Record<string, unknown>;
export interface SourceFeature {
  geometry: Geometry;
  /** Property names lower-cased: newer Natural Earth releases change their case. */
  props: Props;
}

export interface Layer {
  name: string;
  /** File or URL the layer was read from, with its size and mtime, for reproducibility notes. */
  origin: string;
  features: SourceFeature[];
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

export async function readLayer(config: SourceConfig, layer: string): Promise<Layer> {
  const { bytes, origin } = isUrl(config.location)
    ? await fetchCached(config, layer)
    : readLocal(config.location, layer);
  let text: string;
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
    text = raw.toString('utf8');
  } catch (err) {
    throw new SourceError(
      `${origin}: cannot decompress (${(err as Error).message}). Replace the file with a valid copy.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new SourceError(
      `${origin}: not valid JSON (${(err as Error).message}). Replace the file with a valid GeoJSON copy.`,
    );
  }
  const fc = parsed as Partial<FeatureCollection>;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new SourceError(`${origin}: not a GeoJSON FeatureCollection.`);
  }
  const features: SourceFeature[] = [];
  for (const f of fc.features as Feature[]) {
    if (!f?.geometry) continue; // Natural Earth has a few features without geometry (e.g. one Loire piece)
    features.push({ geometry: f.geometry, props: lowerKeys(f.properties ?? {}) });
  }
  return { name: layer, origin, features };
}

function lowerKeys(obj: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(obj)) out[k.toLowerCase()] = v;
  return out;
}

function readLocal(dir: string, layer: string): { bytes: Buffer; origin: string } {
  if (!fs.existsSync(dir)) {
    throw new SourceError(
      `Source directory ${dir} does not exist. Set HAZATLAS_SOURCES to the Natural Earth folder (e.g. ../shared/data/naturalearth) or to a base URL.`,
    );
  }
  for (const ext of EXTENSIONS) {
    const file = path.join(dir, layer + ext);
    if (fs.existsSync(file)) return { bytes: fs.readFileSync(file), origin: file };
  }
  throw new SourceError(
    `Missing source layer ${layer} in ${dir} (looked for ${EXTENSIONS.map((e) => layer + e).join(', ')}). Download it from naturalearthdata.com or point HAZATLAS_SOURCES elsewhere.`,
  );
}

async function fetchCached(config: SourceConfig, layer: string): Promise<{ bytes: Buffer; origin: string }> {
  fs.mkdirSync(config.cacheDir, { recursive: true });
  for (const ext of EXTENSIONS) {
    const cached = path.join(config.cacheDir, layer + ext);
    if (fs.existsSync(cached)) return { bytes: fs.readFileSync(cached), origin: cached };
  }
  const base = config.location.replace(/\/+$/, '');
  const tried: string[] = [];
  for (const ext of EXTENSIONS) {
    const url = `${base}/${layer}${ext}`;
    tried.push(url);
    let res: Response;
    try {
      res = await fetch(url);
    } catch (err) {
      throw new SourceError(
        `Cannot download ${url}: ${(err as Error).message}. Check the network or set HAZATLAS_SOURCES to a local directory.`,
      );
    }
    if (res.status === 404) continue;
    if (!res.ok) throw new SourceError(`Downloading ${url} failed with HTTP ${res.status}.`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const cached = path.join(config.cacheDir, layer + ext);
    fs.writeFileSync(`${cached}.part`, bytes);
    fs.renameSync(`${cached}.part`, cached);
    return { bytes, origin: url };
  }
  throw new SourceError(`Missing source layer ${layer}: none of ${tried.join(', ')} exists.`);
}

export const str = (p: Props, key: string): string | null => {
  const v = p[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};
export const num = (p: Props, key: string): number | null => {
  const v = p[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};
