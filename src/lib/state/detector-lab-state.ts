/**
 * The detector lab's state: which run (seed), the focal model's γ and α,
 * whether the head's bias starts at the prior π = 0.01 (§4.1 of the paper) or
 * at 0, and how many steps to train. In the URL under `det.`, so a link
 * reproduces a run and can never collide with the figures' or the point lab's γ.
 */
import { ALPHA_COARSE, GAMMA, SEED } from "./ranges";
import { booleanField, defineState, enumField, numberField, type StateOf } from "./state";

export const DETECTOR_STEPS = [100, 200, 400, 800] as const;
/** The default is what the build trains (about 20 s of the build), so the page shows a finished run. */

export const DETECTOR_LAB_STATE = defineState(
  {
    seed: numberField("seed", SEED, { defaultValue: 1 }),
    gamma: numberField("gamma", GAMMA, { defaultValue: 2 }),
    alpha: numberField("alpha", ALPHA_COARSE, { defaultValue: 0.25 }),
    prior: booleanField("prior", true),
    steps: enumField("steps", DETECTOR_STEPS, 200),
  },
  { prefix: "det." },
);

export type DetectorLabState = StateOf<typeof DETECTOR_LAB_STATE.fields>;
