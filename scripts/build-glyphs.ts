// Generates MapLibre glyph PBFs (24 px signed distance fields) from TrueType fonts, so the basemap
// labels need no network. Usage: tsx scripts/build-glyphs.ts [--fonts DIR]; output is committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype, { type PathCommand } from 'opentype.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'server/assets/glyphs');
const FONT_DIR = process.argv.includes('--fonts')
  ? String(process.argv[process.argv.indexOf('--fonts') + 1])
  : '/usr/share/fonts/truetype/dejavu';

// Stack name → font file. The names are what style.json asks for in text-font.
const STACKS: Record<string, string> = {
  'DejaVu Sans Book': 'DejaVuSans.ttf',
  'DejaVu Sans Bold': 'DejaVuSans-Bold.ttf',
  'DejaVu Sans Oblique': 'DejaVuSans-Oblique.ttf',
};
// Latin-1, Latin Extended A/B (Romanian ș ț live in 512-767), Cyrillic, general punctuation, and
// letterlike symbols and arrows (the → of border-crossing labels).
const RANGES = [0, 256, 512, 1024, 8192, 8448];

// The glyph PBF convention MapLibre expects: 24 px em, 3 px buffer, radius 8, cutoff 0.25.
const SIZE = 24;
const BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
// Keeps baselines where MapLibre's own local glyph rasteriser puts them (its topAdjustment).
const TOP_ADJUST = 27;

type Seg = [number, number, number, number];

/** Flattens a glyph outline (y down, baseline at 0) into line segments. */
function flatten(commands: PathCommand[]): Seg[] {
  const segs: Seg[] = [];
  let sx = 0;
  let sy = 0;
  let x = 0;
  let y = 0;
  const to = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) segs.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  };
  for (const c of commands) {
    if (c.type === 'M') {
      if (x !== sx || y !== sy) to(sx, sy);
      sx = x = c.x;
      sy = y = c.y;
    } else if (c.type === 'L') to(c.x, c.y);
    else if (c.type === 'Q') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        to(u * u * x0 + 2 * u * t * c.x1 + t * t * c.x, u * u * y0 + 2 * u * t * c.y1 + t * t * c.y);
      }
    } else if (c.type === 'C') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= 10; i++) {
        const t = i / 10;
        const u = 1 - t;
        to(
          u * u * u * x0 + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
          u * u * u * y0 + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
        );
      }
    } else to(sx, sy);
  }
  if (x !== sx || y !== sy) to(sx, sy);
  return segs;
}

function segDist2(px: number, py: number, [ax, ay, bx, by]: Seg): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Non-zero winding: TrueType outlines may overlap, so even-odd would punch holes. */
function inside(px: number, py: number, segs: Seg[]): boolean {
  let wind = 0;
  for (const [ax, ay, bx, by] of segs) {
    if (ay <= py && by > py && (bx - ax) * (py - ay) - (px - ax) * (by - ay) > 0) wind++;
    else if (ay > py && by <= py && (bx - ax) * (py - ay) - (px - ax) * (by - ay) < 0) wind--;
  }
  return wind !== 0;
}

interface GlyphOut {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

function renderGlyph(id: number, segs: Seg[], advance: number): GlyphOut {
  if (segs.length === 0)
    return { id, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [ax, ay, bx, by] of segs) {
    x0 = Math.min(x0, ax, bx);
    y0 = Math.min(y0, ay, by);
    x1 = Math.max(x1, ax, bx);
    y1 = Math.max(y1, ay, by);
  }
  const left = Math.floor(x0);
  const topY = Math.floor(y0);
  const width = Math.ceil(x1) - left;
  const height = Math.ceil(y1) - topY;
  const w = width + 2 * BUFFER;
  const h = height + 2 * BUFFER;
  const bitmap = new Uint8Array(w * h);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const px = left - BUFFER + i + 0.5;
      const py = topY - BUFFER + j + 0.5;
      let best = Infinity;
      for (const s of segs) best = Math.min(best, segDist2(px, py, s));
      const d = inside(px, py, segs) ? -Math.sqrt(best) : Math.sqrt(best);
      bitmap[j * w + i] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + CUTOFF))));
    }
  }
  return { id, bitmap, width, height, left, top: -topY - TOP_ADJUST, advance };
}

/** Tiny protobuf writer for the glyphs.proto message set (avoids a dependency for 40 lines). */
class Writer {
  bytes: number[] = [];
  varint(v: number): void {
    let n = v;
    while (n > 0x7f) {
      this.bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    this.bytes.push(n);
  }
  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }
  uint(field: number, v: number): void {
    this.tag(field, 0);
    this.varint(v);
  }
  sint(field: number, v: number): void {
    this.tag(field, 0);
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  bytesField(field: number, data: ArrayLike<number>): void {
    this.tag(field, 2);
    this.varint(data.length);
    for (let i = 0; i < data.length; i++) this.bytes.push(data[i] as number);
  }
  string(field: number, s: string): void {
    this.bytesField(field, new TextEncoder().encode(s));
  }
}

function encodeRange(stack: string, range: string, glyphs: GlyphOut[]): Uint8Array {
  const fontstack = new Writer();
  fontstack.string(1, stack);
  fontstack.string(2, range);
  for (const g of glyphs) {
    const gw = new Writer();
    gw.uint(1, g.id);
    if (g.bitmap.length) gw.bytesField(2, g.bitmap);
    gw.uint(3, g.width);
    gw.uint(4, g.height);
    gw.sint(5, g.left);
    gw.sint(6, g.top);
    gw.uint(7, g.advance);
    fontstack.bytesField(3, gw.bytes);
  }
  const root = new Writer();
  root.bytesField(1, fontstack.bytes);
  return Uint8Array.from(root.bytes);
}

for (const [stack, file] of Object.entries(STACKS)) {
  const buf = fs.readFileSync(path.join(FONT_DIR, file));
  const font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const dir = path.join(OUT, stack);
  fs.mkdirSync(dir, { recursive: true });
  for (const start of RANGES) {
    const glyphs: GlyphOut[] = [];
    for (let cp = start; cp < start + 256; cp++) {
      const ch = String.fromCodePoint(cp);
      if (cp < 32 || font.charToGlyphIndex(ch) === 0) continue;
      const glyph = font.charToGlyph(ch);
      const advance = Math.round(((glyph.advanceWidth ?? 0) * SIZE) / font.unitsPerEm);
      glyphs.push(renderGlyph(cp, flatten(glyph.getPath(0, 0, SIZE).commands), advance));
    }
    const range = `${start}-${start + 255}`;
    fs.writeFileSync(path.join(dir, `${range}.pbf`), encodeRange(stack, range, glyphs));
  }
  console.log(`${stack}: ${RANGES.length} ranges`);
}
