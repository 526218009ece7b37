/**
 * The picture the chapter labels: an illustration drawn for this site (a park:
 * two people, a dog, a ball; see src/assets/detector/README.md for its licence)
 * at 896 × 640 pixels, a multiple of the largest stride (128) so every level's
 * grid covers the image exactly, with about the ~100k anchors the paper quotes.
 */
import type { GroundTruth } from "./assignment";
import type { ImageSize } from "./anchors";

export const SCENE_SIZE: ImageSize = { width: 896, height: 640 };

/** The K classes of the scene, named as COCO names them. */
export const SCENE_CLASSES: readonly string[] = ["person", "dog", "sports ball"];

export interface SceneObject extends GroundTruth {
  name: string;
}

export const SCENE_OBJECTS: readonly SceneObject[] = [
  { name: "person", classIndex: 0, box: { x0: 548, y0: 150, x1: 668, y1: 560 } },
  { name: "dog", classIndex: 1, box: { x0: 318, y0: 430, x1: 498, y1: 566 } },
  { name: "ball", classIndex: 2, box: { x0: 206, y0: 530, x1: 232, y1: 556 } },
  { name: "person, far away", classIndex: 0, box: { x0: 118, y0: 300, x1: 150, y1: 386 } },
];

/** Boxes the reader may draw: at least this many pixels a side, and at most this many objects. */
export const MIN_BOX_SIDE = 8;
export const MAX_OBJECTS = 8;
