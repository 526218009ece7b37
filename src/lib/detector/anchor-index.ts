/**
 * The anchors that can overlap a box, found from the level grids instead of a
 * scan of all ~100k: an anchor overlaps a box only if its centre lies within
 * half its own (largest) size of the box, and on a level's grid those centres
 * fill a rectangle of locations. The assignment and its live update both
 * visit anchors through this one function.
 */
import { anchorShapes, ANCHORS_PER_LOCATION, type AnchorSet } from "./anchors";
import type { Box } from "./iou";

/** Half the widest and the tallest anchor of each level, computed once per level. */
const halfExtents = new Map<number, { halfW: number; halfH: number }>();

function halfExtent(level: Parameters<typeof anchorShapes>[0]): { halfW: number; halfH: number } {
  let found = halfExtents.get(level);
  if (!found) {
    const shapes = anchorShapes(level);
    found = {
      halfW: Math.max(...shapes.map((s) => s.width)) / 2,
      halfH: Math.max(...shapes.map((s) => s.height)) / 2,
    };
    halfExtents.set(level, found);
  }
  return found;
}

/**
 * Calls `visit(i)` once for every anchor that may overlap any of `boxes` (a
 * superset: the caller computes the IoU). On each level the anchors visited
 * are those of the smallest rectangle of locations covering every box's
 * reach, so a box's place before and after a small move costs one visit per
 * anchor, not two. A hand-made set without grids visits every anchor.
 */
export function forEachAnchorNear(anchors: AnchorSet, boxes: Box | readonly Box[], visit: (i: number) => void): void {
  const list: readonly Box[] = Array.isArray(boxes) ? boxes : [boxes as Box];
  if (list.length === 0) return;
  if (anchors.grids.length === 0) {
    for (let i = 0; i < anchors.count; i++) visit(i);
    return;
  }
  for (const g of anchors.grids) {
    const { halfW, halfH } = halfExtent(g.level);
    let c0 = g.columns - 1;
    let c1 = 0;
    let r0 = g.rows - 1;
    let r1 = 0;
    for (const box of list) {
      // Centres (j + 0.5)·stride inside (x0 − halfW, x1 + halfW); one extra column each side for rounding.
      c0 = Math.min(c0, Math.max(0, Math.floor((box.x0 - halfW) / g.stride - 0.5)));
      c1 = Math.max(c1, Math.min(g.columns - 1, Math.ceil((box.x1 + halfW) / g.stride - 0.5)));
      r0 = Math.min(r0, Math.max(0, Math.floor((box.y0 - halfH) / g.stride - 0.5)));
      r1 = Math.max(r1, Math.min(g.rows - 1, Math.ceil((box.y1 + halfH) / g.stride - 0.5)));
    }
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const first = g.offset + (row * g.columns + col) * ANCHORS_PER_LOCATION;
        for (let a = 0; a < ANCHORS_PER_LOCATION; a++) visit(first + a);
      }
    }
  }
}
