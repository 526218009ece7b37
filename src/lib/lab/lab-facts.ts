/**
 * The numbers the lab chapter states in its prose, computed here so that no
 * number is typed by hand: the prior bias, the first training step with and
 * without it, and the CE-versus-FL training comparison on a seeded data set.
 * The training runs are memoised: the build computes each once.
 */
import { focalLossFromLogit, priorBias, type FocalParams } from "../math/loss";
import {
  BUDGET_PRESETS,
  budgetOfPredictions,
  firstStepLoss,
  RETINANET_PRIOR,
  type FirstStepLoss,
} from "../views/loss-budget";
import type { SplitDataSet } from "./synthetic-data";
import { DEFAULT_TRAIN_SETTINGS, initialModel, logitsOf, type LossChoice } from "./trainer";
import { LabRun, type ModelId } from "./lab-run";
import { DEFAULT_LAB_STATE } from "../state/lab-state";
import { averagePrecision } from "../math/metrics";

export const LAB_FOCAL: FocalParams & { alpha: number } = { alpha: 0.25, gamma: 2 };
export const LAB_CE: FocalParams = { alpha: null, gamma: 0 };

/** The image the first-step comparison uses: the loss budget's prior scenario. */
export const LAB_IMAGE = BUDGET_PRESETS[0]!.inputs;

export interface FirstStepRow {
  loss: "ce" | "focal";
  withoutPrior: FirstStepLoss;
  withPrior: FirstStepLoss;
}

export function firstStepRows(): FirstStepRow[] {
  const b = priorBias(RETINANET_PRIOR);
  const { locations, objects } = LAB_IMAGE;
  return [
    {
      loss: "ce",
      withoutPrior: firstStepLoss(locations, objects, 0, LAB_CE),
      withPrior: firstStepLoss(locations, objects, b, LAB_CE),
    },
    {
      loss: "focal",
      withoutPrior: firstStepLoss(locations, objects, 0, LAB_FOCAL),
      withPrior: firstStepLoss(locations, objects, b, LAB_FOCAL),
    },
  ];
}

/** The seeded set the chapter's comparison trains on, and for how long. */
export const COMPARISON = { seed: 1, ratio: 1000, steps: 300 } as const;

export interface ComparisonRun {
  choice: LossChoice;
  ap: number;
  firstLoss: number;
  lastLoss: number;
  diverged: boolean;
}

export interface Comparison {
  split: SplitDataSet;
  ce: ComparisonRun;
  focal: ComparisonRun;
  /** AP of a ranking that knows nothing: the share of positives in the held-out set */
  chanceAp: number;
  /** easy negatives' share of the loss on the training set at the prior initialisation */
  easyShareAtInit: { ce: number; focal: number };
}

let cached: Comparison | undefined;

function runOf(lab: LabRun, id: ModelId): ComparisonRun {
  const t = lab.trainer(id)!;
  return {
    choice: { kind: t.settings.kind, gamma: t.settings.gamma, alpha: t.settings.alpha },
    ap: averagePrecision(logitsOf(t.model, lab.split.test), lab.split.test.labels),
    firstLoss: t.lossHistory[0]!,
    lastLoss: t.lossHistory.at(-1)!,
    diverged: t.diverged,
  };
}

/** The lab's default run (the reader's FL beside CE on the same seeded 1:1000 set), trained for the stated steps. */
export function defaultLabRun(): LabRun {
  if (cachedRun) return cachedRun;
  cachedRun = new LabRun({
    ...DEFAULT_LAB_STATE,
    seed: COMPARISON.seed,
    ratio: COMPARISON.ratio,
    loss: "focal",
    ...LAB_FOCAL,
    compare: true,
  });
  cachedRun.step(COMPARISON.steps);
  return cachedRun;
}
let cachedRun: LabRun | undefined;

/** CE and FL trained on the same seeded 1:1000 set for the same number of steps. */
export function comparison(): Comparison {
  if (cached) return cached;
  const lab = defaultLabRun();
  const split = lab.split;
  const init = initialModel({ ...DEFAULT_TRAIN_SETTINGS, seed: COMPARISON.seed });
  const logits = logitsOf(init, split.train);
  cached = {
    split,
    ce: runOf(lab, "ce"),
    focal: runOf(lab, "yours"),
    chanceAp: split.test.positives / split.test.labels.length,
    easyShareAtInit: {
      ce: budgetOfPredictions(logits, split.train.labels, "ce", LAB_CE).parts.easyNegatives.share,
      focal: budgetOfPredictions(logits, split.train.labels, "focal", LAB_FOCAL).parts.easyNegatives.share,
    },
  };
  return cached;
}

/**
 * How two average precisions compare, in words: differences under `tie`
 * (in AP units) are called a tie, since one seed cannot resolve them.
 */
export function compareAp(focal: number, ce: number, tie = 0.01): "higher than" | "lower than" | "about the same as" {
  if (Math.abs(focal - ce) < tie) return "about the same as";
  return focal > ce ? "higher than" : "lower than";
}

/**
 * Share of the negatives' loss carried by their hardest `topFraction`, under
 * FL(γ) (α off: it is constant within a class), for the default run's focal
 * model on the held-out set: the number behind the chapter's reading of the
 * loss-distribution chart.
 */
export function hardestNegativesShare(gamma: number, topFraction: number): number {
  const lab = defaultLabRun();
  const test = lab.split.test;
  const logits = logitsOf(lab.trainer("yours")!.model, test);
  const losses: number[] = [];
  for (let i = 0; i < logits.length; i++)
    if (test.labels[i] === 0) losses.push(focalLossFromLogit(logits[i]!, 0, { alpha: null, gamma }));
  losses.sort((a, b) => b - a);
  const k = Math.max(1, Math.round(losses.length * topFraction));
  let top = 0;
  let total = 0;
  losses.forEach((l, i) => {
    total += l;
    if (i < k) top += l;
  });
  return total > 0 ? top / total : 0;
}
