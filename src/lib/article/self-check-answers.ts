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

const ANSWERS: Record<string, () => NumericAnswer> = {
  "why.backgroundShare": () => ({ value: 100 * backgroundShareOfCe(), tolerance: abs(5), unit: "%", digits: 3 }),
  "what.reductionAt09": () => ({
    value: crossEntropy(0.9, 1) / focalLoss(0.9, 1, { alpha: null, gamma: 2 }),
    tolerance: rel(0.1),
    unit: "",
    digits: 3,
  }),
  "ce.ceAt01": () => ({ value: crossEntropy(0.1, 1), tolerance: rel(0.05), unit: "", digits: 3 }),
  "bce.background02": () => ({ value: balancedCrossEntropy(0.2, 0, 0.25), tolerance: rel(0.1), unit: "", digits: 3 }),
  "fl.gammaKeeps1Percent": () => ({ value: gammaForKeptShare(0.9, 0.01), tolerance: abs(0.1), unit: "", digits: 3 }),
  "fl.ptAt1000": () => ({ value: ptAtReduction(1000, 2), tolerance: abs(0.005), unit: "", digits: 3 }),
  "cevfl.ratioFg095": () => ({
    value: crossEntropy(0.95, 1) / focalLoss(0.95, 1, { alpha: 0.25, gamma: 2 }),
    tolerance: rel(0.1),
    unit: "",
    digits: 4,
  }),
  "final.priorBias": () => ({ value: priorBias(0.01), tolerance: abs(0.05), unit: "", digits: 3 }),
  "lab.ceEasyPrior": () => ({ value: crossEntropy(0.01, 0), tolerance: rel(0.1), unit: "", digits: 3 }),
  "anchors.p3At640": () => ({
    value: levelGrids({ width: 640, height: 640 })[0]!.anchors,
    tolerance: rel(0.05),
    unit: "",
    digits: 5,
  }),
  "detector.ceAtZeroBias": () => ({ value: crossEntropy(0.5, 0), tolerance: rel(0.05), unit: "", digits: 3 }),
  "code.meanFactor": () => ({ value: normaliserEffect().factor, tolerance: rel(0.05), unit: "", digits: 4 }),
  "code.zeroFrom64": () => ({ value: firstLogitZero(64), tolerance: abs(1), unit: "", digits: 3 }),
};

export const ANSWER_NAMES: readonly string[] = Object.keys(ANSWERS);

export function numericAnswer(name: string): NumericAnswer {
  const answer = ANSWERS[name];
  if (answer === undefined) throw new RangeError(`answer must be one of ${ANSWER_NAMES.join(", ")}; got ${name}`);
  return answer();
}
