/**
 * The anchor map's default state as a PNG, for readers without JavaScript:
 * the same RGBA cells the browser paints on its canvas, one pixel per cell,
 * written as runs of equal colour into an SVG and rasterised by resvg (the
 * renderer the preset images already use). The page scales it up with
 * image-rendering: pixelated, so 112 × 80 cells cost a few kilobytes.
 */
import { Resvg } from "@resvg/resvg-js";

function hex(v: number): string {
  return v.toString(16).padStart(2, "0");
}

/** An SVG with one rect per horizontal run of equal pixels. */
export function pixelsToSvg(pixels: Uint8ClampedArray, columns: number, rows: number): string {
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    let c = 0;
    while (c < columns) {
      const k = 4 * (r * columns + c);
      const key = (pixels[k]! << 24) | (pixels[k + 1]! << 16) | (pixels[k + 2]! << 8) | pixels[k + 3]!;
      let end = c + 1;
      while (end < columns) {
        const j = 4 * (r * columns + end);
        if (((pixels[j]! << 24) | (pixels[j + 1]! << 16) | (pixels[j + 2]! << 8) | pixels[j + 3]!) !== key) break;
        end++;
      }
      const alpha = pixels[k + 3]!;
      if (alpha > 0) {
        parts.push(
          `<rect x="${c}" y="${r}" width="${end - c}" height="1" fill="#${hex(pixels[k]!)}${hex(pixels[k + 1]!)}${hex(pixels[k + 2]!)}" fill-opacity="${(alpha / 255).toFixed(4)}"/>`,
        );
      }
      c = end;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${columns}" height="${rows}" viewBox="0 0 ${columns} ${rows}" shape-rendering="crispEdges">${parts.join("")}</svg>`;
}

/** The cells as a PNG data URL (the CSP allows data: images). */
export function pixelsToPngDataUrl(pixels: Uint8ClampedArray, columns: number, rows: number): string {
  const png = new Resvg(pixelsToSvg(pixels, columns, rows), {
    fitTo: { mode: "original" },
    background: "rgba(0,0,0,0)",
  })
    .render()
    .asPng();
  return `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
}
