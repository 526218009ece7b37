/**
 * Where the total loss of an image comes from: groups of identical examples
 * (say, 99 900 easy background anchors and 100 objects), each group's loss
 * per example, its total, and its share of the whole. Used to show how many
 * small losses outweigh a few large ones.
 */
import { focalLoss, focalLossFromLogit, focalLossGradLogit, sigmoid, type FocalParams, type Label } from "../math/loss";
import { groupThousands } from "../text/format";

export interface ExampleGroup {
  /** how many examples of this kind there are */
  count: number;
  p: number;
  y: Label;
}

export interface GroupLoss extends ExampleGroup {
  each: number;
  total: number;
  /** fraction of the summed loss of all groups, in [0, 1] */
  share: number;
}

/** Loss per group under one setting of α and γ (γ = 0 and α = null is plain cross-entropy). */
export function lossBudget(groups: readonly ExampleGroup[], params: FocalParams): GroupLoss[] {
  for (const g of groups) {
    if (!Number.isInteger(g.count) || g.count < 0)
      throw new RangeError(`count must be a non-negative integer; got ${g.count}`);
  }
  const rows = groups.map((g) => {
    const each = focalLoss(g.p, g.y, params);
    // 0 examples contribute 0, even if each would cost ∞.
    const total = g.count === 0 ? 0 : g.count * each;
    return { ...g, each, total };
  });
  const sum = rows.reduce((s, r) => s + r.total, 0);
  return rows.map((r) => ({ ...r, share: sum === 0 ? 0 : r.total / sum }));
}

// ------------------------------------------------------------------------
// The imbalance lab's budget: an image's candidates in three kinds (easy
// negatives, hard negatives, positives), each scored alike, for CE, balanced
// CE and FL side by side; the first training step; and the budget of a
// model's actual predictions.
// ------------------------------------------------------------------------

/** The three kinds of example the budget splits the loss into, in stacking order. */
export const BUDGET_PARTS = ["easyNegatives", "hardNegatives", "positives"] as const;
export type BudgetPart = (typeof BUDGET_PARTS)[number];

export const BUDGET_PART_LABELS: Record<BudgetPart, string> = {
  easyNegatives: "easy negatives",
  hardNegatives: "hard negatives",
  positives: "positives",
};

/** A group of examples that the model scores alike: how many, and p_t for each. */
export interface BudgetGroup {
  count: number;
  /** probability the model gives the true class, in (0, 1] */
  pt: number;
}

export type BudgetScenario = Record<BudgetPart, BudgetGroup>;

/** What a reader sets: the image and how confident the model is on each kind of example. */
export interface BudgetInputs {
  /** candidate locations (anchors) in the image, 10³ to 10⁶ */
  locations: number;
  /** locations that cover an object (positives) */
  objects: number;
  /** share of the negatives that are hard (confusable with an object), 0 to 0.5 */
  hardShare: number;
  ptEasy: number;
  ptHard: number;
  ptPositive: number;
}

export const BUDGET_LIMITS = {
  locations: { min: 1e3, max: 1e6 },
  objects: { min: 1, max: 1000 },
  hardShare: { min: 0, max: 0.5 },
  pt: { min: 0.01, max: 0.9999 },
} as const;

/** The prior probability of foreground RetinaNet initialises its classifier to (Section 3.3 of the paper). */
export const RETINANET_PRIOR = 0.01;

export interface BudgetPreset {
  id: "prior" | "half" | "trained";
  label: string;
  inputs: BudgetInputs;
}

const ANCHORS = 1e5;
const OBJECTS = 100;
const HARD_SHARE = 0.01;

/** A preset of the same image (counts and hard share), with the model's confidence on each kind of example. */
const preset = (id: BudgetPreset["id"], label: string, ptEasy: number, ptHard: number, ptPositive: number) => ({
  id,
  label,
  inputs: { locations: ANCHORS, objects: OBJECTS, hardShare: HARD_SHARE, ptEasy, ptHard, ptPositive },
});

/**
 * Three moments in a detector's training. At the prior initialisation every
 * location scores p = π, so every negative has p_t = 1 − π, hard or not, and
 * every positive p_t = π. The later two are illustrative, not measured.
 */
export const BUDGET_PRESETS: readonly BudgetPreset[] = [
  preset(
    "prior",
    `At initialisation with the prior π = ${RETINANET_PRIOR}`,
    1 - RETINANET_PRIOR,
    1 - RETINANET_PRIOR,
    RETINANET_PRIOR,
  ),
  preset("half", "A half-trained detector", 0.97, 0.6, 0.5),
  preset("trained", "A well-trained detector", 0.999, 0.85, 0.9),
];

export const DEFAULT_BUDGET_INPUTS: BudgetInputs = BUDGET_PRESETS[0]!.inputs;

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/**
 * Inputs made safe: anything missing, non-numeric or out of range is clamped
 * or replaced by the default, so a hostile value can never reach the maths.
 */
export function sanitiseBudgetInputs(raw: Partial<Record<keyof BudgetInputs, unknown>>): BudgetInputs {
  const d = DEFAULT_BUDGET_INPUTS;
  const L = BUDGET_LIMITS;
  const locations = Math.round(clamp(raw.locations, L.locations.min, L.locations.max, d.locations));
  // At least one negative must remain; a tenth of the locations is already far more objects than any image has.
  const objects = Math.round(clamp(raw.objects, L.objects.min, Math.min(L.objects.max, locations / 10), d.objects));
  return {
    locations,
    objects,
    hardShare: clamp(raw.hardShare, L.hardShare.min, L.hardShare.max, d.hardShare),
    ptEasy: clamp(raw.ptEasy, L.pt.min, L.pt.max, d.ptEasy),
    ptHard: clamp(raw.ptHard, L.pt.min, L.pt.max, d.ptHard),
    ptPositive: clamp(raw.ptPositive, L.pt.min, L.pt.max, d.ptPositive),
  };
}

/** The counts and confidences the budget is computed from; hard negatives are rounded to whole examples. */
export function budgetScenario(inputs: BudgetInputs): BudgetScenario {
  const s = sanitiseBudgetInputs(inputs);
  const negatives = s.locations - s.objects;
  const hard = Math.round(negatives * s.hardShare);
  return {
    easyNegatives: { count: negatives - hard, pt: s.ptEasy },
    hardNegatives: { count: hard, pt: s.ptHard },
    positives: { count: s.objects, pt: s.ptPositive },
  };
}

export type LossKind = "ce" | "balanced" | "focal";

export interface PartBudget {
  count: number;
  /** the loss of one example of this kind */
  perExample: number;
  /** count × perExample */
  total: number;
  /** total / the budget's total, in [0, 1] */
  share: number;
}

export interface LossBudget {
  kind: LossKind;
  params: FocalParams;
  parts: Record<BudgetPart, PartBudget>;
  /** Σ of the parts' totals (not normalised by the number of positives: shares do not depend on it) */
  total: number;
}

/** The score p a model gives the foreground class when it gives the true class p_t. */
function scoreOf(ptValue: number, y: Label): number {
  // For p_t in [0.5, 1], 1 − p_t is exact in floating point (Sterbenz), so nothing is lost here.
  return y === 1 ? ptValue : 1 - ptValue;
}

const LABEL_OF: Record<BudgetPart, Label> = { easyNegatives: 0, hardNegatives: 0, positives: 1 };

/**
 * One loss's budget over the three kinds of example, through lossBudget()
 * above. CE is FL with α off and γ = 0, balanced CE is FL with γ = 0.
 */
export function scenarioBudget(scenario: BudgetScenario, kind: LossKind, params: FocalParams): LossBudget {
  const groups = BUDGET_PARTS.map((part) => ({
    count: scenario[part].count,
    p: scoreOf(scenario[part].pt, LABEL_OF[part]),
    y: LABEL_OF[part],
  }));
  const rows = lossBudget(groups, params);
  const parts = {} as Record<BudgetPart, PartBudget>;
  let total = 0;
  BUDGET_PARTS.forEach((part, i) => {
    const r = rows[i]!;
    parts[part] = { count: r.count, perExample: r.each, total: r.total, share: r.share };
    total += r.total;
  });
  return { kind, params, parts, total };
}

export const CE_PARAMS: FocalParams = { alpha: null, gamma: 0 };
export const BALANCED_ALPHA = 0.25;

/** The three budgets side by side: CE, balanced CE (α = 0.25) and FL with the reader's γ and α. */
export function lossBudgets(inputs: BudgetInputs, focal: FocalParams): LossBudget[] {
  const scenario = budgetScenario(inputs);
  return [
    scenarioBudget(scenario, "ce", CE_PARAMS),
    scenarioBudget(scenario, "balanced", { alpha: BALANCED_ALPHA, gamma: 0 }),
    scenarioBudget(scenario, "focal", focal),
  ];
}

export function lossName(kind: LossKind, params: FocalParams): string {
  if (kind === "ce") return "Cross-entropy";
  if (kind === "balanced") return `Balanced CE (α = ${params.alpha ?? "off"})`;
  return `Focal loss (γ = ${params.gamma}, α = ${params.alpha ?? "off"})`;
}

/** The kind of example that carries the largest share of a budget. */
export function largestPart(budget: LossBudget): BudgetPart {
  let best: BudgetPart = BUDGET_PARTS[0];
  for (const part of BUDGET_PARTS) if (budget.parts[part].share > budget.parts[best].share) best = part;
  return best;
}

// ------------------------------------------------- the first training step

export interface FirstStepLoss {
  /** the bias every location starts from (weights start at or near 0) */
  bias: number;
  /** the score σ(b) every location starts with */
  score: number;
  /** Σ loss / max(1, positives), as RetinaNet normalises */
  loss: number;
  /** share of that loss from the negatives */
  negativeShare: number;
  /** d loss / d b: how hard the first step pushes the bias */
  biasGradient: number;
}

/**
 * The loss at the very first step, when every location has the same logit b
 * (the classification head's last layer starts with zero-mean tiny weights).
 */
export function firstStepLoss(locations: number, objects: number, bias: number, params: FocalParams): FirstStepLoss {
  const negatives = locations - objects;
  const norm = Math.max(1, objects);
  const neg = negatives * focalLossFromLogit(bias, 0, params);
  const pos = objects * focalLossFromLogit(bias, 1, params);
  const grad = negatives * focalLossGradLogit(bias, 0, params) + objects * focalLossGradLogit(bias, 1, params);
  return {
    bias,
    score: sigmoid(bias),
    loss: (neg + pos) / norm,
    negativeShare: neg / (neg + pos),
    biasGradient: grad / norm,
  };
}

// ---------------------------------------------- budgets of real predictions

/** An example counts as easy when the model gives its true class more than this. */
export const EASY_PT = 0.9;

/**
 * The budget of a model's actual predictions (logits) on a labelled set, with
 * negatives split into easy (p_t > 0.9) and hard by what the model says.
 */
export function budgetOfPredictions(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  kind: LossKind,
  params: FocalParams,
  easyPt = EASY_PT,
): LossBudget {
  if (logits.length !== labels.length) throw new RangeError("logits and labels must have the same length");
  const sums: Record<BudgetPart, number> = { easyNegatives: 0, hardNegatives: 0, positives: 0 };
  const counts: Record<BudgetPart, number> = { easyNegatives: 0, hardNegatives: 0, positives: 0 };
  for (let i = 0; i < logits.length; i++) {
    const x = logits[i]!;
    const y = labels[i] as Label;
    // p_t of a negative is σ(−x): computed directly, as loss.ts does.
    const part: BudgetPart = y === 1 ? "positives" : sigmoid(-x) > easyPt ? "easyNegatives" : "hardNegatives";
    sums[part] += focalLossFromLogit(x, y, params);
    counts[part] += 1;
  }
  const total = sums.easyNegatives + sums.hardNegatives + sums.positives;
  const parts = {} as Record<BudgetPart, PartBudget>;
  for (const part of BUDGET_PARTS) {
    parts[part] = {
      count: counts[part],
      perExample: counts[part] > 0 ? sums[part] / counts[part] : 0,
      total: sums[part],
      share: total > 0 ? sums[part] / total : 0,
    };
  }
  return { kind, params, parts, total };
}

// ------------------------------------------------------------------ reading

/**
 * A whole number with thousands separators, the same in Node and every browser: 100,000. Without Intl
 * (groupThousands): Number#toLocaleString built a formatter per call, the costliest line of an anchor-map
 * drag frame (some 30 counts a frame), and even one formatter made at load set up ICU's locale data.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "—";
  return groupThousands(n);
}

/** A share as the budget's sentence and its bars print it: 67.9%, 0.07% below 1%, "less than 0.05%" for a sliver. */
export function sharePhrase(share: number): string {
  if (!Number.isFinite(share)) return "—";
  // Shares below 0.05% would print as 0.0%, which reads as "none": say how small instead.
  if (share > 0 && share < 0.0005) return `less than ${formatPercentPlain(0.0005 * 100)}%`;
  return `${formatPercentPlain(share * 100)}%`;
}

function formatPercentPlain(percent: number): string {
  return percent.toFixed(percent < 1 ? 2 : 1);
}

/**
 * One sentence that reads the budgets: what share of CE the easy negatives
 * carry, what share of FL, and which kind of example FL is left with.
 */
export function describeBudgets(budgets: readonly LossBudget[]): string {
  const ce = budgets.find((b) => b.kind === "ce");
  const fl = budgets.find((b) => b.kind === "focal");
  if (!ce || !fl) return "";
  const flLargest = largestPart(fl);
  const flNote =
    flLargest === "easyNegatives"
      ? "still the largest part"
      : `while ${BUDGET_PART_LABELS[flLargest]} carry ${sharePhrase(fl.parts[flLargest].share)}`;
  return (
    `With cross-entropy, easy negatives carry ${sharePhrase(ce.parts.easyNegatives.share)} of the loss; ` +
    `with focal loss (γ = ${fl.params.gamma}, α = ${fl.params.alpha ?? "off"}) they carry ${sharePhrase(fl.parts.easyNegatives.share)}, ${flNote}.`
  );
}
