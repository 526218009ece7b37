/**
 * A grayscale image as a PNG data URL, without a canvas: the detector lab's
 * scene drawn at build time. PNG (RFC 2083): signature, IHDR, one zlib IDAT
 * with filter byte 0 per row, IEND; each chunk with its CRC-32 (zlib's).
 */
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** `pixels` row by row in [0, 1]. */
export function grayPng(pixels: ArrayLike<number>, width: number, height: number): Buffer {
  if (pixels.length !== width * height) throw new RangeError(`grayPng: ${pixels.length} pixels for ${width}×${height}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++)
      raw[y * (width + 1) + 1 + x] = Math.round(Math.min(1, Math.max(0, pixels[y * width + x]!)) * 255);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

export function grayPngDataUrl(pixels: ArrayLike<number>, width: number, height: number): string {
  return `data:image/png;base64,${grayPng(pixels, width, height).toString("base64")}`;
}
