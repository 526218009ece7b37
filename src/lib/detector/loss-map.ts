/**
 * The loss of one image's anchors under CE, α-balanced CE and focal loss, and
 * where it comes from. RetinaNet sums the loss over all anchors and divides by
 * the number of anchors assigned to a ground-truth box (§4.1 "Focal Loss"); an
 * ignored anchor contributes nothing (§4 "Anchors"). Each anchor has K sigmoid
 * outputs (§4 "Classification Subnet"), so it contributes K binary terms: the
 * one of its object's class with target 1, the others with target 0.
 *
 * The batch total and gradient come from the loss-math module's focalLossBatch
 * (which floors the normaliser at 1, for an image with no assigned anchor);
 * each anchor's own share from focalLossFromLogit.
 */
import { focalLossBatch, focalLossFromLogit, sigmoid, softplus, type FocalParams, type Label } from "../math/loss";
import { cumulativeOfSorted, type CdfPoint } from "../math/metrics";
import { LABEL, type Assignment, type GroundTruth } from "./assignment";

export type LossKind = "ce" | "balanced" | "focal";
export const LOSS_KINDS: readonly LossKind[] = ["ce", "balanced", "focal"];

/** The α and γ each loss uses: CE has neither, balanced CE has α only, focal loss both. */
export function lossParams(kind: LossKind, alpha: number, gamma: number): FocalParams {
  if (kind === "ce") return { alpha: null, gamma: 0 };
  if (kind === "balanced") return { alpha, gamma: 0 };
  return { alpha, gamma };
}

/** The binary terms an image trains on: one per class output of every anchor that is not ignored. */
export interface TrainingTerms {
  logits: Float64Array;
  labels: Uint8Array;
  /** the anchor each term belongs to */
  anchor: Int32Array;
  /** terms with label 1: one per assigned anchor */
  positives: number;
}

export function trainingTerms(
  assignment: Assignment,
  objects: readonly GroundTruth[],
  logits: Float64Array,
): TrainingTerms {
  const K = assignment.classes;
  const n = assignment.label.length;
  let kept = 0;
  for (let i = 0; i < n; i++) if (assignment.label[i] !== LABEL.ignored) kept++;
  const out: TrainingTerms = {
    logits: new Float64Array(kept * K),
    labels: new Uint8Array(kept * K),
    anchor: new Int32Array(kept * K),
    positives: 0,
  };
  let t = 0;
  for (let i = 0; i < n; i++) {
    const l = assignment.label[i];
    if (l === LABEL.ignored) continue;
    const positiveClass = l === LABEL.foreground ? objects[assignment.object[i]!]!.classIndex : -1;
    for (let k = 0; k < K; k++, t++) {
      out.logits[t] = logits[i * K + k]!;
      out.anchor[t] = i;
      if (k === positiveClass) {
        out.labels[t] = 1;
        out.positives++;
      }
    }
  }
  return out;
}

/** The three kinds of terms a budget splits into. */
export type TermGroup = "positive" | "easyNegative" | "hardNegative";
export const TERM_GROUPS: readonly TermGroup[] = ["positive", "easyNegative", "hardNegative"];

/**
 * A target-0 term is an easy negative when it is well classified, p_t > 0.5
 * (the paper's Figure 1 calls p_t > .5 "well-classified"), that is logit x < 0.
 */
export function termGroup(logit: number, label: number): TermGroup {
  if (label === 1) return "positive";
  return logit < 0 ? "easyNegative" : "hardNegative";
}

export type GroupShares = Record<TermGroup, number>;

export interface LossMap {
  kind: LossKind;
  params: FocalParams;
  /** the module's normalised batch loss: sum / normaliser */
  total: number;
  /** the un-normalised sum over every term */
  sum: number;
  /** max(1, anchors assigned to an object) */
  normaliser: number;
  /** each anchor's loss (the sum of its K terms) before dividing by the normaliser; 0 for an ignored anchor */
  perAnchor: Float64Array;
  /** how many terms fall in each group */
  termCounts: GroupShares;
  /** share of the summed loss from each group */
  lossShare: GroupShares;
  /** share of Σ|dL/dx| from each group */
  gradientShare: GroupShares;
}

const zeroShares = (): GroupShares => ({ positive: 0, easyNegative: 0, hardNegative: 0 });

export function lossMap(
  terms: TrainingTerms,
  anchorCount: number,
  kind: LossKind,
  alpha: number,
  gamma: number,
): LossMap {
  const params = lossParams(kind, alpha, gamma);
  const batch = focalLossBatch(terms.logits, terms.labels, params);
  const normaliser = Math.max(1, batch.positives);
  const perAnchor = new Float64Array(anchorCount);
  const termCounts = zeroShares();
  const lossSum = zeroShares();
  const gradSum = zeroShares();
  let sum = 0;
  for (let t = 0; t < terms.logits.length; t++) {
    const x = terms.logits[t]!;
    const y = terms.labels[t]! as Label;
    const loss = focalLossFromLogit(x, y, params);
    const g = termGroup(x, y);
    termCounts[g]++;
    lossSum[g] += loss;
    gradSum[g] += Math.abs(batch.grad[t]!);
    const a = terms.anchor[t]!;
    perAnchor[a] = perAnchor[a]! + loss;
    sum += loss;
  }
  const share = (parts: GroupShares): GroupShares => {
    const whole = parts.positive + parts.easyNegative + parts.hardNegative;
    const out = zeroShares();
    if (whole > 0 && Number.isFinite(whole)) for (const k of TERM_GROUPS) out[k] = parts[k] / whole;
    return out;
  };
  return {
    kind,
    params,
    total: batch.loss,
    sum,
    normaliser,
    perAnchor,
    termCounts,
    lossShare: share(lossSum),
    gradientShare: share(gradSum),
  };
}

/** Figure 4's γ values. */
export const FIGURE4_GAMMAS: readonly number[] = [0, 0.5, 1, 2];

export interface LossCdfs {
  gamma: number;
  positives: CdfPoint[];
  negatives: CdfPoint[];
}

/**
 * The logits of the positive and of the negative terms, each in the order of
 * its focal loss, lowest first, for every γ ≥ 0 at once: a positive's loss
 * (1 − p)^γ·(−log p) falls as its logit rises and a negative's p^γ·(−log(1 − p))
 * rises with it, both factors monotone for any γ ≥ 0. So one sort by logit
 * serves every γ, and a new γ (the reader's slider) costs one pass, no sort.
 */
export interface TermsByLoss {
  positives: GroupByLoss;
  negatives: GroupByLoss;
}

/** A group's terms in loss order, as the two γ-free parts of focal loss: q = 1 − p_t = σ(−x_t) and CE = softplus(−x_t). */
export interface GroupByLoss {
  q: Float64Array;
  ce: Float64Array;
}

function groupByLoss(logits: Float64Array, sign: 1 | -1): GroupByLoss {
  const q = new Float64Array(logits.length);
  const ce = new Float64Array(logits.length);
  for (let j = 0; j < logits.length; j++) {
    const xt = sign * logits[j]!;
    q[j] = sigmoid(-xt);
    ce[j] = softplus(-xt);
  }
  return { q, ce };
}

export function termsByLoss(terms: TrainingTerms): TermsByLoss {
  const positives = new Float64Array(terms.positives);
  const negatives = new Float64Array(terms.labels.length - terms.positives);
  let p = 0;
  let n = 0;
  for (let t = 0; t < terms.labels.length; t++) {
    if (terms.labels[t] === 1) positives[p++] = terms.logits[t]!;
    else negatives[n++] = terms.logits[t]!;
  }
  return { positives: groupByLoss(positives.sort().reverse(), 1), negatives: groupByLoss(negatives.sort(), -1) };
}

/**
 * One γ's curves from terms in loss order (termsByLoss). Each loss is
 * q^γ · CE, the loss module's focal kernel with α_t = 1 (α cancels within a
 * group), so a new γ costs one power per term.
 */
export function lossCdfsAt(sorted: TermsByLoss, gamma: number, points = 101): LossCdfs {
  const lossesOf = ({ q, ce }: GroupByLoss) => {
    const out = new Float64Array(q.length);
    for (let j = 0; j < q.length; j++) {
      const modulating = Math.pow(q[j]!, gamma);
      out[j] = modulating === 0 ? 0 : modulating * ce[j]!;
    }
    return out;
  };
  return {
    gamma,
    positives: cumulativeOfSorted(lossesOf(sorted.positives), points),
    negatives: cumulativeOfSorted(lossesOf(sorted.negatives), points),
  };
}

/**
 * The paper's Figure 4 on this image: for each γ, the focal loss of the
 * positive terms and of the negative terms, each normalised to sum to one,
 * sorted and accumulated. α_t is the same within each group, so it cancels.
 */
export function lossCdfs(terms: TrainingTerms, gammas: readonly number[] = FIGURE4_GAMMAS, points = 101): LossCdfs[] {
  const sorted = termsByLoss(terms);
  return gammas.map((gamma) => lossCdfsAt(sorted, gamma, points));
}

/** Share of the loss carried by the hardest `fraction` of the examples, read off a CDF (0 for an empty one). */
export function shareOfHardest(cdf: readonly CdfPoint[], fraction: number): number {
  if (cdf.length < 2) return 0;
  const j = Math.round((1 - fraction) * (cdf.length - 1));
  return 1 - cdf[Math.min(cdf.length - 1, Math.max(0, j))]!.cumulative;
}
