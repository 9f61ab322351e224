/**
 * Draws the app icon — a flat blue rounded badge with a white "DS" — and writes
 * `build/icon.png` (512×512, Linux AppImage / tray) and `build/icon.ico` (Windows: 16–256 px).
 * `npx tsx scripts/make-icons.ts`. Only zlib: the shapes are computed per pixel, anti-aliased by
 * supersampling, and the PNG / ICO containers are written by hand, so no image package is needed.
 * The outputs are committed; run this again only to change the design.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type RGBA = [number, number, number, number];

const BLUE: RGBA = [0x1e, 0x6f, 0xd9, 255];
const WHITE: RGBA = [255, 255, 255, 255];

// Geometry in a unit square (x right, y down).
const STROKE = 0.085;
const TOP = 0.29;
const BOTTOM = 0.71;

function inRoundedSquare(x: number, y: number): boolean {
  const m = 0.03; // margin, so the badge does not touch the edge
  const r = 0.2;
  const lo = m + r;
  const hi = 1 - m - r;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** "D": a stem, two short bars and a half ring. */
function inD(x: number, y: number): boolean {
  const left = 0.16;
  const bowlX = 0.3; // where the straight bars end and the half ring begins
  const h = (BOTTOM - TOP) / 2;
  const cy = TOP + h;
  if (x >= left && x <= left + STROKE && y >= TOP && y <= BOTTOM) return true;
  if (x >= left && x <= bowlX && ((y >= TOP && y <= TOP + STROKE) || (y >= BOTTOM - STROKE && y <= BOTTOM))) return true;
  if (x < bowlX) return false;
  const d = Math.hypot(x - bowlX, y - cy);
  return d <= h && d >= h - STROKE;
}

/** Angle in degrees, 0 = right, 90 = down, ±180 = left. */
const angle = (dx: number, dy: number) => (Math.atan2(dy, dx) * 180) / Math.PI;

/** "S": two stacked rings that meet in the middle, each with one side cut away. */
function inS(x: number, y: number): boolean {
  const r = ((BOTTOM - TOP) / 2 - STROKE / 2) / 2; // radius of each ring's centre line
  const cx = 0.64 + r;
  const topCy = (TOP + BOTTOM) / 2 - r;
  const botCy = (TOP + BOTTOM) / 2 + r;
  const onRing = (cy: number) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= STROKE / 2;
  if (onRing(topCy)) {
    const a = angle(x - cx, y - topCy);
    // keep from the upper-right terminal over the top and down the left to the middle
    if (!(a > -35 && a < 90)) return true;
  }
  if (onRing(botCy)) {
    const a = angle(x - cx, y - botCy);
    // keep from the middle round the right and the bottom to the lower-left terminal
    if (a >= -90 && a <= 145) return true;
  }
  return false;
}

function colourAt(x: number, y: number): RGBA | null {
  if (!inRoundedSquare(x, y)) return null;
  return inD(x, y) || inS(x, y) ? WHITE : BLUE;
}

/** Renders the icon at `size` px as straight (non-premultiplied) RGBA, 4×4 supersampled. */
export function render(size: number): Buffer {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

export function encodePng(rgba: Buffer, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  // compression, filter, interlace: 0
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP icon image (DIB header, bottom-up BGRA, 1-bit AND mask) — what old loaders expect. */
function encodeDib(rgba: Buffer, size: number): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour + mask height
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4;
      pixels[d] = rgba[s + 2]!;
      pixels[d + 1] = rgba[s + 1]!;
      pixels[d + 2] = rgba[s]!;
      pixels[d + 3] = rgba[s + 3]!;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size); // all 0: the alpha channel decides
  return Buffer.concat([header, pixels, mask]);
}

/** ICO with BMP entries up to 128 px and a PNG entry at 256 px (the usual layout since Vista). */
export function encodeIco(sizes: number[]): Buffer {
  const images = sizes.map((s) => (s >= 256 ? encodePng(render(s), s) : encodeDib(render(s), s)));
  const dir = Buffer.alloc(6 + 16 * sizes.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(sizes.length, 4);
  let offset = dir.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    dir[e] = s >= 256 ? 0 : s; // 0 means 256
    dir[e + 1] = s >= 256 ? 0 : s;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(images[i]!.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([dir, ...images]);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const outDir = path.resolve(import.meta.dirname, '..', 'build');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'icon.png'), encodePng(render(512), 512));
  fs.writeFileSync(path.join(outDir, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256]));
  console.log(`icons written to ${outDir}`);
}
