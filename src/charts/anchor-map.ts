/**
 * The anchor map: colours for ~100k anchors folded onto cells (one RGBA pixel
 * per cell, painted on a canvas in the browser and into a PNG at build time,
 * so both show the same pixels), and the SVG overlay drawn above it: the grid
 * of the chosen level, the nine anchors of one location, OHEM's minibatch and
 * the ground-truth boxes the reader drags, as a scene (scene.ts). No DOM here.
 */
import { CELL_LABEL, type CellGrid } from "../lib/detector/cells";
import type { Box } from "../lib/detector/iou";
import { px } from "./lab-frame";
import { node, staticNode, type SvgNode } from "./scene";

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
// Worked out once: a drag colours ~9,000 cells a frame.
const LOG_LOW = Math.log10(LOSS_SHARE_RANGE.low);
const LOG_SPAN = Math.log10(LOSS_SHARE_RANGE.high) - LOG_LOW;

/** Position on the ramp, 0 … 1, of a cell whose share of the image's loss has log10 `logShare`; −1 for none (−∞). */
function rampPositionOfLog(logShare: number): number {
  if (!(logShare > -Infinity)) return -1;
  return Math.min(1, Math.max(0, (logShare - LOG_LOW) / LOG_SPAN));
}

/** Position on the ramp, 0 … 1, of a cell holding `share` of the image's loss; −1 for none. */
export function lossRampPosition(share: number): number {
  return share > 0 ? rampPositionOfLog(Math.log10(share)) : -1;
}

/** A sequential ramp, pale yellow to orange to dark magenta, more opaque as it rises (a second channel to hue). */
export const LOSS_RAMP: readonly Rgba[] = [
  [255, 240, 170, 20],
  [240, 120, 30, 170],
  [120, 0, 80, 245],
];

/**
 * The ramp in RAMP_STEPS colours, a ramp position rounded to the nearest: finer
 * than a channel can show (no channel moves more than 150 levels along half the
 * ramp, which has 512 steps), and a drag colours ~9,000 cells a frame with one
 * table read each instead of an interpolation.
 */
export const RAMP_STEPS = 1024;

/** Colour of ramp step s (0 … RAMP_STEPS − 1) by linear interpolation between LOSS_RAMP's stops. */
function rampColour(out: Uint8ClampedArray, offset: number, step: number): void {
  const t = step / (RAMP_STEPS - 1);
  const segment = t < 0.5 ? 0 : 1;
  const u = segment === 0 ? t * 2 : (t - 0.5) * 2;
  const a = LOSS_RAMP[segment]!;
  const b = LOSS_RAMP[segment + 1]!;
  for (let k = 0; k < 4; k++) out[offset + k] = Math.round(a[k]! + (b[k]! - a[k]!) * u);
}

/** RGBA colours as one 32-bit word each, in the platform's byte order (read through a Uint32Array view of the pixels). */
function packedColours(
  count: number,
  write: (bytes: Uint8ClampedArray, offset: number, i: number) => void,
): Uint32Array {
  const bytes = new Uint8ClampedArray(4 * count);
  for (let i = 0; i < count; i++) write(bytes, 4 * i, i);
  return new Uint32Array(bytes.buffer);
}

let rampWords: Uint32Array | undefined;
let labelWords: Uint32Array | undefined;
const ramp = () => (rampWords ??= packedColours(RAMP_STEPS, rampColour));
const labelColours = () =>
  (labelWords ??= packedColours(4, (bytes, offset, label) => bytes.set(LABEL_COLOURS[label]!, offset)));

/** The ramp step of a cell whose share has log10 `logShare`; −1 for none. */
function rampStepOfLog(logShare: number): number {
  const t = rampPositionOfLog(logShare);
  return t < 0 ? -1 : Math.round(t * (RAMP_STEPS - 1));
}

export function lossColour(share: number): Rgba {
  const step = share > 0 ? rampStepOfLog(Math.log10(share)) : -1;
  if (step < 0) return [0, 0, 0, 0];
  const out = new Uint8ClampedArray(4);
  rampColour(out, 0, step);
  return [out[0]!, out[1]!, out[2]!, out[3]!];
}

/** A buffer of one RGBA pixel per cell: `into` when it fits, else a new one. */
function pixelBuffer(grid: CellGrid, into?: Uint8ClampedArray): Uint8ClampedArray {
  const length = grid.columns * grid.rows * 4;
  return into && into.length === length ? into : new Uint8ClampedArray(length);
}

const words = (pixels: Uint8ClampedArray) => new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length / 4);

/**
 * One RGBA pixel per cell, row-major, for the labels view. With `cells`, only
 * those cells are written into `into` (a drag's changed cells; every other
 * pixel is already right).
 */
export function labelPixels(
  grid: CellGrid,
  labels: Uint8Array,
  into?: Uint8ClampedArray,
  cells?: ArrayLike<number>,
): Uint8ClampedArray {
  const fits = into !== undefined && into.length === grid.columns * grid.rows * 4;
  const out = pixelBuffer(grid, into);
  const px = words(out);
  const colours = labelColours();
  if (cells && fits) for (let j = 0; j < cells.length; j++) px[cells[j]!] = colours[labels[cells[j]!]!]!;
  else for (let c = 0; c < labels.length; c++) px[c] = colours[labels[c]!]!;
  return out;
}

/** Σ of the cells' loss, in cell order (the total each cell's share is of). */
export function cellTotal(sums: Float64Array): number {
  let total = 0;
  for (let c = 0; c < sums.length; c++) total += sums[c]!;
  return total;
}

/**
 * One RGBA pixel per cell for the loss view, from log10 of each cell's loss
 * and the cells' total: a cell's share on the ramp's log scale is
 * log10(sum) − log10(total), so a drag, which changes the total and so every
 * cell's share, takes a logarithm only of the cells whose loss changed.
 */
export function lossPixelsFromLogs(
  grid: CellGrid,
  logSums: Float64Array,
  total: number,
  into?: Uint8ClampedArray,
): Uint8ClampedArray {
  const out = pixelBuffer(grid, into);
  if (!(total > 0) || !Number.isFinite(total)) return out.fill(0);
  const px = words(out);
  const colours = ramp();
  const logTotal = Math.log10(total);
  for (let c = 0; c < logSums.length; c++) {
    const step = rampStepOfLog(logSums[c]! - logTotal);
    px[c] = step < 0 ? 0 : colours[step]!;
  }
  return out;
}

/** One RGBA pixel per cell for the loss view: each cell's share of the total loss. */
export function lossPixels(grid: CellGrid, sums: Float64Array, into?: Uint8ClampedArray): Uint8ClampedArray {
  return lossPixelsFromLogs(grid, Float64Array.from(sums, Math.log10), cellTotal(sums), into);
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

/** Side of the square resize handle centred on a box's bottom-right corner (so it never hides a small box), in image pixels. */
export const HANDLE_SIZE = 30;

const rect = (key: string, b: Box, cls: string, extra: Record<string, string> = {}): SvgNode =>
  node("rect", key, {
    class: cls,
    x: px(b.x0),
    y: px(b.y0),
    width: px(b.x1 - b.x0),
    height: px(b.y1 - b.y0),
    ...extra,
  });

/** What a screen reader hears for a box: its class, size and position in whole image pixels. */
export function boxLabel(b: OverlayBox): string {
  const { x0, y0, x1, y1 } = b.box;
  return `${b.name}, ${Math.round(x1 - x0)} by ${Math.round(y1 - y0)} pixels at (${Math.round(x0)}, ${Math.round(y0)})`;
}

function boxNode(b: OverlayBox, i: number, o: OverlayOptions): SvgNode {
  const { x0, y0, x1, y1 } = b.box;
  const half = HANDLE_SIZE / 2;
  return node(
    "g",
    `b${i}`,
    {
      class: i === o.selected ? "gt-box is-selected" : "gt-box",
      "data-box": i,
      // The live figure's boxes are buttons a keyboard can move; the build-time picture's are not focusable.
      tabindex: o.interactive ? 0 : null,
      role: o.interactive ? "button" : null,
      "aria-roledescription": o.interactive ? "movable box" : null,
      "aria-label": o.interactive ? boxLabel(b) : null,
    },
    [
      rect("rect", b.box, "gt-rect"),
      node("text", "label", { class: "gt-label", x: px(x0 + 4), y: px(Math.max(14, y0 - 5)) }, b.name),
      ...(o.interactive
        ? [
            rect("handle", { x0: x1 - half, y0: y1 - half, x1: x1 + half, y1: y1 + half }, "gt-handle", {
              "data-handle": String(i),
            }),
          ]
        : []),
    ],
  );
}

/**
 * The overlay's scene: the cell grid of the chosen level (a pattern), OHEM's
 * minibatch, the anchors at one location, and the ground-truth boxes. The
 * root carries only its geometry; the page gives it its role and label.
 */
export function overlayScene(o: OverlayOptions): SvgNode {
  const gridId = `${o.idPrefix}-grid`;
  // The grid changes only with the level: the same node until then, so a drag never touches it.
  const grid = staticNode(`anchor-map-grid|${gridId}|${o.cellSize}|${o.width}x${o.height}`, () =>
    node("g", "grid", { class: "cell-grid-layer" }, [
      node("defs", "defs", {}, [
        node(
          "pattern",
          "pattern",
          { id: gridId, width: o.cellSize, height: o.cellSize, patternUnits: "userSpaceOnUse" },
          [node("path", "line", { class: "cell-line", d: `M${o.cellSize} 0V${o.cellSize}H0` })],
        ),
      ]),
      node("rect", "cells", { class: "cell-grid", width: o.width, height: o.height, fill: `url(#${gridId})` }),
    ]),
  );
  // tabindex −1: Chromium otherwise makes the second of two overlays a Tab stop of its own between their boxes.
  return node(
    "svg",
    "anchor-map-overlay",
    { class: "anchor-map-overlay", viewBox: `0 0 ${o.width} ${o.height}`, tabindex: -1 },
    [
      grid,
      node(
        "g",
        "ohem",
        { class: "ohem-layer" },
        (o.ohem ?? []).map((k, i) => rect(`k${i}`, k.box, k.positive ? "ohem-kept is-positive" : "ohem-kept")),
      ),
      node(
        "g",
        "anchors",
        { class: "anchor-layer" },
        o.anchors.map((b, i) => rect(`a${i}`, b, "anchor-shape")),
      ),
      node(
        "g",
        "boxes",
        { class: "gt-layer" },
        o.boxes.map((b, i) => boxNode(b, i, o)),
      ),
    ],
  );
}
