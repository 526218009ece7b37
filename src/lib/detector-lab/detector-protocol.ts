/**
 * Messages between the detector lab's element (main thread) and its workers.
 * One worker script, two instances: one trains the reader's run (configure,
 * play, pause, step, and scoring the reader's new scenes with it); the other
 * runs the five-seed spread, so the spread never stops or slows the reader's run
 * more than sharing the CPU does.
 */
import type { DetectorLabState } from "../state/detector-lab-state";
import type { Detection, SceneScores } from "./detections";
import type { DetectorSnapshot } from "./detector-session";
import type { SeedOutcome } from "./seed-spread";

export type ToDetectorWorker =
  | { type: "configure"; state: DetectorLabState }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step" }
  /** score the reader's k-th new scene (newScene(seed, k)) with both models as they are now */
  | { type: "score"; scene: number }
  | { type: "seeds"; state: DetectorLabState; seeds: number[] }
  | { type: "cancel-seeds" };

export interface ScoredScene {
  type: "scored";
  scene: number;
  step: number;
  ce: { detections: Detection[]; scores: SceneScores };
  focal: { detections: Detection[]; scores: SceneScores };
}

export interface SeedProgress {
  type: "seeds";
  outcomes: SeedOutcome[];
  total: number;
  /** the seed being trained and how far it has got; null once all are done */
  current: { seed: number; step: number; steps: number } | null;
  msPerStep: number | null;
}

export type FromDetectorWorker =
  | { type: "snapshot"; running: boolean; snapshot: DetectorSnapshot; msPerStep: number | null }
  | ScoredScene
  | SeedProgress;
