/**
 * The anchors that can overlap a box, found from the level grids instead of a
 * scan of all ~100k: an anchor overlaps a box only if its centre lies within
 * half its own width and height of the box, and on a level's grid the centres
 * of one of the nine shapes fill a rectangle of locations. Taking that
 * rectangle per shape, not per level's widest shape, skips the small anchors
 * of a location that cannot reach the box. The assignment and its live update
 * both visit anchors through this one function.
 */
import { anchorShapes, ANCHORS_PER_LOCATION, type AnchorSet, type PyramidLevel } from "./anchors";
import type { Box } from "./iou";

/** Half the width and the height of each of a level's nine shapes, in shape order, computed once per level. */
const halfExtents = new Map<number, { halfW: Float64Array; halfH: Float64Array }>();

function halfExtent(level: PyramidLevel): { halfW: Float64Array; halfH: Float64Array } {
  let found = halfExtents.get(level);
  if (!found) {
    const shapes = anchorShapes(level);
    found = {
      halfW: Float64Array.from(shapes, (s) => s.width / 2),
      halfH: Float64Array.from(shapes, (s) => s.height / 2),
    };
    halfExtents.set(level, found);
  }
  return found;
}

/**
 * Calls `visit(i)` once for every anchor that may overlap any of `boxes` (a
 * superset: the caller computes the IoU). On each level and for each shape,
 * the anchors visited are those of the smallest rectangle of locations
 * covering every box's reach, so a box's place before and after a small move
 * costs one visit per anchor, not two. A hand-made set without grids visits
 * every anchor.
 */
export function forEachAnchorNear(anchors: AnchorSet, boxes: Box | readonly Box[], visit: (i: number) => void): void {
  const list: readonly Box[] = Array.isArray(boxes) ? boxes : [boxes as Box];
  if (list.length === 0) return;
  if (anchors.grids.length === 0) {
    for (let i = 0; i < anchors.count; i++) visit(i);
    return;
  }
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const box of list) {
    x0 = Math.min(x0, box.x0);
    y0 = Math.min(y0, box.y0);
    x1 = Math.max(x1, box.x1);
    y1 = Math.max(y1, box.y1);
  }
  for (const g of anchors.grids) {
    const { halfW, halfH } = halfExtent(g.level);
    for (let a = 0; a < ANCHORS_PER_LOCATION; a++) {
      // Centres (j + 0.5)·stride inside (x0 − halfW, x1 + halfW); one extra column each side for rounding.
      const c0 = Math.max(0, Math.floor((x0 - halfW[a]!) / g.stride - 0.5));
      const c1 = Math.min(g.columns - 1, Math.ceil((x1 + halfW[a]!) / g.stride - 0.5));
      const r0 = Math.max(0, Math.floor((y0 - halfH[a]!) / g.stride - 0.5));
      const r1 = Math.min(g.rows - 1, Math.ceil((y1 + halfH[a]!) / g.stride - 0.5));
      for (let row = r0; row <= r1; row++) {
        const first = g.offset + row * g.columns * ANCHORS_PER_LOCATION + a;
        for (let col = c0; col <= c1; col++) visit(first + col * ANCHORS_PER_LOCATION);
      }
    }
  }
}
