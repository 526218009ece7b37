/** Messages between the lab's element (main thread) and its training worker. */
import type { LabState } from "../state/lab-state";
import type { LossChoice } from "./trainer";
import type { LabSnapshot } from "./lab-run";

export type ToWorker =
  | { type: "configure"; state: LabState }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step" }
  | { type: "setLoss"; choice: LossChoice };

export type FromWorker = { type: "snapshot"; running: boolean; snapshot: LabSnapshot; finished: boolean };
