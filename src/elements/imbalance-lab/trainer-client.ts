/**
 * The lab's side of its training worker. The worker (and its JavaScript)
 * starts on the first message, configured with the lab's state; its snapshots
 * come back through `onMessage`.
 */
import type { FromWorker, ToWorker } from "../../lib/lab/lab-protocol";
import type { LabSnapshot } from "../../lib/lab/lab-run";
import type { LabState } from "../../lib/state/lab-state";

export class TrainerClient {
  private worker: Worker | null = null;

  constructor(
    private readonly currentState: () => LabState,
    private readonly onMessage: (message: FromWorker) => void,
  ) {}

  get started(): boolean {
    return this.worker !== null;
  }

  send(message: ToWorker): void {
    if (!this.worker) {
      this.worker = new Worker(new URL("../../workers/trainer.worker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.onMessage(e.data);
      this.worker.postMessage({ type: "configure", state: this.currentState() } satisfies ToWorker);
      if (message.type === "configure") return;
    }
    this.worker.postMessage(message);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

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
