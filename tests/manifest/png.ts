import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngSize {
  width: number;
  height: number;
}

/** Width and height from the IHDR chunk, which the PNG format requires to come first. */
export function readPngSize(file: string): PngSize {
  const bytes = readFileSync(file);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(SIGNATURE) ||
    bytes.toString("latin1", 12, 16) !== "IHDR"
  ) {
    throw new Error(`${file} is not a PNG file`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The RGBA pixels of an 8-bit RGBA PNG whose scanlines all use filter 0 (what
 * scripts/draw-icons.mjs writes). Anything else is refused rather than misread.
 */
export function readRgbaPixels(file: string): { size: PngSize; pixels: Buffer } {
  const bytes = readFileSync(file);
  const size = readPngSize(file);
  if (bytes[24] !== 8 || bytes[25] !== 6 || bytes[28] !== 0)
    throw new Error(`${file}: expected 8-bit RGBA, no interlace`);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    if (type === "IDAT") idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = size.width * 4;
  const pixels = Buffer.alloc(stride * size.height);
  for (let y = 0; y < size.height; y++) {
    const filter = raw[y * (stride + 1)];
    if (filter !== 0) throw new Error(`${file}: scanline ${y} uses filter ${filter}, expected 0`);
    raw.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { size, pixels };
}
