/**
 * The reader's last trained lab run in this browser's localStorage: written by
 * the detector lab when a run stops (paused, stepped or finished), read by
 * chapter 6's loss map. Storage can be full, disabled or blocked (a private
 * window, a sandboxed embed): then nothing is stored and the map says so.
 */
import type { DetectorSnapshot } from "../lib/detector-lab/detector-session";
import { encodeTrainedRun, runFromSnapshot, TRAINED_RUN_KEY } from "../lib/detector-lab/trained-logits-store";
import type { DetectorLabState } from "../lib/state/detector-lab-state";

export function saveTrainedRun(state: DetectorLabState, snapshot: DetectorSnapshot): boolean {
  try {
    localStorage.setItem(TRAINED_RUN_KEY, encodeTrainedRun(runFromSnapshot(state, snapshot, Date.now())));
    return true;
  } catch {
    return false;
  }
}

/** The stored text, or null when there is none or storage cannot be read. */
export function readTrainedRun(): string | null {
  try {
    return localStorage.getItem(TRAINED_RUN_KEY);
  } catch {
    return null;
  }
}
