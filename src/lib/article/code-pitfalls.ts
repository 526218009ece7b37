/**
 * The numbers of the chapter "Focal loss in your code": what the mistakes people
 * make with focal loss cost, computed with the loss-math module (never typed),
 * and the values the code snippets print for their example inputs.
 */
import { focalLoss, focalLossFromLogit, focalLossGradLogit, priorBias, sigmoid, type Label } from "../math/loss";
import { softmaxFocalLoss } from "../math/softmax-focal";
import { reduceLosses } from "../math/reduction";
import measured from "./data/torchvision-float64.json";

// ------------------------------------------------- 1 − p_t from a rounded p_t

export interface RoundedPtRow {
  logit: number;
  /** exact 1 − p_t = σ(−x) for a foreground example (y = 1) */
  exact: number;
  /** 1 - sigmoid(x) in float64 */
  naive64: number;
  /** the same in float32 (each operation rounded to single precision) */
  naive32: number;
  relError64: number;
  relError32: number;
}

function relativeError(value: number, exact: number): number {
  return Math.abs(value - exact) / Math.abs(exact);
}

/** float32 σ(x) as a float32 framework computes it: every intermediate rounded to single precision. */
function sigmoid32(x: number): number {
  const f = Math.fround;
  return x >= 0 ? f(1 / f(1 + f(Math.exp(f(-x))))) : f(f(Math.exp(f(x))) / f(1 + f(Math.exp(f(x)))));
}

export const ROUNDED_PT_LOGITS: readonly number[] = [2, 5, 10, 15, 17, 20, 30, 37, 40];

export function roundedPtRows(logits: readonly number[] = ROUNDED_PT_LOGITS): RoundedPtRow[] {
  return logits.map((x) => {
    const exact = sigmoid(-x);
    const naive64 = 1 - sigmoid(x);
    const naive32 = Math.fround(1 - sigmoid32(x));
    return {
      logit: x,
      exact,
      naive64,
      naive32,
      relError64: relativeError(naive64, exact),
      relError32: relativeError(naive32, exact),
    };
  });
}

/** The smallest logit in the list at which the naive float64 1 − p_t is off by more than `tolerance` relative. */
export function firstLogitOff(tolerance: number, precision: 32 | 64): number {
  const rows = roundedPtRows(Array.from({ length: 401 }, (_, i) => i / 10));
  const row = rows.find((r) => (precision === 64 ? r.relError64 : r.relError32) > tolerance);
  return row ? row.logit : Infinity;
}

/** The smallest logit (in steps of 0.1) from which the naive 1 − p_t is exactly 0. */
export function firstLogitZero(precision: 32 | 64): number {
  const rows = roundedPtRows(Array.from({ length: 801 }, (_, i) => i / 10));
  const row = rows.find((r) => (precision === 64 ? r.naive64 : r.naive32) === 0);
  return row ? row.logit : Infinity;
}

// ------------------------------------------ torchvision's float64, measured

interface MeasuredCase {
  logit: number;
  y: Label;
  alpha: number | null;
  gamma: number;
  fl: number;
  dfl_dlogit: number;
  torchvision_fl: number;
  torch_dfl_dlogit: number | string;
}
const cases = (measured as { cases: MeasuredCase[] }).cases;

/** The versions the shared reference measured (its README and meta). */
export const MEASURED_VERSIONS = (measured as { measured: { torchvision: string; torch: string; dtype: string } })
  .measured;

const asNumber = (v: number | string): number => (typeof v === "string" ? Number(v) : v);

export interface DriftBucket {
  /** |logit| in [from, to) */
  from: number;
  to: number;
  cases: number;
  /** worst relative error of torchvision's loss against the 60-digit truth */
  worstLossError: number;
  /** cases where torchvision's loss is exactly 0 but the truth is not */
  zeroLoss: number;
  /** cases where torch autograd's gradient is NaN */
  nanGradient: number;
  /** worst relative error of our module on the same cases, for comparison */
  moduleWorstLossError: number;
}

export function torchvisionDrift(edges: readonly number[] = [0, 10, 20, 30, 40.01]): DriftBucket[] {
  const buckets: DriftBucket[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const inside = cases.filter((c) => Math.abs(c.logit) >= from && Math.abs(c.logit) < to);
    let worst = 0;
    let moduleWorst = 0;
    for (const c of inside) {
      const fl = asNumber(c.fl);
      if (fl === 0) continue;
      worst = Math.max(worst, relativeError(asNumber(c.torchvision_fl), fl));
      moduleWorst = Math.max(moduleWorst, relativeError(focalLossFromLogit(c.logit, c.y, c), fl));
    }
    buckets.push({
      from,
      to: Math.floor(to),
      cases: inside.length,
      worstLossError: worst,
      moduleWorstLossError: moduleWorst,
      zeroLoss: inside.filter((c) => asNumber(c.torchvision_fl) === 0 && asNumber(c.fl) !== 0).length,
      nanGradient: inside.filter((c) => Number.isNaN(asNumber(c.torch_dfl_dlogit))).length,
    });
  }
  return buckets;
}

export interface NanGradientRow {
  logit: number;
  y: Label;
  gamma: number;
  alpha: number | null;
  /** the exact gradient (60-digit truth) */
  truth: number;
  /** our module's stable gradient */
  module: number;
}

/** The measured cases where torch autograd returned NaN, beside the truth and the module. */
export function nanGradientRows(): NanGradientRow[] {
  return cases
    .filter((c) => Number.isNaN(asNumber(c.torch_dfl_dlogit)))
    .map((c) => ({
      logit: c.logit,
      y: c.y,
      gamma: c.gamma,
      alpha: c.alpha,
      truth: asNumber(c.dfl_dlogit),
      module: focalLossGradLogit(c.logit, c.y, c),
    }));
}

export function measuredCaseCount(): { all: number; gammaBelowOne: number } {
  return { all: cases.length, gammaBelowOne: cases.filter((c) => c.gamma < 1).length };
}

// ------------------------------------------------------ an image's anchors

/**
 * One training image reduced to groups of anchors that share a probability:
 * enough to compute a normalised loss exactly without 100 000 array entries.
 */
export interface AnchorGroup {
  count: number;
  /** predicted foreground probability */
  p: number;
  y: Label;
}

export const RETINA = { alpha: 0.25, gamma: 2 } as const;

/** Σ FL over the groups' anchors. */
export function groupLossSum(groups: readonly AnchorGroup[], params = RETINA): number {
  return groups.reduce((s, g) => s + g.count * focalLoss(g.p, g.y, params), 0);
}

function positivesOf(groups: readonly AnchorGroup[]): number {
  return groups.reduce((s, g) => s + (g.y === 1 ? g.count : 0), 0);
}

function anchorsOf(groups: readonly AnchorGroup[]): number {
  return groups.reduce((s, g) => s + g.count, 0);
}

/** The scenario image: about 100 000 anchors (the paper's "∼100k"), of which a few are positive. */
export const IMAGE = { anchors: 100_000, positives: 100, ignored: 1_000 } as const;

export interface PriorInitResult {
  pi: number;
  bias: number;
  /** Σ FL / positives at the first step, with the bias at 0 (p = 0.5 everywhere) */
  lossAtZeroBias: number;
  /** the same with the prior bias b = −ln((1 − π)/π) */
  lossAtPriorBias: number;
  /** share of the loss at zero bias that comes from background anchors */
  backgroundShareAtZero: number;
  backgroundShareAtPrior: number;
}

export function priorInitEffect(pi = 0.01, image = IMAGE): PriorInitResult {
  const negatives = image.anchors - image.positives;
  const at = (p: number) => {
    const bg = negatives * focalLoss(p, 0, RETINA);
    const fg = image.positives * focalLoss(p, 1, RETINA);
    return { loss: (bg + fg) / image.positives, share: bg / (bg + fg) };
  };
  const bias = priorBias(pi);
  const zero = at(sigmoid(0));
  const prior = at(sigmoid(bias));
  return {
    pi,
    bias,
    lossAtZeroBias: zero.loss,
    lossAtPriorBias: prior.loss,
    backgroundShareAtZero: zero.share,
    backgroundShareAtPrior: prior.share,
  };
}

/** A mid-training image: positives partly learned, most background easy, some background still hard. */
export const MID_TRAINING = {
  positiveP: 0.6,
  easyBackgroundP: 0.001,
  hardBackgroundP: 0.1,
  hardBackground: 2_000,
} as const;

export function midTrainingGroups(image = IMAGE): AnchorGroup[] {
  const negatives = image.anchors - image.positives - image.ignored;
  return [
    { count: image.positives, p: MID_TRAINING.positiveP, y: 1 },
    { count: negatives - MID_TRAINING.hardBackground, p: MID_TRAINING.easyBackgroundP, y: 0 },
    { count: MID_TRAINING.hardBackground, p: MID_TRAINING.hardBackgroundP, y: 0 },
  ];
}

export interface NormaliserResult {
  anchors: number;
  positives: number;
  sumOverPositives: number;
  meanOverAnchors: number;
  /** how many times smaller the all-anchor mean is: the effective learning-rate cut */
  factor: number;
  /** the same image with half the positives: how the two normalisers respond */
  fewerPositivesSumOverPositives: number;
  fewerPositivesMean: number;
}

export function normaliserEffect(groups: readonly AnchorGroup[] = midTrainingGroups()): NormaliserResult {
  const losses = groups.map((g) => g.count * focalLoss(g.p, g.y, RETINA));
  const anchors = anchorsOf(groups);
  const positives = positivesOf(groups);
  const sumOverPositives = reduceLosses(losses, "sum-over-positives", { positives });
  const meanOverAnchors = reduceLosses(losses, "sum") / anchors;
  const halved = groups.map((g) => (g.y === 1 ? { ...g, count: g.count / 2 } : g));
  const halvedLosses = halved.map((g) => g.count * focalLoss(g.p, g.y, RETINA));
  return {
    anchors,
    positives,
    sumOverPositives,
    meanOverAnchors,
    factor: sumOverPositives / meanOverAnchors,
    fewerPositivesSumOverPositives: reduceLosses(halvedLosses, "sum-over-positives", {
      positives: positivesOf(halved),
    }),
    fewerPositivesMean: reduceLosses(halvedLosses, "sum") / anchorsOf(halved),
  };
}

export interface IgnoredResult {
  ignored: number;
  /** probability the ignored anchors are predicted at: they overlap an object by IoU in [0.4, 0.5) */
  p: number;
  lossWithout: number;
  lossWith: number;
  /** share of the loss with them that the ignored anchors make up */
  ignoredShare: number;
  /** the pull on one ignored anchor's logit, toward background */
  gradientPerIgnored: number;
}

export function ignoredAnchorsEffect(p = 0.4, image = IMAGE): IgnoredResult {
  const groups = midTrainingGroups(image);
  const positives = positivesOf(groups);
  const kept = groupLossSum(groups);
  const ignoredLoss = image.ignored * focalLoss(p, 0, RETINA);
  const x = Math.log(p / (1 - p));
  return {
    ignored: image.ignored,
    p,
    lossWithout: kept / positives,
    lossWith: (kept + ignoredLoss) / positives,
    ignoredShare: ignoredLoss / (kept + ignoredLoss),
    gradientPerIgnored: focalLossGradLogit(x, 0, RETINA) / positives,
  };
}

// --------------------------------------------------- the snippets' examples

/** The example batch every sigmoid snippet uses: six logits, two of them positive. */
export const SNIPPET_LOGITS: readonly number[] = [3.2, -1.5, 0.4, -4.0, -6.5, 1.1];
export const SNIPPET_TARGETS: readonly Label[] = [1, 0, 0, 0, 0, 1];

/** The softmax snippet's two examples over three classes. */
export const SNIPPET_CLASS_LOGITS: readonly (readonly number[])[] = [
  [2.0, 0.5, -1.0],
  [0.1, 0.3, 2.2],
];
export const SNIPPET_CLASS_TARGETS: readonly number[] = [0, 2];

export interface SnippetValues {
  /** Σ FL / positives with α = 0.25, γ = 2 (torchvision, optax, the stable versions) */
  sumOverPositives: number;
  /** torchvision reduction="mean": Σ FL / 6 */
  meanWithAlpha: number;
  /** Keras BinaryFocalCrossentropy defaults: no α (apply_class_balancing=False), mean */
  kerasDefaultMean: number;
  /** Keras with apply_class_balancing=True: α-weighted mean */
  kerasBalancedMean: number;
  /** Keras CategoricalFocalCrossentropy(from_logits=True), α = 0.25 on every class, mean over the batch */
  kerasCategoricalMean: number;
  positives: number;
}

export function snippetValues(): SnippetValues {
  const each = (params: { alpha: number | null; gamma: number }) =>
    SNIPPET_LOGITS.map((x, i) => focalLossFromLogit(x, SNIPPET_TARGETS[i]!, params));
  const withAlpha = each(RETINA);
  const noAlpha = each({ alpha: null, gamma: 2 });
  const positives = SNIPPET_TARGETS.filter((y) => y === 1).length;
  const categorical = SNIPPET_CLASS_LOGITS.map(
    (z, i) => softmaxFocalLoss(z, SNIPPET_CLASS_TARGETS[i]!, { alpha: 0.25, gamma: 2 }).loss,
  );
  return {
    sumOverPositives: reduceLosses(withAlpha, "sum-over-positives", { positives }),
    meanWithAlpha: reduceLosses(withAlpha, "mean"),
    kerasDefaultMean: reduceLosses(noAlpha, "mean"),
    kerasBalancedMean: reduceLosses(withAlpha, "mean"),
    kerasCategoricalMean: reduceLosses(categorical, "mean"),
    positives,
  };
}

// ------------------------------------------------ named numbers for prose

/** number: 3 significant digits; input: a scenario's input as written (0.4, 0.001). */
export type PitfallFormat = "number" | "input" | "percent" | "ratio" | "integer" | "text";

export interface PitfallNumber {
  value: number | string;
  format: PitfallFormat;
}

/** Every number the chapter's prose quotes, by name: the MDX names it, the module computes it. */
export function pitfallNumbers(): Record<string, PitfallNumber> {
  const prior = priorInitEffect();
  const norm = normaliserEffect();
  const ignored = ignoredAnchorsEffect();
  const counts = measuredCaseCount();
  const nan = nanGradientRows();
  return {
    "image.anchors": { value: IMAGE.anchors, format: "integer" },
    "image.positives": { value: IMAGE.positives, format: "integer" },
    "image.ignored": { value: IMAGE.ignored, format: "integer" },
    "prior.pi": { value: prior.pi, format: "input" },
    "prior.bias": { value: prior.bias, format: "number" },
    "prior.lossAtZeroBias": { value: prior.lossAtZeroBias, format: "number" },
    "prior.lossAtPriorBias": { value: prior.lossAtPriorBias, format: "number" },
    "prior.backgroundShareAtZero": { value: prior.backgroundShareAtZero, format: "percent" },
    "prior.backgroundShareAtPrior": { value: prior.backgroundShareAtPrior, format: "percent" },
    "prior.ratio": { value: prior.lossAtZeroBias / prior.lossAtPriorBias, format: "ratio" },
    "normaliser.anchors": { value: norm.anchors, format: "integer" },
    "normaliser.sumOverPositives": { value: norm.sumOverPositives, format: "number" },
    "normaliser.meanOverAnchors": { value: norm.meanOverAnchors, format: "number" },
    "normaliser.factor": { value: norm.factor, format: "ratio" },
    "normaliser.fewerSumOverPositives": { value: norm.fewerPositivesSumOverPositives, format: "number" },
    "normaliser.fewerMean": { value: norm.fewerPositivesMean, format: "number" },
    "ignored.p": { value: ignored.p, format: "input" },
    "ignored.lossWithout": { value: ignored.lossWithout, format: "number" },
    "ignored.lossWith": { value: ignored.lossWith, format: "number" },
    "ignored.share": { value: ignored.ignoredShare, format: "percent" },
    "mid.positiveP": { value: MID_TRAINING.positiveP, format: "input" },
    "mid.easyBackgroundP": { value: MID_TRAINING.easyBackgroundP, format: "input" },
    "mid.hardBackgroundP": { value: MID_TRAINING.hardBackgroundP, format: "input" },
    "mid.hardBackground": { value: MID_TRAINING.hardBackground, format: "integer" },
    "rounded.zeroFrom64": { value: firstLogitZero(64), format: "input" },
    "rounded.zeroFrom32": { value: firstLogitZero(32), format: "input" },
    "rounded.firstOff64": { value: firstLogitOff(0.01, 64), format: "input" },
    "rounded.firstOff32": { value: firstLogitOff(0.01, 32), format: "input" },
    "measured.cases": { value: counts.all, format: "integer" },
    "measured.gammaBelowOne": { value: counts.gammaBelowOne, format: "integer" },
    "measured.nanGradients": { value: nan.length, format: "integer" },
    "measured.torchvision": { value: MEASURED_VERSIONS.torchvision, format: "text" },
    "measured.torch": { value: MEASURED_VERSIONS.torch, format: "text" },
  };
}
