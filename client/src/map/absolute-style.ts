// The server's style.json gives root-relative tile and glyph URLs (it never copies the Host header);
// MapLibre needs absolute ones (its workers resolve URLs against a blob: URL), so they are resolved
// here against the page's own origin.
import type { StyleSpecification } from 'maplibre-gl';

const absolute = (url: string, origin: string) => (url.startsWith('/') ? `${origin}${url}` : url);

export function absoluteStyle(style: StyleSpecification, origin: string): StyleSpecification {
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, src]) => [
      id,
      'tiles' in src && Array.isArray(src.tiles)
        ? { ...src, tiles: src.tiles.map((t: string) => absolute(t, origin)) }
        : src,
    ]),
  ) as StyleSpecification['sources'];
  return {
    ...style,
    sources,
    ...(style.glyphs ? { glyphs: absolute(style.glyphs, origin) } : {}),
  };
}
