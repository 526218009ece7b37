/**
 * RetinaNet's anchors (Lin et al. 2017, §4 "Anchors"): pyramid levels P3 to P7,
 * level l with stride 2^l (P_l has resolution 2^l lower than the input, §4
 * "Feature Pyramid Network Backbone"), anchor areas 32² on P3 to 512² on P7,
 * three sizes {2^0, 2^(1/3), 2^(2/3)} times three aspect ratios {1:2, 1:1, 2:1},
 * A = 9 anchors per location.
 *
 * Conventions (the paper states none, so these are ours):
 * - A level's grid has ceil(H / stride) × ceil(W / stride) locations: that is
 *   what a stride-s convolution with "same" padding outputs, and it keeps every
 *   image pixel under some location when H or W is not a multiple of the stride.
 * - The anchor of location (row i, column j) is centred on (j + 0.5, i + 0.5)·stride,
 *   the centre of the stride × stride input cell the location stands for, so the
 *   grid is symmetric about the image centre when W and H are multiples of the stride.
 * - Sizes are not rounded: an anchor is a real-valued box of exactly its area.
 * - Aspect ratio r means height / width: w = s/√r, h = s·√r, so w·h = s².
 */
import type { Box } from "./iou";

export const PYRAMID_LEVELS = [3, 4, 5, 6, 7] as const;
export type PyramidLevel = (typeof PYRAMID_LEVELS)[number];

/** The three anchor sizes per level, relative to the level's base size. */
export const ANCHOR_SCALES: readonly number[] = [2 ** 0, 2 ** (1 / 3), 2 ** (2 / 3)];
/** Height / width of the three anchor shapes: 1:2, 1:1, 2:1. */
export const ANCHOR_RATIOS: readonly number[] = [0.5, 1, 2];
/** A = 9 anchors per location. */
export const ANCHORS_PER_LOCATION = ANCHOR_SCALES.length * ANCHOR_RATIOS.length;

export function stride(level: PyramidLevel): number {
  return 2 ** level;
}

/** The side of the level's 1:1, size-2^0 anchor: 32 on P3 up to 512 on P7. */
export function baseSize(level: PyramidLevel): number {
  return 2 ** (level + 2);
}

export interface AnchorShape {
  scale: number;
  ratio: number;
  width: number;
  height: number;
}

/** The nine anchor shapes of a level, scale-major (three ratios per scale). */
export function anchorShapes(level: PyramidLevel): AnchorShape[] {
  const out: AnchorShape[] = [];
  for (const scale of ANCHOR_SCALES) {
    const side = baseSize(level) * scale;
    for (const ratio of ANCHOR_RATIOS) {
      out.push({ scale, ratio, width: side / Math.sqrt(ratio), height: side * Math.sqrt(ratio) });
    }
  }
  return out;
}

export interface ImageSize {
  width: number;
  height: number;
}

function assertImageSize({ width, height }: ImageSize): void {
  for (const [name, v] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 4096)
      throw new RangeError(`image ${name} must be an integer in [1, 4096]; got ${String(v)}`);
  }
}

export interface LevelGrid {
  level: PyramidLevel;
  stride: number;
  columns: number;
  rows: number;
  /** columns · rows · A */
  anchors: number;
  /** index of this level's first anchor in the image's anchor list */
  offset: number;
}

/** The grid of every level for an image: ceil(H/stride) rows, ceil(W/stride) columns. */
export function levelGrids(size: ImageSize): LevelGrid[] {
  assertImageSize(size);
  let offset = 0;
  return PYRAMID_LEVELS.map((level) => {
    const s = stride(level);
    const columns = Math.ceil(size.width / s);
    const rows = Math.ceil(size.height / s);
    const anchors = columns * rows * ANCHORS_PER_LOCATION;
    const grid = { level, stride: s, columns, rows, anchors, offset };
    offset += anchors;
    return grid;
  });
}

/** Every anchor of an image, flat: four numbers (x0, y0, x1, y1) each, level by level. */
export interface AnchorSet {
  size: ImageSize;
  grids: LevelGrid[];
  /** x0, y0, x1, y1 of anchor i at 4i … 4i + 3 */
  boxes: Float64Array;
  /** position of each anchor's level in PYRAMID_LEVELS */
  levelIndex: Uint8Array;
  count: number;
}

/**
 * Anchors ordered level, row, column, then the nine shapes of a location, so
 * anchor i of a level sits at location floor(i / 9) in row-major order.
 */
export function generateAnchors(size: ImageSize): AnchorSet {
  const grids = levelGrids(size);
  const count = grids.reduce((n, g) => n + g.anchors, 0);
  const boxes = new Float64Array(4 * count);
  const levelIndex = new Uint8Array(count);
  let i = 0;
  grids.forEach((g, li) => {
    const shapes = anchorShapes(g.level);
    for (let row = 0; row < g.rows; row++) {
      const cy = (row + 0.5) * g.stride;
      for (let col = 0; col < g.columns; col++) {
        const cx = (col + 0.5) * g.stride;
        for (const shape of shapes) {
          boxes[4 * i] = cx - shape.width / 2;
          boxes[4 * i + 1] = cy - shape.height / 2;
          boxes[4 * i + 2] = cx + shape.width / 2;
          boxes[4 * i + 3] = cy + shape.height / 2;
          levelIndex[i] = li;
          i++;
        }
      }
    }
  });
  return { size, grids, boxes, levelIndex, count };
}

/** Anchor i as a box. */
export function anchorBox(set: AnchorSet, i: number): Box {
  const b = set.boxes;
  return { x0: b[4 * i]!, y0: b[4 * i + 1]!, x1: b[4 * i + 2]!, y1: b[4 * i + 3]! };
}

/** The nine anchors of the location of a level nearest to a point (the picture's "anchors at one location"). */
export function anchorsAtPoint(set: AnchorSet, levelPosition: number, x: number, y: number): Box[] {
  const g = set.grids[levelPosition];
  if (!g) return [];
  const col = Math.min(g.columns - 1, Math.max(0, Math.floor(x / g.stride)));
  const row = Math.min(g.rows - 1, Math.max(0, Math.floor(y / g.stride)));
  const first = g.offset + (row * g.columns + col) * ANCHORS_PER_LOCATION;
  return Array.from({ length: ANCHORS_PER_LOCATION }, (_, k) => anchorBox(set, first + k));
}
