// The client resolves the server's root-relative tile and glyph URLs against its own origin, and
// leaves absolute ones (a configured HAZATLAS_PUBLIC_URL) alone.
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { absoluteStyle } from '../../client/src/map/absolute-style.js';
import { buildStyle } from '../../server/basemap/map-style.js';

describe('absoluteStyle', () => {
  it('prefixes root-relative URLs with the page origin', () => {
    const style = absoluteStyle(buildStyle('') as unknown as StyleSpecification, 'https://maps.example.org');
    expect(style.glyphs).toBe('https://maps.example.org/api/glyphs/{fontstack}/{range}.pbf');
    expect((style.sources.basemap as { tiles: string[] }).tiles).toEqual([
      'https://maps.example.org/api/tiles/{z}/{x}/{y}.pbf',
    ]);
  });

  it('keeps absolute URLs as they are', () => {
    const style = absoluteStyle(
      buildStyle('https://hazatlas.example.net') as unknown as StyleSpecification,
      'https://other.example.org',
    );
    expect(style.glyphs).toBe('https://hazatlas.example.net/api/glyphs/{fontstack}/{range}.pbf');
  });
});
