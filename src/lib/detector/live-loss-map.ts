/**
 * The loss map kept up to date while the reader drags a box. Moving one box
 * changes the IoU, and so the logit and perhaps the label, of the anchors near
 * it only (a few thousand of ~100k), so each update recomputes the terms whose
 * logit or label changed, with the loss-math module's focalLossFromLogit and
 * focalLossGradLogit, and then re-adds the cached terms. The result equals
 * lossMap() on the same scores (tests/unit/lib/detector/live-loss-map.test.ts).
 */
import { focalLossFromLogit, focalLossGradLogit, type Label } from "../math/loss";
import { LABEL, type Assignment, type GroundTruth } from "./assignment";
import { lossParams, termGroup, TERM_GROUPS, type GroupShares, type LossKind, type LossMap } from "./loss-map";

/** A term's target: 0 or 1, or IGNORED for every term of an ignored anchor. */
const IGNORED = 2;

export class LiveLossMap {
  readonly kind: LossKind;
  private alpha = NaN;
  private gamma = NaN;
  private readonly classes: number;
  private readonly logits: Float64Array;
  private readonly targets: Uint8Array;
  private readonly loss: Float64Array;
  private readonly grad: Float64Array;
  /** terms recomputed by the last update (for the benchmark and the tests) */
  recomputed = 0;

  constructor(kind: LossKind, anchorCount: number, classes: number) {
    this.kind = kind;
    this.classes = classes;
    const n = anchorCount * classes;
    this.logits = new Float64Array(n).fill(NaN);
    this.targets = new Uint8Array(n).fill(255);
    this.loss = new Float64Array(n);
    this.grad = new Float64Array(n);
  }

  /** Brings the cache to the new scores and parameters; returns the map. */
  update(assignment: Assignment, objects: readonly GroundTruth[], logits: Float64Array, alpha: number, gamma: number): LossMap {
    const params = lossParams(this.kind, alpha, gamma);
    const paramsChanged = params.alpha !== lossParams(this.kind, this.alpha, this.gamma).alpha || params.gamma !== lossParams(this.kind, this.alpha, this.gamma).gamma;
    this.alpha = alpha;
    this.gamma = gamma;
    const K = this.classes;
    const anchors = assignment.label.length;
    let recomputed = 0;
    for (let i = 0; i < anchors; i++) {
      const l = assignment.label[i];
      const positiveClass = l === LABEL.foreground ? objects[assignment.object[i]!]!.classIndex : -1;
      for (let k = 0; k < K; k++) {
        const t = i * K + k;
        const target = l === LABEL.ignored ? IGNORED : k === positiveClass ? 1 : 0;
        const x = logits[t]!;
        if (!paramsChanged && target === this.targets[t] && x === this.logits[t]) continue;
        this.targets[t] = target;
        this.logits[t] = x;
        recomputed++;
        if (target === IGNORED) {
          this.loss[t] = 0;
          this.grad[t] = 0;
        } else {
          this.loss[t] = focalLossFromLogit(x, target as Label, params);
          this.grad[t] = focalLossGradLogit(x, target as Label, params);
        }
      }
    }
    this.recomputed = recomputed;
    return this.summarise(anchors, params);
  }

  private summarise(anchors: number, params: LossMap["params"]): LossMap {
    const K = this.classes;
    const zero = (): GroupShares => ({ positive: 0, easyNegative: 0, hardNegative: 0 });
    const termCounts = zero();
    const lossSum = zero();
    const gradSum = zero();
    let positives = 0;
    for (let t = 0; t < this.targets.length; t++) if (this.targets[t] === 1) positives++;
    const normaliser = Math.max(1, positives);
    const perAnchor = new Float64Array(anchors);
    let sum = 0;
    for (let t = 0; t < this.targets.length; t++) {
      const target = this.targets[t]!;
      if (target === IGNORED) continue;
      const g = termGroup(this.logits[t]!, target);
      const loss = this.loss[t]!;
      termCounts[g]++;
      lossSum[g] += loss;
      gradSum[g] += Math.abs(this.grad[t]!);
      const a = (t / K) | 0;
      perAnchor[a] = perAnchor[a]! + loss / normaliser;
      sum += loss;
    }
    const share = (parts: GroupShares): GroupShares => {
      const whole = parts.positive + parts.easyNegative + parts.hardNegative;
      const out = zero();
      if (whole > 0 && Number.isFinite(whole)) for (const k of TERM_GROUPS) out[k] = parts[k] / whole;
      return out;
    };
    return { kind: this.kind, params, total: sum / normaliser, sum, normaliser, perAnchor, termCounts, lossShare: share(lossSum), gradientShare: share(gradSum) };
  }
}
