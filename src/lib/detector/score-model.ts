/**
 * A stated model of a partly trained detector's classification scores, so the
 * loss map has numbers to show. It is NOT a trained network: for anchor i and
 * class k the logit is
 *
 *   x_{i,k} = (b + noise · z_{i,k}) + slope · max(0, IoU_{i,k} − floor),
 *
 * where IoU_{i,k} is the anchor's highest IoU with an object of class k (an
 * overlap below `floor` does not move the score, so a drag rescores only the
 * anchors that overlap a box noticeably),
 * b starts every anchor at the paper's prior (§4.1, π = 0.01), and z_{i,k} are
 * standard normal draws from a seeded generator, fixed per anchor and class, so
 * moving a box changes the IoU term only. The score rises with overlap, as a
 * detector's does once it has learnt something; the noise makes some
 * background confident and some objects missed.
 */
import { priorBias } from "../math/loss";
import { mulberry32, normalSampler } from "../math/random";
import type { Assignment } from "./assignment";

export interface ScoreModel {
  seed: number;
  /** logit of an anchor that overlaps nothing, before noise */
  backgroundLogit: number;
  /** rise of the logit per unit of IoU above the floor */
  slope: number;
  /** IoU below which an overlap does not raise the score */
  floor: number;
  /** standard deviation of the per-anchor noise, in logit units */
  noise: number;
}

/** The prior π = 0.01 of §4.1. */
export const PRIOR = 0.01;

export const DEFAULT_SCORE_MODEL: ScoreModel = {
  seed: 2017,
  backgroundLogit: priorBias(PRIOR),
  slope: 11,
  floor: 0.1,
  noise: 1.2,
};

/** The fixed noise draws z_{i,k}: length anchors · classes, the same for the same seed everywhere. */
export function scoreNoise(seed: number, length: number): Float64Array {
  const normal = normalSampler(mulberry32(seed));
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = normal();
  return out;
}

/** b + noise·z for every anchor and class: the logit of an anchor that overlaps nothing, computed once per page. */
export function baseLogits(noise: Float64Array, model: ScoreModel): Float64Array {
  return Float64Array.from(noise, (z) => model.backgroundLogit + model.noise * z);
}

/** The anchors whose score differs from the base: an IoU above the floor with some class (every labelled anchor among them). */
export function scoredAnchors(assignment: Assignment, model: ScoreModel): Int32Array {
  const K = assignment.classes;
  const out: number[] = [];
  for (const i of assignment.touched) {
    for (let t = i * K; t < (i + 1) * K; t++) {
      if (assignment.classIou[t]! > model.floor) {
        out.push(i);
        break;
      }
    }
  }
  return Int32Array.from(out);
}

/**
 * The K logits of every anchor, flat (anchor-major): the base logits plus
 * slope · (IoU − floor) where the IoU exceeds the floor. Only anchors that
 * overlap an object (the assignment's touched list) can, so only they are visited.
 */
export function modelLogits(
  assignment: Assignment,
  base: Float64Array,
  model: ScoreModel,
  into?: Float64Array,
): Float64Array {
  const n = assignment.classIou.length;
  if (base.length !== n)
    throw new RangeError(`base logits must have one value per anchor and class (${n}); got ${base.length}`);
  const out = into && into.length === n ? into : new Float64Array(n);
  out.set(base);
  const K = assignment.classes;
  for (const i of assignment.touched) {
    for (let t = i * K; t < (i + 1) * K; t++) {
      const v = assignment.classIou[t]!;
      if (v > model.floor) out[t] = base[t]! + model.slope * (v - model.floor);
    }
  }
  return out;
}

/**
 * modelLogits for the listed anchors only, in place: after a drag only the
 * anchors near the moved box (the live assignment's `changed`) can have new
 * class IoUs, and every other logit in `out` is already current. Returns the
 * listed anchors whose logits did change (most near a box overlap it by less
 * than the floor and keep theirs).
 */
export function updateModelLogits(
  assignment: Assignment,
  base: Float64Array,
  model: ScoreModel,
  out: Float64Array,
  anchors: ArrayLike<number>,
): Int32Array {
  const K = assignment.classes;
  const rescored: number[] = [];
  for (let j = 0; j < anchors.length; j++) {
    const i = anchors[j]!;
    let moved = false;
    for (let t = i * K; t < (i + 1) * K; t++) {
      const v = assignment.classIou[t]!;
      const x = v > model.floor ? base[t]! + model.slope * (v - model.floor) : base[t]!;
      if (x !== out[t]) {
        out[t] = x;
        moved = true;
      }
    }
    if (moved) rescored.push(i);
  }
  return Int32Array.from(rescored);
}
