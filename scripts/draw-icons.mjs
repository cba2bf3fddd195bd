// Draws the add-in's icons (assets/icon-{16,32,64,80}.png): an iron condor's payoff at expiry
// (the white mesa: flat loss, rising wing, max-profit plateau, falling wing, flat loss) above three
// amber bars of rising height, the VIX hedge layers added as volatility climbs.
// Shapes live in a unit square and are sampled 8×8 times per pixel, so every size is drawn from
// one description and edges stay smooth at 16 px. Plain zlib, no image library.
//
//   node scripts/draw-icons.mjs               write assets/
//   node scripts/draw-icons.mjs --out <dir>   write elsewhere (the icon test compares the two)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

export const SIZES = [16, 32, 64, 80];
const SUBSAMPLES = 8;

const BLUE = [27, 79, 114];
const WHITE = [255, 255, 255];
const AMBER = [245, 166, 35];

const background = { color: BLUE, inside: (x, y) => insideRoundedSquare(x, y, 0.17) };
const payoff = {
  color: WHITE,
  inside: polygon([
    [0.125, 0.4375],
    [0.25, 0.4375],
    [0.375, 0.125],
    [0.625, 0.125],
    [0.75, 0.4375],
    [0.875, 0.4375],
    [0.875, 0.5625],
    [0.125, 0.5625],
  ]),
};
// Edges sit on sixteenths so the 16 px icon stays crisp.
const layers = [
  [0.1875, 0.3125, 0.75],
  [0.4375, 0.5625, 0.6875],
  [0.6875, 0.8125, 0.625],
].map(([left, right, top]) => ({
  color: AMBER,
  inside: (x, y) => x >= left && x < right && y >= top && y < 0.875,
}));

// Painter's order: later shapes cover earlier ones.
const SHAPES = [background, payoff, ...layers];

function insideRoundedSquare(x, y, radius) {
  if (x < 0 || x >= 1 || y < 0 || y >= 1) return false;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// Even-odd ray casting.
function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** Straight (not premultiplied) RGBA pixels, row by row. */
export function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          let color = null;
          for (const shape of SHAPES) if (shape.inside(x, y)) color = shape.color;
          if (!color) continue;
          covered++;
          for (let c = 0; c < 3; c++) sum[c] += color[c];
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(sum[c] / covered);
      pixels[at + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, every scanline with filter type 0. */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++)
    pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const flag = process.argv.indexOf("--out");
  const out = flag >= 0 ? path.resolve(process.argv[flag + 1]) : path.join(root, "assets");
  fs.mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(out, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
