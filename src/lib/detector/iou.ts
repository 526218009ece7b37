/** Axis-aligned boxes and their intersection over union, the overlap RetinaNet's assignment thresholds (§4). */

/** A box by its corners, x0 ≤ x1 and y0 ≤ y1, in image pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function boxArea(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

/**
 * IoU of two boxes from their corner coordinates: |A ∩ B| / |A ∪ B|, in [0, 1];
 * 0 when the union is empty (two degenerate boxes), so it is never NaN.
 */
export function iouCorners(
  ax0: number,
  ay0: number,
  ax1: number,
  ay1: number,
  bx0: number,
  by0: number,
  bx1: number,
  by1: number,
): number {
  const iw = Math.min(ax1, bx1) - Math.max(ax0, bx0);
  if (iw <= 0) return 0;
  const ih = Math.min(ay1, by1) - Math.max(ay0, by0);
  if (ih <= 0) return 0;
  const inter = iw * ih;
  const union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter;
  if (!(union > 0)) return 0;
  // Rounding can leave inter a hair above union for near-identical boxes.
  return Math.min(1, inter / union);
}

export function iou(a: Box, b: Box): number {
  return iouCorners(a.x0, a.y0, a.x1, a.y1, b.x0, b.y0, b.x1, b.y1);
}
