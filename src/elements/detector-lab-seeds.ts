/**
 * "Run 5 seeds": the reader's settings trained to the end on five seeds, in a
 * worker of their own, with each seed's AP as it finishes and the mean and
 * range once all are done. The build shows the default run's five seeds (from
 * the committed result file) until the reader runs their own.
 */
import type { DetectorLabState } from "../lib/state/detector-lab-state";
import type { SeedProgress } from "../lib/detector-lab/detector-protocol";
import { spreadSeeds, summariseSeeds } from "../lib/detector-lab/seed-spread";
import { seedRow, spreadSummary } from "../lib/views/detector-results-view";
import { speedText } from "./detector-lab-draw";
import { detectorWorker, type DetectorWorkerClient } from "./detector-lab-worker";
import { frameCoalescer } from "./frame";

export class SeedsPanel {
  private readonly worker: DetectorWorkerClient;
  private progress: SeedProgress | null = null;
  running = false;
  /** what data-seeds says: idle (the build's table), running, done, or stopped before the end */
  private phase: "idle" | "running" | "done" | "stopped" = "idle";
  private readonly schedule = frameCoalescer(() => this.draw());

  constructor(private readonly root: HTMLElement) {
    this.worker = detectorWorker((message) => {
      if (message.type !== "seeds" || !this.running) return;
      this.progress = message;
      if (message.current === null && message.outcomes.length === message.total) {
        this.running = false;
        this.phase = "done";
      }
      this.schedule();
    });
  }

  private get panel(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>("[data-seeds-panel]");
  }

  toggle(state: DetectorLabState) {
    if (this.running) this.cancel("Stopped. Run them again to start over.");
    else {
      this.running = true;
      this.phase = "running";
      this.progress = null;
      this.worker.send({ type: "seeds", state, seeds: spreadSeeds(state.seed) });
      this.status(`Training seed ${state.seed} and the next four…`);
    }
    this.updateButton();
  }

  private cancel(why: string) {
    this.running = false;
    this.phase = "stopped";
    this.worker.send({ type: "cancel-seeds" });
    this.status(why);
    this.updateButton();
  }

  /** The reader changed a setting: a spread of the old settings no longer answers for the new ones. */
  stale() {
    if (this.running) this.cancel("Your settings changed: run the seeds again for the new ones.");
  }

  terminate() {
    this.worker.terminate();
  }

  private status(text: string) {
    const el = this.panel?.querySelector("[data-seeds-status]");
    if (el) el.textContent = text;
  }

  private updateButton() {
    const button = this.panel?.querySelector<HTMLButtonElement>('button[data-action="seeds"]');
    if (button) {
      button.textContent = this.running ? "Stop the seeds" : "Run 5 seeds";
      button.setAttribute("aria-pressed", String(this.running));
    }
    this.panel?.setAttribute("data-seeds", this.phase);
  }

  private draw() {
    const panel = this.panel;
    const p = this.progress;
    if (!panel || !p) return;
    const body = panel.querySelector("[data-seeds-table] tbody");
    if (body) {
      body.replaceChildren(
        ...p.outcomes.map((o) => {
          const row = seedRow(o);
          const tr = document.createElement("tr");
          tr.dataset.seed = row.seed;
          const th = document.createElement("th");
          th.scope = "row";
          th.textContent = row.seed;
          tr.append(th);
          for (const v of [row.ce, row.focal, row.chance, row.verdict]) {
            const td = document.createElement("td");
            td.className = v === row.verdict ? "" : "num";
            td.textContent = v;
            tr.append(td);
          }
          return tr;
        }),
      );
    }
    const bar = panel.querySelector<HTMLProgressElement>("[data-seeds-progress]");
    const steps = p.current?.steps ?? 1;
    if (bar) {
      bar.max = p.total;
      bar.value = p.outcomes.length + (p.current ? p.current.step / steps : 0);
    }
    const speed = p.msPerStep === null ? "" : ` ${speedText(p.msPerStep)}.`;
    if (p.current) this.status(`Seed ${p.current.seed}: step ${p.current.step} of ${p.current.steps}.${speed}`);
    else if (p.outcomes.length === p.total) {
      this.status(`Your ${p.total} seeds, trained in your browser.${speed}`);
      const summary = panel.querySelector("[data-seeds-summary]");
      if (summary) summary.textContent = spreadSummary(summariseSeeds(p.outcomes));
    }
    panel.dataset.seedsDone = String(p.outcomes.length);
    this.updateButton();
  }
}
