/**
 * The detector's anchors and their labels, by RetinaNet's rule (§4 of the
 * paper): an anchor is foreground for the object it overlaps most when that
 * IoU is ≥ 0.5, background when its best IoU is < 0.4, and ignored in between;
 * each anchor is assigned to at most one object. Here one feature level of
 * stride 4 and A = 3 square anchors per location (side 8, 12 and 16 px, the
 * objects' range), centred at ((i + ½)·stride, (j + ½)·stride).
 */
import { iou } from "../detector/iou";
import { SCENE_SIZE, type Box, type SceneObject } from "./scenes";

export const ANCHOR_STRIDE = 4;
export const ANCHOR_SIDES = [8, 12, 16] as const;
export const GRID = SCENE_SIZE / ANCHOR_STRIDE;
export const ANCHORS_PER_LOCATION = ANCHOR_SIDES.length;
export const ANCHOR_COUNT = GRID * GRID * ANCHORS_PER_LOCATION;

export const FOREGROUND_IOU = 0.5;
export const BACKGROUND_IOU = 0.4;

/** Anchor number n sits at location (row, col) = ⌊n / A⌋ and has side ANCHOR_SIDES[n mod A]. */
export function anchorBox(n: number): Box {
  const a = n % ANCHORS_PER_LOCATION;
  const location = Math.floor(n / ANCHORS_PER_LOCATION);
  const row = Math.floor(location / GRID);
  const col = location % GRID;
  const half = ANCHOR_SIDES[a]! / 2;
  const cx = (col + 0.5) * ANCHOR_STRIDE;
  const cy = (row + 0.5) * ANCHOR_STRIDE;
  return { x0: cx - half, y0: cy - half, x1: cx + half, y1: cy + half };
}

/** What each anchor is: the class index of its object, BACKGROUND, or IGNORED. */
export const BACKGROUND = -1;
export const IGNORED = -2;

export function assignAnchors(objects: readonly SceneObject[]): Int8Array {
  const assignment = new Int8Array(ANCHOR_COUNT);
  for (let n = 0; n < ANCHOR_COUNT; n++) {
    const box = anchorBox(n);
    let best = 0;
    let bestObject: SceneObject | null = null;
    for (const o of objects) {
      const overlap = iou(box, o);
      if (overlap > best) {
        best = overlap;
        bestObject = o;
      }
    }
    if (bestObject && best >= FOREGROUND_IOU) assignment[n] = bestObject.cls;
    else assignment[n] = best < BACKGROUND_IOU ? BACKGROUND : IGNORED;
  }
  return assignment;
}

/**
 * The head's logit for anchor n and class k sits in channel a·K + k at the
 * anchor's location (channel-major, as the network writes it).
 */
export function logitIndex(n: number, k: number, classes: number): number {
  const a = n % ANCHORS_PER_LOCATION;
  const location = Math.floor(n / ANCHORS_PER_LOCATION);
  return (a * classes + k) * GRID * GRID + location;
}
