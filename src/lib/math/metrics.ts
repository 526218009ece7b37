/**
 * How good a detector's scores are, and where its loss comes from: average
 * precision and the precision–recall curve on held-out points, and the
 * cumulative distribution of the normalised loss (the idea of the paper's Figure 4).
 */

export interface PrPoint {
  recall: number;
  precision: number;
}

interface Ranked {
  /** precision and recall after each group of tied scores that contains a positive */
  steps: PrPoint[];
  positives: number;
}

/** Walk the examples from the highest score down, one group of tied scores at a time. */
function rank(scores: ArrayLike<number>, labels: ArrayLike<number>): Ranked {
  if (scores.length !== labels.length) throw new RangeError("scores and labels must have the same length");
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  const steps: PrPoint[] = [];
  let tp = 0;
  let seen = 0;
  for (let k = 0; k < order.length;) {
    const score = scores[order[k]!]!;
    let groupTp = 0;
    // Tied scores share one threshold: they enter the ranking together.
    while (k < order.length && scores[order[k]!]! === score) {
      groupTp += labels[order[k]!] === 1 ? 1 : 0;
      seen += 1;
      k += 1;
    }
    tp += groupTp;
    if (groupTp > 0) steps.push({ recall: tp / positives, precision: tp / seen });
  }
  return { steps, positives };
}

/**
 * Average precision as Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the thresholds, without
 * interpolation (what scikit-learn's average_precision_score computes).
 * Scores must not be NaN. Returns 0 when there is no positive.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const { steps, positives } = rank(scores, labels);
  if (positives === 0) return 0;
  let ap = 0;
  let previousRecall = 0;
  for (const s of steps) {
    ap += (s.recall - previousRecall) * s.precision;
    previousRecall = s.recall;
  }
  return ap;
}

/** The precision–recall points where recall grows (one per positive, or per tied group). */
export function precisionRecallCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): PrPoint[] {
  return rank(scores, labels).steps;
}

export interface CdfPoint {
  /** fraction of the examples, sorted from the smallest loss up */
  fraction: number;
  /** share of the total loss those examples carry */
  cumulative: number;
}

/**
 * The cumulative normalised loss: sort the losses from low to high and add
 * them up as a share of the total, sampled at `points` evenly spaced fractions.
 * A curve that hugs 0 and jumps at the end says a few examples carry the loss.
 * Empty when the total is 0 or not finite (there is no distribution to show).
 */
export function cumulativeLossDistribution(losses: ArrayLike<number>, points = 101): CdfPoint[] {
  const n = losses.length;
  if (n === 0 || !Number.isInteger(points) || points < 2) return [];
  return cumulativeOfSorted(Float64Array.from(losses).sort(), points);
}

/** cumulativeLossDistribution of losses already in ascending order (a caller that knows the order skips the sort). */
export function cumulativeOfSorted(sorted: ArrayLike<number>, points = 101): CdfPoint[] {
  const n = sorted.length;
  if (n === 0 || !Number.isInteger(points) || points < 2) return [];
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + sorted[i]!;
  const total = cumulative[n]!;
  if (!(total > 0) || !Number.isFinite(total)) return [];
  const out: CdfPoint[] = [];
  for (let j = 0; j < points; j++) {
    const fraction = j / (points - 1);
    const k = Math.round(fraction * n);
    out.push({ fraction, cumulative: cumulative[k]! / total });
  }
  return out;
}
