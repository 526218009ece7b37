/**
 * The numbers the lab chapter states in its prose, computed here so that no
 * number is typed by hand: the prior bias, the first training step with and
 * without it, and the CE-versus-FL training comparison on a seeded data set.
 * The training runs are memoised: the build computes each once.
 */
import { priorBias, type FocalParams } from "./loss";
import { BUDGET_PRESETS, budgetOfPredictions, firstStepLoss, RETINANET_PRIOR, type FirstStepLoss } from "./loss-budget";
import { makeSplit, type SplitDataSet } from "./synthetic-data";
import { DEFAULT_TRAIN_SETTINGS, initialModel, logitsOf, train, type LossChoice } from "./trainer";
import { averagePrecision } from "./metrics";

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
    { loss: "ce", withoutPrior: firstStepLoss(locations, objects, 0, LAB_CE), withPrior: firstStepLoss(locations, objects, b, LAB_CE) },
    { loss: "focal", withoutPrior: firstStepLoss(locations, objects, 0, LAB_FOCAL), withPrior: firstStepLoss(locations, objects, b, LAB_FOCAL) },
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

function run(split: SplitDataSet, choice: LossChoice): ComparisonRun {
  const t = train(split.train, { ...DEFAULT_TRAIN_SETTINGS, ...choice, seed: COMPARISON.seed }, COMPARISON.steps);
  return {
    choice,
    ap: averagePrecision(logitsOf(t.model, split.test), split.test.labels),
    firstLoss: t.lossHistory[0]!,
    lastLoss: t.lossHistory.at(-1)!,
    diverged: t.diverged,
  };
}

/** CE and FL trained on the same seeded 1:1000 set for the same number of steps. */
export function comparison(): Comparison {
  if (cached) return cached;
  const split = makeSplit({ seed: COMPARISON.seed, ratio: COMPARISON.ratio });
  const init = initialModel({ ...DEFAULT_TRAIN_SETTINGS, seed: COMPARISON.seed });
  const logits = logitsOf(init, split.train);
  cached = {
    split,
    ce: run(split, { kind: "ce", gamma: 0, alpha: LAB_FOCAL.alpha }),
    focal: run(split, { kind: "focal", gamma: LAB_FOCAL.gamma, alpha: LAB_FOCAL.alpha }),
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
