/**
 * The loss map kept up to date while the reader drags a box. Moving a box
 * changes the IoU, and so the logit and perhaps the label, only of anchors
 * near it before or after the move (the live assignment's `changed` list, a
 * few thousand of ~100k), so an update recomputes just those anchors' terms
 * with the loss-math module's focalLossAndGradLogit and
 * adjusts running sums. A change of α or γ and the first update recompute
 * everything; every hundredth update adds the stored terms up afresh, so
 * rounding in the running sums cannot pile up (cheap: no loss is recomputed).
 * The result equals lossMap() on the same scores
 * (tests/unit/lib/detector/live-loss-map.test.ts).
 */
import { focalLossAndGradLogit, type FocalParams, type Label } from "../math/loss";
import { LABEL, type Assignment, type GroundTruth } from "./assignment";
import {
  lossParams,
  termGroup,
  TERM_GROUPS,
  type GroupShares,
  type LossKind,
  type LossMap,
  type TermGroup,
} from "./loss-map";

/** A term's target: 0 or 1, or IGNORED for every term of an ignored anchor. */
const IGNORED = 2;
const UNSET = 255;
const GROUP_INDEX: Record<TermGroup, number> = { positive: 0, easyNegative: 1, hardNegative: 2 };
const RESUM_EVERY = 100;

export class LiveLossMap {
  readonly kind: LossKind;
  private params: FocalParams | null = null;
  private readonly classes: number;
  private readonly logits: Float64Array;
  private readonly targets: Uint8Array;
  private readonly loss: Float64Array;
  private readonly absGrad: Float64Array;
  /** group of each term (index into GROUP_INDEX), 255 for an ignored one */
  private readonly group: Uint8Array;
  private readonly anchorLoss: Float64Array;
  private counts = [0, 0, 0];
  private lossSum = [0, 0, 0];
  private gradSum = [0, 0, 0];
  private positives = 0;
  private sinceResum = 0;
  /** terms recomputed by the last update (for the benchmark and the tests) */
  recomputed = 0;

  constructor(kind: LossKind, anchorCount: number, classes: number) {
    this.kind = kind;
    this.classes = classes;
    const n = anchorCount * classes;
    this.logits = new Float64Array(n);
    this.targets = new Uint8Array(n).fill(UNSET);
    this.loss = new Float64Array(n);
    this.absGrad = new Float64Array(n);
    this.group = new Uint8Array(n).fill(UNSET);
    this.anchorLoss = new Float64Array(anchorCount);
  }

  /**
   * Brings the cache to the new scores and parameters; returns the map (its
   * arrays are reused by the next update). `changed` lists every anchor whose
   * label or logits may differ since the last update; null: any anchor may
   * (each is checked, and only the ones that did change are recomputed).
   */
  update(
    assignment: Assignment,
    objects: readonly GroundTruth[],
    logits: Float64Array,
    alpha: number,
    gamma: number,
    changed: ArrayLike<number> | null = null,
  ): LossMap {
    const params = lossParams(this.kind, alpha, gamma);
    const full = this.params === null || params.alpha !== this.params.alpha || params.gamma !== this.params.gamma;
    this.params = params;
    this.recomputed = 0;
    if (full) {
      this.sinceResum = 0;
      this.targets.fill(UNSET);
      this.group.fill(UNSET);
      this.anchorLoss.fill(0);
      this.counts = [0, 0, 0];
      this.lossSum = [0, 0, 0];
      this.gradSum = [0, 0, 0];
      this.positives = 0;
      for (let i = 0; i < assignment.label.length; i++) this.refreshAnchor(i, assignment, objects, logits, params);
    } else if (changed === null) {
      for (let i = 0; i < assignment.label.length; i++) this.refreshAnchor(i, assignment, objects, logits, params);
    } else {
      for (let j = 0; j < changed.length; j++) this.refreshAnchor(changed[j]!, assignment, objects, logits, params);
    }
    if (!full && ++this.sinceResum >= RESUM_EVERY) this.resum();
    return this.summary(params);
  }

  /** The running sums added up afresh from the stored terms, in term order, as a full update adds them. */
  private resum(): void {
    this.sinceResum = 0;
    this.counts = [0, 0, 0];
    this.lossSum = [0, 0, 0];
    this.gradSum = [0, 0, 0];
    for (let t = 0; t < this.group.length; t++) {
      const g = this.group[t]!;
      if (g === UNSET) continue;
      this.counts[g]!++;
      this.lossSum[g]! += this.loss[t]!;
      this.gradSum[g]! += this.absGrad[t]!;
    }
  }

  private refreshAnchor(
    i: number,
    assignment: Assignment,
    objects: readonly GroundTruth[],
    logits: Float64Array,
    params: FocalParams,
  ): void {
    const K = this.classes;
    const l = assignment.label[i];
    const positiveClass = l === LABEL.foreground ? objects[assignment.object[i]!]!.classIndex : -1;
    for (let k = 0; k < K; k++) {
      const t = i * K + k;
      const target = l === LABEL.ignored ? IGNORED : k === positiveClass ? 1 : 0;
      const x = logits[t]!;
      if (target === this.targets[t] && x === this.logits[t]) continue;
      this.recomputed++;
      // Take the old term out of the running sums…
      const old = this.group[t]!;
      if (old !== UNSET) {
        this.counts[old]!--;
        this.lossSum[old]! -= this.loss[t]!;
        this.gradSum[old]! -= this.absGrad[t]!;
        if (this.targets[t] === 1) this.positives--;
      }
      this.targets[t] = target;
      this.logits[t] = x;
      if (target === IGNORED) {
        this.group[t] = UNSET;
        this.loss[t] = 0;
        this.absGrad[t] = 0;
        continue;
      }
      // …and the new one in.
      const both = focalLossAndGradLogit(x, target as Label, params);
      const loss = both.loss;
      const grad = Math.abs(both.grad);
      const g = GROUP_INDEX[termGroup(x, target)];
      this.group[t] = g;
      this.loss[t] = loss;
      this.absGrad[t] = grad;
      this.counts[g]!++;
      this.lossSum[g]! += loss;
      this.gradSum[g]! += grad;
      if (target === 1) this.positives++;
    }
    // The anchor's loss added up afresh from its K terms (0 for an ignored one), not adjusted: no residue can build up.
    let anchorLoss = 0;
    for (let t = i * K; t < (i + 1) * K; t++) anchorLoss += this.loss[t]!;
    this.anchorLoss[i] = anchorLoss;
  }

  private summary(params: FocalParams): LossMap {
    const normaliser = Math.max(1, this.positives);
    const shares = (parts: number[]): GroupShares => {
      const whole = parts[0]! + parts[1]! + parts[2]!;
      const out: GroupShares = { positive: 0, easyNegative: 0, hardNegative: 0 };
      if (whole > 0 && Number.isFinite(whole))
        for (const k of TERM_GROUPS) out[k] = Math.max(0, parts[GROUP_INDEX[k]]! / whole);
      return out;
    };
    const sum = this.lossSum[0]! + this.lossSum[1]! + this.lossSum[2]!;
    const termCounts: GroupShares = {
      positive: this.counts[0]!,
      easyNegative: this.counts[1]!,
      hardNegative: this.counts[2]!,
    };
    return {
      kind: this.kind,
      params,
      total: sum / normaliser,
      sum,
      normaliser,
      perAnchor: this.anchorLoss,
      termCounts,
      lossShare: shares(this.lossSum),
      gradientShare: shares(this.gradSum),
    };
  }
}
