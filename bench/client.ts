// Web client benchmark: (1) JS/CSS bundle sizes, gzip, main bundle vs the MapLibre chunk and worker;
// (2) time from navigation to the map's first `idle` with every layer's data loaded, in Chromium
// against the real server: a cold server (tile index and catchments built on first request) as the
// naive baseline, then a warm server, all layers vs the basemap alone.
// Usage: npm run build:client && npm run bench:client   (writes bench/out/client.json)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { waitForFirstIdle } from '../tests/e2e/map-helpers.js';
import { findChromium } from '../tests/support/chromium-binary.js';
import { copyOfBuiltDb, ROOT } from '../tests/support/database.js';
import { type RunningServer, startServer } from '../tests/support/server.js';

const ASSETS = path.join(ROOT, 'dist/client/assets');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_IDLE_MS = 2000;
const TARGET_MAIN_GZIP_KB = 500;

interface Asset {
  file: string;
  role: 'main' | 'maplibre' | 'maplibre-worker' | 'css' | 'other';
  rawKb: number;
  gzipKb: number;
}

function bundleSizes(): Asset[] {
  if (!fs.existsSync(ASSETS)) throw new Error('dist/client is missing: run `npm run build:client` first.');
  return fs
    .readdirSync(ASSETS)
    .filter((f) => /\.(m?js|css)$/.test(f))
    .map((file) => {
      const buf = fs.readFileSync(path.join(ASSETS, file));
      const role: Asset['role'] = file.endsWith('.css')
        ? 'css'
        : file.startsWith('maplibre-gl-worker')
          ? 'maplibre-worker'
          : file.startsWith('maplibre')
            ? 'maplibre'
            : file.startsWith('index')
              ? 'main'
              : 'other';
      const kb = (n: number) => Math.round(n / 102.4) / 10;
      return { file, role, rawKb: kb(buf.length), gzipKb: kb(gzipSync(buf, { level: 9 }).length) };
    })
    .sort((a, b) => b.gzipKb - a.gzipKb);
}

interface Visit {
  firstIdleMs: number;
  domContentLoadedMs: number;
  styleJsonMs: number | null;
  sitesMs: number | null;
  catchmentsMs: number | null;
}

/** One navigation in a fresh browser context (empty cache), timed inside the page. */
async function visit(browser: Browser, server: RunningServer, query: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  await page.goto(`${server.url}/${query}`);
  const firstIdleMs = await waitForFirstIdle(page, 120_000);
  // No named helpers inside evaluate: tsx would wrap them in a __name() call the page doesn't have.
  const timing = await page.evaluate(() => ({
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
      ?.domContentLoadedEventEnd,
    resources: performance
      .getEntriesByType('resource')
      .map((e) => [e.name, (e as PerformanceResourceTiming).responseEnd] as const),
  }));
  const end = (part: string) => {
    const r = timing.resources.find(([name]) => name.includes(part));
    return r ? Math.round(r[1]) : null;
  };
  const t = {
    domContentLoadedMs: Math.round(timing.dcl ?? -1),
    styleJsonMs: end('/api/style.json'),
    sitesMs: end('/api/sites?'),
    catchmentsMs: end('/api/basins/catchments'),
  };
  await context.close();
  return { firstIdleMs, ...t };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};

async function main(): Promise<void> {
  const assets = bundleSizes();
  const sum = (role: Asset['role']) =>
    Math.round(assets.filter((a) => a.role === role).reduce((s, a) => s + a.gzipKb, 0) * 10) / 10;
  console.log('Bundle (gzip -9):');
  for (const a of assets)
    console.log(`  ${a.role.padEnd(16)} ${a.file.padEnd(40)} ${a.rawKb} kB → ${a.gzipKb} kB`);

  const binary = await findChromium();
  console.log(`Browser: ${binary.executablePath} (${binary.origin})`);
  const browser = await chromium.launch({
    executablePath: binary.executablePath,
    env: { ...process.env, ...binary.env },
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  const server = await startServer(copyOfBuiltDb());
  const view = '?lang=en&map=5/45.3/24';
  try {
    // Naive baseline: the first visitor of a fresh server pays for the tile index and the catchments.
    const cold = await visit(browser, server, view);
    console.log(`cold server: first idle ${cold.firstIdleMs} ms`);
    const warm: Visit[] = [];
    const basemapOnly: Visit[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await visit(browser, server, view));
      basemapOnly.push(await visit(browser, server, `${view}&layers=rivers,countries`));
    }
    const warmIdle = warm.map((v) => v.firstIdleMs);
    const out = {
      machine: { cpus: os.cpus().length, loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)) },
      renderer: 'Chromium headless, SwiftShader (software WebGL)',
      runs: RUNS,
      bundle: {
        assets,
        mainGzipKb: sum('main'),
        maplibreGzipKb: sum('maplibre'),
        maplibreWorkerGzipKb: sum('maplibre-worker'),
        cssGzipKb: sum('css'),
        targetMainGzipKb: TARGET_MAIN_GZIP_KB,
      },
      firstIdle: {
        coldServerMs: cold.firstIdleMs,
        warmServerMedianMs: median(warmIdle),
        warmServerMinMs: Math.min(...warmIdle),
        warmServerMaxMs: Math.max(...warmIdle),
        basemapOnlyMedianMs: median(basemapOnly.map((v) => v.firstIdleMs)),
        targetMs: TARGET_IDLE_MS,
        breakdownMedianMs: {
          domContentLoaded: median(warm.map((v) => v.domContentLoadedMs)),
          styleJson: median(warm.map((v) => v.styleJsonMs ?? Number.NaN)),
          sites: median(warm.map((v) => v.sitesMs ?? Number.NaN)),
          catchments: median(warm.map((v) => v.catchmentsMs ?? Number.NaN)),
        },
        warm,
      },
    };
    console.log(
      `main bundle ${out.bundle.mainGzipKb} kB gzip (target ≤ ${TARGET_MAIN_GZIP_KB}); MapLibre ${out.bundle.maplibreGzipKb} kB + worker ${out.bundle.maplibreWorkerGzipKb} kB gzip; CSS ${out.bundle.cssGzipKb} kB`,
    );
    console.log(
      `first idle, all layers: warm server median ${out.firstIdle.warmServerMedianMs} ms (min ${out.firstIdle.warmServerMinMs}, max ${out.firstIdle.warmServerMaxMs}; target ≤ ${TARGET_IDLE_MS}); cold server ${cold.firstIdleMs} ms; basemap only ${out.firstIdle.basemapOnlyMedianMs} ms`,
    );
    console.log(
      `  in the page (median): DOMContentLoaded ${out.firstIdle.breakdownMedianMs.domContentLoaded} ms, style.json ${out.firstIdle.breakdownMedianMs.styleJson} ms, sites ${out.firstIdle.breakdownMedianMs.sites} ms, catchments ${out.firstIdle.breakdownMedianMs.catchments} ms`,
    );
    console.log(`  load average ${out.machine.loadAverage1m} on ${out.machine.cpus} CPUs`);
    fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/out/client.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log('wrote bench/out/client.json');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
