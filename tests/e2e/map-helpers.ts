// Helpers for driving the MapLibre map in the e2e tests through the client's window.__hazatlas hook:
// waiting for the first "ready" idle, waiting for the next idle, reading canvas pixels, clicking a place.
import type { Page } from 'playwright-core';

/** Waits for the app's first map idle with every layer's data loaded; returns ms since navigation. */
export async function waitForFirstIdle(page: Page, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(() => window.__hazatlas?.firstIdleMs !== undefined, null, {
    timeout: timeoutMs,
  });
  return page.evaluate(() => window.__hazatlas?.firstIdleMs ?? -1);
}

/** Resolves at the map's next `idle` (forcing a repaint so an already idle map reports too). */
export async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__hazatlas?.map;
        if (!map) {
          resolve();
          return;
        }
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

export interface CanvasStats {
  width: number;
  height: number;
  samples: number;
  distinctColours: number;
  /** Share of sampled pixels that are neither transparent nor the ocean/background colour. */
  nonBackgroundShare: number;
  landShare: number;
  oceanShare: number;
}

/** Samples the WebGL canvas (kept with preserveDrawingBuffer) through a 2D copy. */
export async function canvasStats(page: Page): Promise<CanvasStats> {
  return page.evaluate(() => {
    const gl = window.__hazatlas?.map.getCanvas();
    if (!gl) throw new Error('no map canvas');
    const copy = document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    const ctx = copy.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(gl, 0, 0);
    const d = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const colours = new Set<number>();
    let samples = 0;
    let nonBg = 0;
    let land = 0;
    let ocean = 0;
    const near = (i: number, r: number, g: number, b: number) =>
      Math.abs((d[i] ?? 0) - r) + Math.abs((d[i + 1] ?? 0) - g) + Math.abs((d[i + 2] ?? 0) - b) < 24;
    for (let i = 0; i < d.length; i += 4 * 13) {
      samples++;
      colours.add(((d[i] ?? 0) << 16) | ((d[i + 1] ?? 0) << 8) | (d[i + 2] ?? 0));
      const isOcean = near(i, 0xb7, 0xd3, 0xe9);
      if (isOcean) ocean++;
      // Land is #f3f1ea under a pale basin tint.
      if ((d[i] ?? 0) > 200 && (d[i + 1] ?? 0) > 200 && (d[i + 2] ?? 0) > 180 && !isOcean) land++;
      if ((d[i + 3] ?? 0) > 0 && !isOcean) nonBg++;
    }
    return {
      width: copy.width,
      height: copy.height,
      samples,
      distinctColours: colours.size,
      nonBackgroundShare: nonBg / samples,
      landShare: land / samples,
      oceanShare: ocean / samples,
    };
  });
}

/** Moves the map to a place (no animation) and waits until it has drawn there. */
export async function jumpTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(([x, y, z]) => window.__hazatlas?.map.jumpTo({ center: [x, y], zoom: z }), [
    lon,
    lat,
    zoom,
  ] as const);
  await waitIdle(page);
}

/**
 * Clicks the map canvas where a lon/lat is drawn. Projection and canvas position are read together
 * after two frames, so a layout change just before (a panel or hint opening) has resized the map.
 */
export async function clickLonLat(page: Page, lon: number, lat: number): Promise<void> {
  const p = await page.evaluate(
    async ([x, y]) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const map = window.__hazatlas?.map;
      if (!map) return null;
      const box = map.getCanvas().getBoundingClientRect();
      const pt = map.project([x, y]);
      return { x: box.left + pt.x, y: box.top + pt.y };
    },
    [lon, lat] as const,
  );
  if (!p) throw new Error('map not on the page');
  await page.mouse.click(p.x, p.y);
}

/** Names of rendered features in the given layers (over the whole viewport). */
export async function renderedCount(page: Page, layers: string[]): Promise<number> {
  return page.evaluate((ids) => {
    const map = window.__hazatlas?.map;
    if (!map) return 0;
    return map.queryRenderedFeatures({ layers: ids.filter((id) => map.getLayer(id)) }).length;
  }, layers);
}

export async function mapView(page: Page): Promise<{ lon: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = window.__hazatlas?.map;
    if (!map) throw new Error('no map');
    const c = map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
  });
}
