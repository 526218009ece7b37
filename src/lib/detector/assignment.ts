/**
 * RetinaNet's labelling of anchors (§4 "Anchors"): an anchor is assigned to a
 * ground-truth box at IoU ≥ 0.5, to background at IoU in [0, 0.4), and ignored
 * during training in [0.4, 0.5). Each anchor is assigned to at most one object
 * box; which one, when two overlap it by 0.5 or more, the paper does not say:
 * we take the object of highest IoU (the first listed on a tie), as an argmax
 * over objects does. Its classification target is a length-K vector, one-hot
 * for the object's class, all zeros for background, none for an ignored anchor.
 */
import type { AnchorSet } from "./anchors";
import { forEachAnchorNear } from "./anchor-index";
import { iouCorners, type Box } from "./iou";

export const FOREGROUND_IOU = 0.5;
export const BACKGROUND_IOU = 0.4;

/** A ground-truth object: its box and its class, 0 … K − 1. */
export interface GroundTruth {
  box: Box;
  classIndex: number;
}

export const LABEL = { background: 0, foreground: 1, ignored: 2 } as const;
export type AnchorLabel = (typeof LABEL)[keyof typeof LABEL];

export interface Assignment {
  /** LABEL.* of every anchor */
  label: Uint8Array;
  /** index of the assigned object, −1 for background and ignored anchors */
  object: Int16Array;
  /** the anchor's highest IoU with any object (0 with none) */
  maxIou: Float64Array;
  /** the anchor's highest IoU with an object of each class, K per anchor (the score model reads it) */
  classIou: Float64Array;
  classes: number;
  counts: LabelCounts;
  /** the anchors with IoU > 0 with some object; every other anchor is background at IoU 0 */
  touched: Int32Array;
}

export interface LabelCounts {
  foreground: number;
  background: number;
  ignored: number;
}

export function labelOf(maxIou: number): AnchorLabel {
  if (maxIou >= FOREGROUND_IOU) return LABEL.foreground;
  if (maxIou < BACKGROUND_IOU) return LABEL.background;
  return LABEL.ignored;
}

/** Throws a RangeError unless classes ≥ 1 and every object's class is one of them. */
export function assertObjects(objects: readonly GroundTruth[], classes: number): void {
  if (!Number.isInteger(classes) || classes < 1)
    throw new RangeError(`classes must be an integer ≥ 1; got ${String(classes)}`);
  for (const o of objects) {
    if (!Number.isInteger(o.classIndex) || o.classIndex < 0 || o.classIndex >= classes) {
      throw new RangeError(`classIndex must be an integer in [0, ${classes - 1}]; got ${String(o.classIndex)}`);
    }
  }
}

/**
 * Labels every anchor of the set against the objects; K = classes. Only the
 * anchors near each box are visited (anchor-index.ts); every other anchor has
 * IoU 0 and is background. `reuse`, the previous assignment of the same
 * anchors, lends its arrays (only its touched anchors need clearing), so a
 * drag allocates nothing per frame; it must not be read afterwards.
 */
export function assignAnchors(
  anchors: AnchorSet,
  objects: readonly GroundTruth[],
  classes: number,
  reuse?: Assignment,
): Assignment {
  assertObjects(objects, classes);
  const n = anchors.count;
  const fits = reuse !== undefined && reuse.label.length === n && reuse.classes === classes;
  const label = fits ? reuse.label : new Uint8Array(n);
  const object = fits ? reuse.object : new Int16Array(n).fill(-1);
  const maxIou = fits ? reuse.maxIou : new Float64Array(n);
  const classIou = fits ? reuse.classIou : new Float64Array(n * classes);
  if (fits) {
    for (const i of reuse.touched) {
      label[i] = LABEL.background;
      object[i] = -1;
      maxIou[i] = 0;
      classIou.fill(0, i * classes, (i + 1) * classes);
    }
  }
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const visit = (i: number, k: number, o: GroundTruth) => {
    const b = anchors.boxes;
    const v = iouCorners(
      b[4 * i]!,
      b[4 * i + 1]!,
      b[4 * i + 2]!,
      b[4 * i + 3]!,
      o.box.x0,
      o.box.y0,
      o.box.x1,
      o.box.y1,
    );
    if (v <= 0) return;
    if (!seen[i]) {
      seen[i] = 1;
      touched.push(i);
    }
    // Objects are visited in order and only a strictly larger IoU wins: the first of equals keeps the anchor.
    if (v > maxIou[i]!) {
      maxIou[i] = v;
      object[i] = k;
    }
    const c = i * classes + o.classIndex;
    if (v > classIou[c]!) classIou[c] = v;
  };
  objects.forEach((o, k) => forEachAnchorNear(anchors, o.box, (i) => visit(i, k, o)));
  const counts: LabelCounts = { foreground: 0, background: n, ignored: 0 };
  for (const i of touched) {
    const l = labelOf(maxIou[i]!);
    label[i] = l;
    if (l === LABEL.foreground) {
      counts.foreground++;
      counts.background--;
    } else {
      object[i] = -1;
      if (l === LABEL.ignored) {
        counts.ignored++;
        counts.background--;
      }
    }
  }
  return { label, object, maxIou, classIou, classes, counts, touched: Int32Array.from(touched) };
}

/** The length-K classification target of anchor i; null for an ignored anchor (it has none). */
export function targetVector(assignment: Assignment, objects: readonly GroundTruth[], i: number): number[] | null {
  const l = assignment.label[i];
  if (l === LABEL.ignored) return null;
  const target = new Array<number>(assignment.classes).fill(0);
  if (l === LABEL.foreground) target[objects[assignment.object[i]!]!.classIndex] = 1;
  return target;
}

/** Counts of foreground, background and ignored anchors on each level. */
export function countsByLevel(anchors: AnchorSet, assignment: Assignment): LabelCounts[] {
  return anchors.grids.map((g) => {
    const c: LabelCounts = { foreground: 0, background: 0, ignored: 0 };
    for (let i = g.offset; i < g.offset + g.anchors; i++) {
      const l = assignment.label[i];
      if (l === LABEL.foreground) c.foreground++;
      else if (l === LABEL.background) c.background++;
      else c.ignored++;
    }
    return c;
  });
}

/** Foreground anchors of each object: why a small object gets few of them. */
export function positivesPerObject(assignment: Assignment, objectCount: number): number[] {
  const out = new Array<number>(objectCount).fill(0);
  for (let i = 0; i < assignment.object.length; i++) {
    const o = assignment.object[i]!;
    if (o >= 0) out[o]!++;
  }
  return out;
}
