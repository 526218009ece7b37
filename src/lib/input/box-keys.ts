/**
 * What a key does to a box the reader moves with the keyboard (the anchor
 * map's ground-truth boxes): arrows move it by one step, Shift + arrows move
 * its bottom-right corner (a resize), Delete and Backspace remove it. The
 * arrows' directions come from slider-keys.ts, the site's one table of them,
 * read on both axes (so Left and Down are −1 and the vertical one is flipped
 * for screen coordinates, where y grows downwards).
 */
import { sliderKeyValue } from "./slider-keys";
import type { Box } from "../detector/iou";

export type BoxKeyAction = { kind: "move"; box: Box } | { kind: "remove" };

/** One unit step on a grid wide enough that no key clamps it. */
const UNIT = { min: -1, max: 1, step: 1 } as const;

/** The direction a key points in, in screen coordinates, or null for a key that is not an arrow. */
export function arrowDirection(key: string): { dx: number; dy: number } | null {
  if (!key.startsWith("Arrow")) return null;
  const steps = sliderKeyValue(key, 0, UNIT);
  if (steps === undefined || steps === 0) return null;
  const vertical = key === "ArrowUp" || key === "ArrowDown";
  return vertical ? { dx: 0, dy: -steps } : { dx: steps, dy: 0 };
}

/** The action for `key` on `box`, moving `step` image pixels per press; null when the key is not the box's. */
export function boxKeyAction(key: string, box: Box, step: number, { shift = false } = {}): BoxKeyAction | null {
  if (key === "Delete" || key === "Backspace") return { kind: "remove" };
  const d = arrowDirection(key);
  if (!d) return null;
  const dx = d.dx * step;
  const dy = d.dy * step;
  return {
    kind: "move",
    box: shift
      ? { x0: box.x0, y0: box.y0, x1: box.x1 + dx, y1: box.y1 + dy }
      : { x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 + dx, y1: box.y1 + dy },
  };
}
