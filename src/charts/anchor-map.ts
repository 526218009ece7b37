/**
 * The anchor map: colours for ~100k anchors folded onto cells (one RGBA pixel
 * per cell, painted on a canvas in the browser and into a PNG at build time,
 * so both show the same pixels), and the SVG overlay drawn above it: the grid
 * of the chosen level, the nine anchors of one location, OHEM's minibatch and
 * the ground-truth boxes the reader drags. No DOM here: strings and arrays.
 */
import { CELL_LABEL, type CellGrid } from "../lib/detector/cells";
import type { Box } from "../lib/detector/iou";
import { esc } from "./svg-markup";

export type Rgba = readonly [number, number, number, number];

/** Okabe–Ito hues: vermilion for foreground, yellow for ignored, blue for background (alpha 0–255). */
export const LABEL_COLOURS: Record<number, Rgba> = {
  [CELL_LABEL.empty]: [0, 0, 0, 0],
  [CELL_LABEL.background]: [0, 114, 178, 46],
  [CELL_LABEL.ignored]: [240, 200, 0, 220],
  [CELL_LABEL.foreground]: [213, 94, 0, 235],
};

/**
 * Cell shares of the loss from 10⁻⁶ to 10⁻² and above span the colour ramp, on
 * a log scale: with ~9,000 cells an even spread is about 10⁻⁴ a cell, so CE's
 * flat map sits mid-ramp and focal loss's few heavy cells reach its end.
 */
export const LOSS_SHARE_RANGE = { low: 1e-6, high: 1e-2 } as const;

/** Position on the ramp, 0 … 1, of a cell holding `share` of the image's loss; −1 for none. */
export function lossRampPosition(share: number): number {
  if (!(share > 0)) return -1;
  const { low, high } = LOSS_SHARE_RANGE;
  const t = (Math.log10(share) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
  return Math.min(1, Math.max(0, t));
}

/** A sequential ramp, pale yellow to orange to dark magenta, more opaque as it rises (a second channel to hue). */
export const LOSS_RAMP: readonly Rgba[] = [[255, 240, 170, 20], [240, 120, 30, 170], [120, 0, 80, 245]];

export function lossColour(share: number): Rgba {
  const t = lossRampPosition(share);
  if (t < 0) return [0, 0, 0, 0];
  const segment = t < 0.5 ? 0 : 1;
  const u = segment === 0 ? t * 2 : (t - 0.5) * 2;
  const a = LOSS_RAMP[segment]!;
  const b = LOSS_RAMP[segment + 1]!;
  const mix = (k: number) => Math.round(a[k]! + (b[k]! - a[k]!) * u);
  return [mix(0), mix(1), mix(2), mix(3)];
}

/** One RGBA pixel per cell, row-major, for the labels view. */
export function labelPixels(grid: CellGrid, labels: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(grid.columns * grid.rows * 4);
  for (let c = 0; c < labels.length; c++) out.set(LABEL_COLOURS[labels[c]!]!, 4 * c);
  return out;
}

/** One RGBA pixel per cell for the loss view: each cell's share of the total loss. */
export function lossPixels(grid: CellGrid, sums: Float64Array): Uint8ClampedArray {
  let total = 0;
  for (const v of sums) total += v;
  const out = new Uint8ClampedArray(grid.columns * grid.rows * 4);
  if (!(total > 0) || !Number.isFinite(total)) return out;
  for (let c = 0; c < sums.length; c++) out.set(lossColour(sums[c]! / total), 4 * c);
  return out;
}

export interface OverlayBox {
  box: Box;
  name: string;
}

export interface OverlayOptions {
  /** a prefix unique on the page, for the grid pattern's id */
  idPrefix: string;
  width: number;
  height: number;
  cellSize: number;
  /** the nine anchors at one location (empty for none) */
  anchors: readonly Box[];
  boxes: readonly OverlayBox[];
  selected: number;
  /** OHEM's minibatch: boxes and whether each is a positive */
  ohem?: readonly { box: Box; positive: boolean }[];
  /** draw the boxes as keyboard-focusable handles (the live figure) */
  interactive: boolean;
}

const n = (v: number) => String(Math.round(v * 10) / 10);
const rect = (b: Box, cls: string, extra = "") =>
  `<rect class="${cls}" x="${n(b.x0)}" y="${n(b.y0)}" width="${n(b.x1 - b.x0)}" height="${n(b.y1 - b.y0)}"${extra}/>`;

/** Side of the square resize handle centred on a box's bottom-right corner (so it never hides a small box), in image pixels. */
export const HANDLE_SIZE = 30;

export function overlayMarkup(o: OverlayOptions): string {
  const gridId = `${o.idPrefix}-grid`;
  const grid = `<defs><pattern id="${esc(gridId)}" width="${o.cellSize}" height="${o.cellSize}" patternUnits="userSpaceOnUse">` +
    `<path class="cell-line" d="M${o.cellSize} 0V${o.cellSize}H0"/></pattern></defs>` +
    `<rect class="cell-grid" width="${o.width}" height="${o.height}" fill="url(#${esc(gridId)})"/>`;
  const ohem = (o.ohem ?? []).map((k) => rect(k.box, k.positive ? "ohem-kept is-positive" : "ohem-kept")).join("");
  const anchors = o.anchors.map((b) => rect(b, "anchor-shape")).join("");
  const boxes = o.boxes.map((b, i) => {
    const { x0, y0, x1, y1 } = b.box;
    const label = `${b.name}, ${Math.round(x1 - x0)} by ${Math.round(y1 - y0)} pixels at (${Math.round(x0)}, ${Math.round(y0)})`;
    const attrs = o.interactive
      ? ` tabindex="0" role="button" aria-roledescription="movable box" aria-label="${esc(label)}"`
      : "";
    const selected = i === o.selected ? " is-selected" : "";
    const handle = o.interactive ? rect({ x0: x1 - HANDLE_SIZE / 2, y0: y1 - HANDLE_SIZE / 2, x1: x1 + HANDLE_SIZE / 2, y1: y1 + HANDLE_SIZE / 2 }, "gt-handle", ` data-handle="${i}"`) : "";
    return `<g class="gt-box${selected}" data-box="${i}"${attrs}>${rect(b.box, "gt-rect")}` +
      `<text class="gt-label" x="${n(x0 + 4)}" y="${n(Math.max(14, y0 - 5))}">${esc(b.name)}</text>${handle}</g>`;
  }).join("");
  return `${grid}<g class="ohem-layer">${ohem}</g><g class="anchor-layer">${anchors}</g><g class="gt-layer">${boxes}</g>`;
}
