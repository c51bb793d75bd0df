// Finds the Chromium the browser tests drive: HAZATLAS_CHROMIUM, else Debian's /usr/bin/chromium, else the
// binary shipped inside the @sparticuz/chromium npm package, so `npm install && npm test` needs nothing by hand.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export interface ChromiumBinary {
  executablePath: string;
  /** Where it came from, printed by benchmarks and useful when a browser test fails. */
  origin: 'env' | 'system' | 'npm';
  /** Extra environment for the browser process (the npm build loads NSS from its own library folder). */
  env: Record<string, string>;
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** `HAZATLAS_BROWSER=bundled` forces the npm package's browser (to prove the suite passes without Debian's). */
export async function findChromium(): Promise<ChromiumBinary> {
  const fromEnv = process.env.HAZATLAS_CHROMIUM;
  if (fromEnv) return { executablePath: fromEnv, origin: 'env', env: {} };
  const forceBundled = process.env.HAZATLAS_BROWSER === 'bundled';
  if (!forceBundled && fs.existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, origin: 'system', env: {} };
  }
  return bundledChromium();
}

async function bundledChromium(): Promise<ChromiumBinary> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  const executablePath = await sparticuz.executablePath();
  // The package unpacks its own NSS/expat only on Amazon Linux; unpack them everywhere so the binary
  // runs on a machine with no browser libraries installed.
  const libDir = path.join(os.tmpdir(), 'hazatlas-chromium-libs');
  if (!fs.existsSync(path.join(libDir, 'lib', 'libnss3.so'))) {
    const pkgDir = path.dirname(path.dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))));
    const tar = zlib.brotliDecompressSync(fs.readFileSync(path.join(pkgDir, 'bin', 'al2023.tar.br')));
    fs.mkdirSync(libDir, { recursive: true });
    execFileSync('tar', ['-x', '-C', libDir], { input: tar });
  }
  const libPath = [path.join(libDir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { executablePath, origin: 'npm', env: { LD_LIBRARY_PATH: libPath } };
}
