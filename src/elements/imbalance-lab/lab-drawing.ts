/**
 * The lab's charts and read-outs, redrawn from the latest snapshot one chart
 * per animation frame: each piece is a short task, so the main thread never
 * stays busy long enough to stall scrolling or input, even on a slow phone. A
 * newer snapshot replaces the queue. The charts are the functions the build used.
 */
import type { LabSnapshot } from "../../lib/lab/lab-run";
import { makeSplit } from "../../lib/lab/synthetic-data";
import type { LabState } from "../../lib/state/lab-state";
import { labView } from "../../lib/views/lab-view";
import { renderDecisionBoundary, scatterNode } from "../../charts/decision-boundary";
import { renderLossCdf } from "../../charts/loss-cdf";
import { renderPrCurve } from "../../charts/pr-curve";
import type { SvgNode } from "../../charts/scene";
import { renderTrainingCurve } from "../../charts/training-curve";
import { frameCoalescer } from "../frame";
import { renderReadouts } from "./readouts";

/** What the drawing reads from the lab when it draws. */
export interface LabNow {
  state: LabState;
  running: boolean;
}

export class LabDrawing {
  private snapshot: LabSnapshot | null = null;
  /** a snapshot came in since the queue was planned */
  private fresh = false;
  private jobs: (() => void)[] = [];
  private drawnMetrics: unknown = undefined;
  /** the scatter of the drawn data set, as a scene node, rebuilt only when the data set changes */
  private points: SvgNode | null = null;
  private drawnData = "";
  /** one job per animation frame */
  private readonly tick = frameCoalescer(() => this.next());

  constructor(
    private readonly root: HTMLElement,
    private readonly now: () => LabNow,
  ) {}

  /** Draws `snapshot` from the next frame on, in place of whatever was queued. */
  show(snapshot: LabSnapshot): void {
    this.snapshot = snapshot;
    this.fresh = true;
    this.tick();
  }

  /** A fresh run: a snapshot not yet drawn is dropped. */
  forget(): void {
    this.snapshot = null;
  }

  /** The element left the page: nothing more is drawn. */
  stop(): void {
    this.snapshot = null;
    this.fresh = false;
    this.jobs = [];
  }

  private next(): void {
    if (this.fresh) {
      this.fresh = false;
      this.jobs = this.snapshot ? this.plan(this.snapshot) : [];
    }
    this.jobs.shift()?.();
    if (this.jobs.length) this.tick();
  }

  private chart(name: string): SVGSVGElement | null {
    return this.root.querySelector<SVGSVGElement>(`svg[data-chart="${name}"]`);
  }

  private plan(snapshot: LabSnapshot): (() => void)[] {
    const view = labView(snapshot);
    // Metrics come with some snapshots only (and are carried over to the others): redraw them when new.
    const metricsChanged = snapshot.cdf !== this.drawnMetrics;
    const jobs: (() => void)[] = [
      () => {
        const step = this.root.querySelector("[data-step]");
        if (step) step.textContent = view.step;
        const note = this.root.querySelector("[data-lab-note]");
        if (note)
          note.textContent = this.now().running ? "Training in your browser…" : "Your run, trained in your browser.";
        const loss = this.chart("loss");
        if (loss) renderTrainingCurve(loss, view.curves);
      },
      () => {
        // The same node for the same data set, which the join skips.
        const { seed, ratio } = this.now().state;
        const key = `${seed}:${ratio}`;
        if (!this.points || key !== this.drawnData) {
          this.points = scatterNode(makeSplit({ seed, ratio }).train);
          this.drawnData = key;
        }
      },
      () => {
        const plane = this.chart("plane");
        if (plane && this.points) renderDecisionBoundary(plane, this.points, view.boundaries);
      },
      () => renderReadouts(this.root, view),
    ];
    if (metricsChanged) {
      jobs.push(() => {
        const pr = this.chart("pr");
        if (pr && view.pr) renderPrCurve(pr, view.pr, snapshot.chanceAp);
      });
      if (view.cdf) {
        const cdf = view.cdf;
        jobs.push(() => {
          const el = this.chart("cdf-positives");
          if (el) renderLossCdf(el, cdf.positives, "positives");
        });
        jobs.push(() => {
          const el = this.chart("cdf-negatives");
          if (el) renderLossCdf(el, cdf.negatives, "negatives");
        });
      }
      // Marked as drawn only once every metrics chart has been: a newer snapshot may replace the queue first.
      jobs.push(() => {
        this.drawnMetrics = snapshot.cdf;
      });
    }
    return jobs;
  }
}
