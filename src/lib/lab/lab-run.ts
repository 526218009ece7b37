/**
 * One run of the training lab: the seeded data set, the reader's model and
 * (side by side) a cross-entropy model on the same data from the same start,
 * and the snapshots the charts draw. Pure: the Web Worker drives it in the
 * browser, and the build drives it to render the default state.
 */
import { focalLossFromLogit, type Label } from "../math/loss";
import { makeSplit, type DataSet, type SplitDataSet } from "./synthetic-data";
import {
  createTrainer,
  DEFAULT_TRAIN_SETTINGS,
  logitsOf,
  type LossChoice,
  type ModelState,
  type Trainer,
} from "./trainer";
import {
  averagePrecision,
  cumulativeLossDistribution,
  precisionRecallCurve,
  type CdfPoint,
  type PrPoint,
} from "../math/metrics";
import type { LabState } from "../state/lab-state";

export type ModelId = "yours" | "ce";

/** Training stops here by itself: past this point nothing on the charts changes visibly. */
export const MAX_STEPS = 2000;

/** The γ values of the loss-distribution chart (the paper's Figure 4 uses these). */
export const CDF_GAMMAS = [0, 0.5, 1, 2] as const;

export interface ModelSnapshot {
  id: ModelId;
  choice: LossChoice;
  model: ModelState;
  steps: number;
  /** [step, loss] pairs, thinned to at most HISTORY_POINTS */
  history: [number, number][];
  diverged: boolean;
  /** held-out average precision, when metrics were computed */
  ap: number | null;
  pr: PrPoint[] | null;
}

export interface CdfCurves {
  gamma: number;
  positives: CdfPoint[];
  negatives: CdfPoint[];
}

export interface LabSnapshot {
  step: number;
  models: ModelSnapshot[];
  /** loss distributions of the reader's model on the held-out set, when metrics were computed */
  cdf: CdfCurves[] | null;
  /** share of positives in the held-out set: the AP of a ranking that knows nothing */
  chanceAp: number;
}

export const HISTORY_POINTS = 300;

/** Every k-th point so that at most `max` remain, always keeping the last. */
export function thinHistory(losses: readonly number[], max = HISTORY_POINTS): [number, number][] {
  const n = losses.length;
  const stride = Math.max(1, Math.ceil(n / max));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += stride) out.push([i, losses[i]!]);
  if (n > 0 && out[out.length - 1]![0] !== n - 1) out.push([n - 1, losses[n - 1]!]);
  return out;
}

export function choiceOf(state: LabState): LossChoice {
  return { kind: state.loss, gamma: state.gamma, alpha: state.alpha };
}

/** Loss of each held-out example under FL(γ) with α off (α_t is constant within a class, so it cancels). */
function cdfCurves(logits: Float64Array, labels: Uint8Array, points: number): CdfCurves[] {
  return CDF_GAMMAS.map((gamma) => {
    const pos: number[] = [];
    const neg: number[] = [];
    for (let i = 0; i < logits.length; i++) {
      const y = labels[i] as Label;
      (y === 1 ? pos : neg).push(focalLossFromLogit(logits[i]!, y, { alpha: null, gamma }));
    }
    return {
      gamma,
      positives: cumulativeLossDistribution(pos, points),
      negatives: cumulativeLossDistribution(neg, points),
    };
  });
}

export class LabRun {
  readonly split: SplitDataSet;
  private trainers = new Map<ModelId, Trainer>();

  constructor(readonly state: LabState) {
    this.split = makeSplit({ seed: state.seed, ratio: state.ratio });
    const base = { ...DEFAULT_TRAIN_SETTINGS, priorInit: state.prior, seed: state.seed };
    this.trainers.set("yours", createTrainer(this.split.train, { ...base, ...choiceOf(state) }));
    if (state.compare)
      this.trainers.set("ce", createTrainer(this.split.train, { ...base, kind: "ce", gamma: 0, alpha: state.alpha }));
  }

  get steps(): number {
    return this.trainers.get("yours")!.steps;
  }

  get finished(): boolean {
    return this.steps >= MAX_STEPS || [...this.trainers.values()].every((t) => t.diverged);
  }

  /** Take up to n steps with every model (fewer at the step limit). */
  step(n = 1): void {
    for (let k = 0; k < n && this.steps < MAX_STEPS; k++) for (const t of this.trainers.values()) t.step();
  }

  /** Change the reader's loss from the next step on, keeping the weights learnt so far. */
  setLoss(choice: LossChoice): void {
    this.trainers.get("yours")!.setLoss(choice);
  }

  trainer(id: ModelId): Trainer | undefined {
    return this.trainers.get(id);
  }

  /** What the charts need; metrics (AP, PR, loss distributions) cost a sort of the held-out set, so they are optional. */
  snapshot(withMetrics: boolean, cdfPoints = 51): LabSnapshot {
    const test: DataSet = this.split.test;
    let cdf: CdfCurves[] | null = null;
    const models = [...this.trainers.entries()].map(([id, t]): ModelSnapshot => {
      let ap: number | null = null;
      let pr: PrPoint[] | null = null;
      if (withMetrics && !t.diverged) {
        const logits = logitsOf(t.model, test);
        ap = averagePrecision(logits, test.labels);
        pr = precisionRecallCurve(logits, test.labels);
        if (id === "yours") cdf = cdfCurves(logits, test.labels, cdfPoints);
      }
      return {
        id,
        choice: { kind: t.settings.kind, gamma: t.settings.gamma, alpha: t.settings.alpha },
        model: { weights: [...t.model.weights], bias: t.model.bias },
        steps: t.steps,
        history: thinHistory(t.lossHistory),
        diverged: t.diverged,
        ap,
        pr,
      };
    });
    return { step: this.steps, models, cdf, chanceAp: test.positives / test.labels.length };
  }
}
