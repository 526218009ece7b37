/**
 * The loss calculator's working in multi-class mode: a softmax over K logits,
 * the true class c, a scalar α on the true class (the module's scalar
 * convention: every class weighs α, so the true class does) and γ. The same
 * kinds of step as the binary mode (loss-steps.ts), with every value taken
 * from the module's softmax focal loss:
 *
 *   p_t = e^{z_c} / Σ_j e^{z_j},  1 − p_t = Σ_{j≠c} e^{z_j} / Σ_j e^{z_j},
 *   (1 − p_t)^γ,  CE = −ln p_t,  CE_α = α_t CE,  FL = α_t (1 − p_t)^γ CE.
 *
 * 1 − p_t is its own step because the module never forms it as 1 − p_t: it
 * is the other classes' share, which stays exact when p_t rounds to 1.
 */
import { softmax, softmaxFocalLoss } from "../math/softmax-focal";
import { formatNumber } from "../text/format";
import {
  alphaOffStep,
  EQ,
  f,
  LN,
  MINUS_SIGN,
  OVER,
  ratioSteps,
  SUP_CLOSE,
  SUP_OPEN,
  TIMES,
  slotFormat,
  type LossStep,
  type Slot,
} from "./loss-steps";

export interface SoftmaxStepState {
  logits: readonly number[];
  /** the true class, counted from 0 */
  target: number;
  /** one weight for the true class, or null for none (α_t = 1) */
  alpha: number | null;
  gamma: number;
}

/** One class of the table beside the steps: its logit, its softmax probability, and the loss's gradient there. */
export interface ClassRow {
  index: number;
  logit: number;
  probability: number;
  /** ∂FL/∂z_j from the module */
  gradient: number;
  isTrue: boolean;
}

/** Every class's row, from the module: softmax probabilities and the gradient with respect to every logit. */
export function softmaxClassRows({ logits, target, alpha, gamma }: SoftmaxStepState): ClassRow[] {
  const probabilities = softmax(logits);
  const { grad } = softmaxFocalLoss(logits, target, { alpha, gamma });
  return logits.map((logit, index) => ({
    index,
    logit,
    probability: probabilities[index]!,
    gradient: grad[index]!,
    isTrue: index === target,
  }));
}

/** A class row's cells as printed: the logit as typed, the probability and the gradient in the site's four decimals. */
export function classRowText(row: ClassRow): { index: string; logit: string; probability: string; gradient: string } {
  return {
    index: String(row.index),
    logit: formatNumber(row.logit, slotFormat({ value: row.logit, kind: "input" })),
    probability: formatNumber(row.probability),
    gradient: formatNumber(row.gradient),
  };
}

/** Σ_j e^{z_j} over all classes, or over all but `skip`: the numbers the reader sees substituted. */
function sumOfExponentials(logits: readonly number[], skip = -1): number {
  return logits.reduce((sum, z, j) => (j === skip ? sum : sum + Math.exp(z)), 0);
}

/**
 * Every step of the multi-class calculator. Throws (from the module) on a
 * state outside the inputs' ranges: callers validate first.
 */
export function softmaxSteps(state: SoftmaxStepState): LossStep[] {
  const { logits, target, alpha, gamma } = state;
  const result = softmaxFocalLoss(logits, target, { alpha, gamma });
  const at = alpha ?? 1;
  const { pt, oneMinusPt: q, ce, modulating: mf, loss: fl } = result;
  const bce = at * ce;

  const PT: Slot = { name: "pt", value: pt, kind: "quotient", group: true };
  const Q: Slot = { name: "q", value: q, kind: "result", group: true };
  const AT: Slot = { name: "at", value: at, kind: "input", group: true };
  const G: Slot = { name: "gamma", value: gamma, kind: "input", script: true };
  const CE: Slot = { name: "ce", value: ce, kind: "result", group: true };
  const MF: Slot = { name: "mf", value: mf, kind: "result", group: true };
  const total: Slot = { name: "sum", value: sumOfExponentials(logits), kind: "result", group: true };

  const ptStep: LossStep = {
    id: "pt",
    variant: "softmax",
    label: "Softmax probability of the true class",
    value: pt,
    parts: [
      f("p_t = e^{z_c} / \\textstyle\\sum_j e^{z_j}", "p_t = e^(z_c) / Σ_j e^(z_j)"),
      EQ,
      f("e^{", "e^("),
      { name: "zc", value: logits[target]!, kind: "input", script: true },
      f("}", ")"),
      OVER,
      total,
      EQ,
      { ...PT, group: false },
    ],
  };

  const restStep: LossStep = {
    id: "oneMinusPt",
    variant: "softmax",
    label: "Probability of the other classes",
    value: q,
    parts: [
      f("1 - p_t = \\textstyle\\sum_{j \\ne c} e^{z_j} / \\sum_j e^{z_j}", "1 − p_t = Σ_(j≠c) e^(z_j) / Σ_j e^(z_j)"),
      EQ,
      { name: "rest", value: sumOfExponentials(logits, target), kind: "result", group: true },
      OVER,
      total,
      EQ,
      { ...Q, group: false },
    ],
  };

  const alphaStep: LossStep =
    alpha === null
      ? alphaOffStep(at)
      : {
          id: "alphaT",
          variant: "scalar",
          label: "Class weight of the true class",
          value: at,
          parts: [f("\\alpha_t = \\alpha", "α_t = α"), EQ, { ...AT, group: false }],
          note: "One α for every class, so the true class gets it, whichever class that is.",
        };

  const modulatingStep: LossStep = {
    id: "modulating",
    variant: "softmax",
    label: "Modulating factor",
    value: mf,
    parts: [
      f("{(1 - p_t)^{\\gamma}}", "(1 − p_t)^γ"),
      EQ,
      f("{", ""),
      Q,
      SUP_OPEN,
      G,
      SUP_CLOSE,
      EQ,
      { ...MF, group: false },
    ],
    ...(q === 0 && gamma === 0 ? { note: "0⁰ is taken as 1, so γ = 0 leaves cross-entropy unchanged." } : {}),
  };

  const ceStep: LossStep = {
    id: "ce",
    variant: "softmax",
    label: "Cross-entropy",
    value: ce,
    parts: [f("\\mathrm{CE} = -\\ln p_t", "CE = −ln p_t"), EQ, MINUS_SIGN, LN, PT, EQ, { ...CE, group: false }],
  };

  const balancedStep: LossStep = {
    id: "balancedCe",
    variant: "softmax",
    label: "Balanced cross-entropy",
    value: bce,
    parts: [
      f("\\mathrm{CE}_{\\alpha} = \\alpha_t \\, \\mathrm{CE}", "CE_α = α_t CE"),
      EQ,
      AT,
      TIMES,
      CE,
      EQ,
      { name: "bce", value: bce, kind: "result" },
    ],
  };

  const flStep: LossStep = {
    id: "fl",
    variant: "softmax",
    label: "Focal loss",
    value: fl,
    parts: [
      f("\\mathrm{FL} = \\alpha_t {(1 - p_t)^{\\gamma}} \\, \\mathrm{CE}", "FL = α_t (1 − p_t)^γ CE"),
      EQ,
      AT,
      TIMES,
      MF,
      TIMES,
      CE,
      EQ,
      { name: "fl", value: fl, kind: "result" },
    ],
  };

  return [ptStep, restStep, alphaStep, modulatingStep, ceStep, balancedStep, flStep, ...ratioSteps(ce, bce, fl, at)];
}

/** States that between them produce every multi-class (step, variant) pair, for the build-time templates. */
export const SOFTMAX_TEMPLATE_STATES: readonly SoftmaxStepState[] = [
  { logits: [2, 1, 0.1], target: 0, alpha: 0.25, gamma: 2 },
  { logits: [2, 1, 0.1], target: 0, alpha: null, gamma: 2 },
  { logits: [2, 1, 0.1], target: 0, alpha: 0, gamma: 2 },
];

/** Every variant a multi-class state can produce, as `id:variant` (CE is never 0 for logits in range, so CE / FL always has a value). */
export const SOFTMAX_STEP_VARIANTS: readonly string[] = [
  "pt:softmax",
  "oneMinusPt:softmax",
  "alphaT:scalar",
  "alphaT:off",
  "modulating:softmax",
  "ce:softmax",
  "balancedCe:softmax",
  "fl:softmax",
  "ceOverFl:value",
  "balancedCeOverFl:value",
  "balancedCeOverFl:no-value",
];
