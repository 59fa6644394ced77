#!/usr/bin/env node
// Draws the Teams app icons procedurally so they can be reproduced from source:
//   color.png    192x192, a rounded blue square (the manifest's accent colour) with a white checklist
//   outline.png  32x32, the same checklist in white on a transparent background
// Only Node built-ins are used: shapes are sampled 4x4 per pixel for smooth edges and written
// as 8-bit RGBA PNG with a minimal encoder (zlib for IDAT, a table CRC-32 for the chunks).
//
// Usage: node make-icons.js [output-directory]   (default: manifests/teams of this repository)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ACCENT = [0x2f, 0x6f, 0xdb];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

// ---- geometry: each shape answers "is this point inside?" ----

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

// A stroked polyline with round caps and joins.
function stroke(points, width) {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      if (distanceToSegment(x, y, points[i - 1], points[i]) <= width / 2) return true;
    }
    return false;
  };
}

function ring(cx, cy, radius, width) {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius) <= width / 2;
}

function union(shapes) {
  return (x, y) => shapes.some((s) => s(x, y));
}

// A checklist in a box of the given size: two ticked rows and one open row, each with a bar.
function checklist({ left, top, rowGap, tick, bar, barEnd }) {
  const shapes = [];
  for (let row = 0; row < 3; row++) {
    const y = top + row * rowGap;
    if (row < 2) {
      shapes.push(stroke([[left, y], [left + tick * 0.38, y + tick * 0.38], [left + tick, y - tick * 0.45]], bar * 0.85));
    } else {
      shapes.push(ring(left + tick * 0.45, y, tick * 0.32, bar * 0.7));
    }
    shapes.push(stroke([[left + tick + rowGap * 0.5, y], [barEnd, y]], bar));
  }
  return union(shapes);
}

// ---- raster ----

function coverage(shape, px, py) {
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) inside++;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

// Paints `glyph` in `glyphColor` over `background` (or over transparency when it is null).
function paint(size, background, backgroundColor, glyph, glyphColor) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const g = coverage(glyph, x, y);
      const b = background ? coverage(background, x, y) : 0;
      const o = (y * size + x) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(backgroundColor[c] * (1 - g) + glyphColor[c] * g);
        rgba[o + 3] = Math.round(255 * Math.max(b, g));
      } else {
        for (let c = 0; c < 3; c++) rgba[o + c] = glyphColor[c];
        rgba[o + 3] = Math.round(255 * g);
      }
    }
  }
  return rgba;
}

// ---- PNG ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffers) {
  let c = 0xffffffff;
  for (const buf of buffers) {
    for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const name = Buffer.from(type, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32([name, data]));
  return Buffer.concat([length, name, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- icons ----

function colorIcon() {
  const size = 192;
  const background = roundedRect(0, 0, size, size, 40);
  const glyph = checklist({ left: 46, top: 62, rowGap: 34, tick: 30, bar: 12, barEnd: 146 });
  return encodePng(size, paint(size, background, ACCENT, glyph, WHITE));
}

function outlineIcon() {
  const size = 32;
  const glyph = checklist({ left: 4, top: 8, rowGap: 8, tick: 7, bar: 2.4, barEnd: 28 });
  return encodePng(size, paint(size, null, null, glyph, WHITE));
}

function main() {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'manifests', 'teams'));
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(out, 'outline.png'), outlineIcon());
  process.stdout.write(`wrote ${path.join(out, 'color.png')} and ${path.join(out, 'outline.png')}\n`);
}

main();
