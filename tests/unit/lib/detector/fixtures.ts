/** Hand-made anchor sets for tests: any list of boxes, as one level. */
import type { AnchorSet } from "../../../../src/lib/detector/anchors";
import type { Box } from "../../../../src/lib/detector/iou";

export function anchorSetOf(boxes: readonly Box[]): AnchorSet {
  const flat = new Float64Array(boxes.flatMap((b) => [b.x0, b.y0, b.x1, b.y1]));
  return {
    size: { width: 100, height: 100 },
    grids: [],
    boxes: flat,
    levelIndex: new Uint8Array(boxes.length),
    count: boxes.length,
  };
}
