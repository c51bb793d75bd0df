// The contract in shared/ is the only copy: neither the client nor the server defines a code list, a
// range table or a map name that shared/ exports, under its name or under another one; every code has
// a label in each locale; the server's basemap style uses the shared layer ids, source and fonts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStyle } from '../../server/basemap/map-style.js';
import { BASEMAP_LAYERS as VECTOR_LAYERS } from '../../server/core/tiles/vector-layers.js';
import * as codes from '../../shared/codes.js';
import * as limits from '../../shared/limits.js';
import { CODE_LABELS, codeWords } from '../../shared/locales/index.js';
import * as map from '../../shared/map.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name))
        out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

const appSources = [...sources('client/src'), ...sources('server'), ...sources('scripts')];
const sharedNames = [...Object.keys(codes), ...Object.keys(limits), ...Object.keys(map)].filter((n) =>
  /^[A-Z][A-Z0-9_]+$/.test(n),
);

/** Code lists of shared/codes.ts with at least three values (shorter ones are too common to spot). */
const codeLists = Object.entries(codes as Record<string, unknown>).filter(
  (e): e is [string, readonly (string | number)[]] => Array.isArray(e[1]) && e[1].length >= 3,
);

describe('shared contract, one copy', () => {
  it('no client, server or script module defines a constant shared/ exports', () => {
    const definitions = appSources.flatMap(({ file, text }) =>
      sharedNames
        .filter((name) => new RegExp(`\\b(?:const|let|var|enum)\\s+${name}\\b`).test(text))
        .map((name) => `${file}: ${name}`),
    );
    expect(definitions).toEqual([]);
  });

  it('no module writes out a shared code list under another name', () => {
    const copies = appSources.flatMap(({ file, text }) =>
      codeLists
        .filter(([, values]) => {
          // The list's first three values in order, as an array literal would spell them.
          const seq = values
            .slice(0, 3)
            .map((v) => (typeof v === 'string' ? `['"]${v}['"]` : String(v)))
            .join('\\s*,\\s*');
          return new RegExp(`\\[\\s*${seq}`).test(text);
        })
        .map(([name]) => `${file}: ${name}`),
    );
    expect(copies).toEqual([]);
  });

  it('the receptor limit and the release ranges are the ones the API applies', () => {
    // server/http/routes/receptors.ts pages receptors up to MAX_RECEPTOR_LIMIT (10,000).
    expect(limits.MAX_RECEPTOR_LIMIT).toBe(10_000);
    expect(limits.RELEASE_LIMITS.dischargeFactor).toEqual([0.01, 10]);
  });
});

describe('code labels', () => {
  it('every code has a label in English and Russian, distinct within its list', () => {
    for (const lang of codes.LANGUAGES) {
      const labels = CODE_LABELS[lang];
      const lists: [readonly string[], Record<string, string>][] = [
        [codes.SITE_KINDS, labels.kind],
        [codes.SECTORS, labels.sector],
        [codes.SITE_STATUSES, labels.status],
        [codes.DAM_RAISE_TYPES, labels.damRaise],
        [codes.FLOOD_EXPOSURES, labels.floodExposure],
        [codes.SEISMIC_EXPOSURES, labels.seismicExposure],
        [codes.TOXIC_CONSTITUENTS, labels.toxic],
        [codes.RECEPTOR_KINDS, labels.receptorKind],
        [codes.OUTLET_KINDS, labels.outletKind],
        [codes.CROSSING_KINDS, labels.crossingKind],
      ];
      for (const [list, words] of lists) {
        expect(Object.keys(words).sort()).toEqual([...list].sort());
        expect(new Set(Object.values(words)).size).toBe(list.length);
        for (const w of Object.values(words)) expect(w.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('reports put codes in running text lower-cased, unknown codes with spaces', () => {
    expect(codeWords('ru', 'kind', 'tmf')).toBe('хвостохранилище');
    expect(codeWords('en', 'outletKind', 'terminal_lake')).toBe('terminal lake');
    expect(codeWords('en', 'sector', 'no_such_sector')).toBe('no such sector');
  });
});

describe('basemap names', () => {
  const style = buildStyle('http://127.0.0.1') as {
    sources: Record<string, unknown>;
    layers: { id: string; source?: string; 'source-layer'?: string; layout?: { 'text-font'?: string[] } }[];
  };

  it('the server style has every basemap layer id the client refers to, from the shared source', () => {
    const ids = style.layers.map((l) => l.id);
    for (const id of Object.values(map.BASEMAP_LAYER_IDS)) expect(ids).toContain(id);
    expect(Object.keys(style.sources)).toEqual([map.BASEMAP_SOURCE]);
    for (const l of style.layers) {
      if (l.source === undefined) continue;
      expect(l.source).toBe(map.BASEMAP_SOURCE);
      expect(map.TILE_LAYERS).toContain(l['source-layer']);
    }
  });

  it('the tiles declare (TileJSON vector_layers) exactly the shared tile layers', () => {
    expect(VECTOR_LAYERS.map((l) => l.id).sort()).toEqual([...map.TILE_LAYERS].sort());
  });

  it('every font stack in the style is a shared one with glyphs on the server', () => {
    const stacks = Object.values(map.FONTS).map((f) => f.join(','));
    for (const l of style.layers) {
      const font = l.layout?.['text-font'];
      if (font) expect(stacks).toContain(font.join(','));
    }
    for (const f of Object.values(map.FONTS)) {
      // server/assets/glyphs holds one directory of PBF ranges per font (0-255.pbf covers Latin).
      expect(fs.existsSync(path.join(ROOT, 'server/assets/glyphs', f[0] as string, '0-255.pbf'))).toBe(true);
    }
  });
});
