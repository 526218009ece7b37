/**
 * From a model's anchor scores to detections, as RetinaNet's inference does it
 * (§4.1 of the paper): keep the scores above a confidence of 0.05, then greedy
 * non-maximum suppression at IoU 0.5, per class. With no box head, a detection's
 * box is its anchor's box. The reader's threshold then only filters this list:
 * greedy NMS keeps a box unless a higher-scored kept box overlaps it, so
 * filtering the list at t gives what NMS on the scores above t would give.
 */
import { iou } from "../detector/iou";
import { ANCHOR_COUNT, BACKGROUND, FOREGROUND_IOU, IGNORED, anchorBox } from "./anchor-grid";
import type { Box, SceneObject } from "./scenes";

/** The paper's confidence floor before NMS, and its NMS IoU (§4.1, Inference). */
export const SCORE_FLOOR = 0.05;
export const NMS_IOU = 0.5;
/** At most this many candidates per scene and model (the paper keeps 1k per pyramid level). */
export const MAX_CANDIDATES = 50;

export interface Detection {
  anchor: number;
  cls: number;
  score: number;
}

/** The NMS'd candidates of one scene, best first, from scores laid out [anchor][class]. */
export function candidateDetections(scores: ArrayLike<number>, classes: number): Detection[] {
  const raw: Detection[] = [];
  for (let n = 0; n < ANCHOR_COUNT; n++)
    for (let k = 0; k < classes; k++) {
      const score = scores[n * classes + k]!;
      if (score >= SCORE_FLOOR) raw.push({ anchor: n, cls: k, score });
    }
  raw.sort((a, b) => b.score - a.score || a.anchor - b.anchor || a.cls - b.cls);
  const kept: Detection[] = [];
  const boxes: Box[] = [];
  for (const d of raw) {
    const box = anchorBox(d.anchor);
    if (kept.some((k, i) => k.cls === d.cls && iou(boxes[i]!, box) > NMS_IOU)) continue;
    kept.push(d);
    boxes.push(box);
    if (kept.length === MAX_CANDIDATES) break;
  }
  return kept;
}

/** The detections a reader sees at their threshold. */
export function aboveThreshold(candidates: readonly Detection[], threshold: number): Detection[] {
  return candidates.filter((d) => d.score >= threshold);
}

export interface SceneScores {
  /** each object's best score for its own class, over the anchors assigned to it (0 when none is) */
  objects: number[];
  /** the best score of any class on any background anchor */
  background: number;
}

/** What a model thinks of one labelled scene: how sure it is of each object, and of the likeliest background. */
export function sceneScores(
  scores: ArrayLike<number>,
  assignment: Int8Array,
  objects: readonly SceneObject[],
  classes: number,
): SceneScores {
  const best = objects.map(() => 0);
  let background = 0;
  for (let n = 0; n < ANCHOR_COUNT; n++) {
    const a = assignment[n]!;
    if (a === BACKGROUND) {
      for (let k = 0; k < classes; k++) background = Math.max(background, scores[n * classes + k]!);
      continue;
    }
    if (a === IGNORED) continue;
    const box = anchorBox(n);
    objects.forEach((o, i) => {
      if (o.cls === a && iou(box, o) >= FOREGROUND_IOU) best[i] = Math.max(best[i]!, scores[n * classes + a]!);
    });
  }
  return { objects: best, background };
}

/** The reader's score threshold: from the paper's floor of 0.05 up, 0.5 to start. */
export const THRESHOLD_RANGE = { min: SCORE_FLOOR, max: 0.95, step: 0.05, defaultValue: 0.5 } as const;

/** Candidates as compact [anchor, class, score] triples (score to 4 decimals), for a data attribute. */
export function compactCandidates(scenes: readonly Detection[][]): [number, number, number][][] {
  return scenes.map((found) => found.map((d) => [d.anchor, d.cls, Math.round(d.score * 1e4) / 1e4]));
}
