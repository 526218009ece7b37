/**
 * A stated model of a partly trained detector's classification scores, so the
 * loss map has numbers to show. It is NOT a trained network: for anchor i and
 * class k the logit is
 *
 *   x_{i,k} = b + slope · IoU_{i,k} + noise · z_{i,k},
 *
 * where IoU_{i,k} is the anchor's highest IoU with an object of class k,
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
  /** rise of the logit from IoU 0 to IoU 1 */
  slope: number;
  /** standard deviation of the per-anchor noise, in logit units */
  noise: number;
}

/** The prior π = 0.01 of §4.1. */
export const PRIOR = 0.01;

export const DEFAULT_SCORE_MODEL: ScoreModel = { seed: 2017, backgroundLogit: priorBias(PRIOR), slope: 10, noise: 1.2 };

/** The fixed noise draws z_{i,k}: length anchors · classes, the same for the same seed everywhere. */
export function scoreNoise(seed: number, length: number): Float64Array {
  const normal = normalSampler(mulberry32(seed));
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = normal();
  return out;
}

/** The K logits of every anchor, flat (anchor-major), from the assignment's per-class IoU and the noise. */
export function modelLogits(assignment: Assignment, noise: Float64Array, model: ScoreModel, into?: Float64Array): Float64Array {
  const n = assignment.classIou.length;
  if (noise.length !== n) throw new RangeError(`noise must have one draw per anchor and class (${n}); got ${noise.length}`);
  const out = into && into.length === n ? into : new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = model.backgroundLogit + model.slope * assignment.classIou[i]! + model.noise * noise[i]!;
  return out;
}
