/**
 * The training lab's state table: which data set (seed, imbalance), which
 * loss, and whether cross-entropy trains alongside. It lives in the URL so a
 * link reproduces a run. Its parameters are `lab.`-prefixed, so the lab can
 * never read the figures' `gamma` on a page that has both.
 */
import { RATIO_LIMITS } from "../lab/synthetic-data";
import type { LossKind } from "../views/loss-budget";
import { ALPHA_COARSE, GAMMA, SEED } from "./ranges";
import { booleanField, defineState, enumField, numberField, type StateOf } from "./state";

/** Negatives per positive, 10 to 1000, rounded to a whole number (a link may say 55.5). */
export const RATIO = { ...RATIO_LIMITS, step: 1 } as const;

export const LAB_STATE = defineState(
  {
    seed: numberField("seed", SEED, { defaultValue: 1 }),
    ratio: numberField("ratio", RATIO, { defaultValue: 1000 }),
    /** the loss of the reader's model */
    loss: enumField("loss", ["focal", "balanced", "ce"] as const satisfies readonly LossKind[], "focal"),
    gamma: numberField("gamma", GAMMA, { defaultValue: 2 }),
    alpha: numberField("alpha", ALPHA_COARSE, { defaultValue: 0.25 }),
    /** start the bias at the prior π = 0.01 (RetinaNet) rather than at 0 */
    prior: booleanField("prior", true),
    /** train a cross-entropy model on the same data, side by side */
    compare: booleanField("compare", true),
  },
  { prefix: "lab." },
);

export type LabState = StateOf<typeof LAB_STATE.fields>;

export const DEFAULT_LAB_STATE: LabState = LAB_STATE.defaults;

/** Same data set and same starting point: the runs are comparable without a reset. */
export function sameData(a: LabState, b: LabState): boolean {
  return a.seed === b.seed && a.ratio === b.ratio && a.prior === b.prior && a.compare === b.compare;
}
