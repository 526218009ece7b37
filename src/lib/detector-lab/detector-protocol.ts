/** Messages between the detector lab's element (main thread) and its training worker. */
import type { DetectorLabState } from "../state/detector-lab-state";
import type { DetectorSnapshot } from "./detector-session";

export type ToDetectorWorker =
  { type: "configure"; state: DetectorLabState } | { type: "play" } | { type: "pause" } | { type: "step" };

export type FromDetectorWorker = {
  type: "snapshot";
  running: boolean;
  snapshot: DetectorSnapshot;
  msPerStep: number | null;
};
