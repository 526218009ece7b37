/**
 * The lab's side of its training worker (lazy-worker.ts). The worker (and its
 * JavaScript) starts on the first message, configured with the lab's state;
 * its snapshots come back through `receive`.
 */
import type { FromWorker, ToWorker } from "../../lib/lab/lab-protocol";
import type { LabSnapshot } from "../../lib/lab/lab-run";
import type { LabState } from "../../lib/state/lab-state";
import { lazyWorker, type WorkerClient } from "../lazy-worker";

export const trainerWorker = (
  currentState: () => LabState,
  receive: (message: FromWorker) => void,
): WorkerClient<ToWorker> =>
  lazyWorker(
    () => new Worker(new URL("../../workers/trainer.worker.ts", import.meta.url), { type: "module" }),
    receive,
    () => ({ type: "configure", state: currentState() }),
  );

/**
 * Metrics arrive with some snapshots only: a later snapshot of the same run
 * without them takes the last ones (in place) rather than blank the charts.
 */
export function carryMetrics(previous: LabSnapshot | null, next: LabSnapshot): void {
  if (!previous || previous.step > next.step) return;
  if (!next.cdf && previous.cdf) next.cdf = previous.cdf;
  for (const m of next.models) {
    const before = previous.models.find((o) => o.id === m.id);
    if (before && m.ap === null && !m.diverged) {
      m.ap = before.ap;
      m.pr = before.pr;
    }
  }
}
