/**
 * The answers of the "Check yourself" questions, computed by the loss-math
 * module at build time (never typed), with the tolerance each is checked within.
 */
import { balancedCrossEntropy, crossEntropy, focalLoss, priorBias } from "../math/loss";
import { ptAtReduction } from "../math/focusing";
import { firstLogitZero, normaliserEffect } from "./code-pitfalls";
import type { NumericAnswer, Tolerance } from "./self-check";
import { levelGrids } from "../detector/anchors";

/** The γ at which an example at p_t keeps `share` of its cross-entropy: (1 − p_t)^γ = share. */
export function gammaForKeptShare(ptValue: number, share: number): number {
  if (!(ptValue > 0 && ptValue < 1)) throw new RangeError(`pt must be a number in (0, 1); got ${String(ptValue)}`);
  if (!(share > 0 && share < 1)) throw new RangeError(`share must be a number in (0, 1); got ${String(share)}`);
  return Math.log(share) / Math.log1p(-ptValue);
}

/** Chapter 1's image: 99 900 background anchors at p = 0.01 and 100 objects at p = 0.5. */
function backgroundShareOfCe(): number {
  const bg = 99_900 * crossEntropy(0.01, 0);
  const fg = 100 * crossEntropy(0.5, 1);
  return bg / (bg + fg);
}

const rel = (amount: number): Tolerance => ({ kind: "relative", amount });
const abs = (amount: number): Tolerance => ({ kind: "absolute", amount });

/** An answer shown to `digits` significant digits (three unless said), with its unit if it has one. */
const numeric = (value: number, tolerance: Tolerance, digits = 3, unit: NumericAnswer["unit"] = ""): NumericAnswer => ({
  value,
  tolerance,
  unit,
  digits,
});

const ANSWERS: Record<string, () => NumericAnswer> = {
  "why.backgroundShare": () => numeric(100 * backgroundShareOfCe(), abs(5), 3, "%"),
  "what.reductionAt09": () => numeric(crossEntropy(0.9, 1) / focalLoss(0.9, 1, { alpha: null, gamma: 2 }), rel(0.1)),
  "ce.ceAt01": () => numeric(crossEntropy(0.1, 1), rel(0.05)),
  "bce.background02": () => numeric(balancedCrossEntropy(0.2, 0, 0.25), rel(0.1)),
  "fl.gammaKeeps1Percent": () => numeric(gammaForKeptShare(0.9, 0.01), abs(0.1)),
  "fl.ptAt1000": () => numeric(ptAtReduction(1000, 2), abs(0.005)),
  "cevfl.ratioFg095": () => numeric(crossEntropy(0.95, 1) / focalLoss(0.95, 1, { alpha: 0.25, gamma: 2 }), rel(0.1), 4),
  "final.priorBias": () => numeric(priorBias(0.01), abs(0.05)),
  "lab.ceEasyPrior": () => numeric(crossEntropy(0.01, 0), rel(0.1)),
  "anchors.p3At640": () => numeric(levelGrids({ width: 640, height: 640 })[0]!.anchors, rel(0.05), 5),
  "detector.ceAtZeroBias": () => numeric(crossEntropy(0.5, 0), rel(0.05)),
  "code.meanFactor": () => numeric(normaliserEffect().factor, rel(0.05), 4),
  "code.zeroFrom64": () => numeric(firstLogitZero(64), abs(1)),
};

export const ANSWER_NAMES: readonly string[] = Object.keys(ANSWERS);

export function numericAnswer(name: string): NumericAnswer {
  const answer = ANSWERS[name];
  if (answer === undefined) throw new RangeError(`answer must be one of ${ANSWER_NAMES.join(", ")}; got ${name}`);
  return answer();
}
