/**
 * <imbalance-lab>: the training lab in the browser. State (data set and loss)
 * is the page's lab store, mirrored in the URL; training runs in a Web Worker so
 * the page stays responsive; snapshots from the worker are drawn at most once
 * per animation frame with the same chart functions the build used.
 */
import { LAB_STATE, sameData, type LabState } from "../lib/state/lab-state";
import { parseNumberInput, SEED_FIELD } from "../lib/state/number-input";
import { showFieldError } from "./field-errors";
import { pageStore, type Store } from "./page-store";
import type { FromWorker, ToWorker } from "../lib/lab/lab-protocol";
import type { LabSnapshot } from "../lib/lab/lab-run";
import { makeSplit } from "../lib/lab/synthetic-data";
import { formatCount } from "../lib/views/loss-budget";
import { labView } from "../lib/views/lab-view";
import { renderTrainingCurve } from "../charts/training-curve";
import { renderPrCurve } from "../charts/pr-curve";
import { renderLossCdf } from "../charts/loss-cdf";
import { renderDecisionBoundary, scatterNode } from "../charts/decision-boundary";
import type { SvgNode } from "../charts/scene";
import { choiceOf } from "../lib/lab/lab-run";

class ImbalanceLabElement extends HTMLElement {
  private store!: Store<LabState>;
  private worker: Worker | null = null;
  private running = false;
  private pending: LabSnapshot | null = null;
  private frame = 0;
  /** the data set whose points are drawn, so they are redrawn only when it changes */
  private drawnData = "";

  connectedCallback() {
    // data-state is the built run's state in the lab's own query form.
    const built = LAB_STATE.parse(this.dataset.state);
    this.store = pageStore(LAB_STATE);
    this.drawnData = dataKey(built);
    this.syncControls();
    this.addEventListener("click", this.onClick);
    this.addEventListener("input", this.onInput);
    this.addEventListener("change", this.onInput);
    // A link with its own settings replaces the build-time run at once; the default waits for the reader.
    if (!LAB_STATE.equals(this.state, built)) this.configure();
    this.dataset.ready = "true";
  }

  disconnectedCallback() {
    this.worker?.terminate();
    this.worker = null;
    cancelAnimationFrame(this.frame);
    this.removeEventListener("click", this.onClick);
    this.removeEventListener("input", this.onInput);
    this.removeEventListener("change", this.onInput);
  }

  private get state(): LabState {
    return this.store.state;
  }

  private send(message: ToWorker) {
    if (!this.worker) {
      this.worker = new Worker(new URL("../workers/trainer.worker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
      this.worker.postMessage({ type: "configure", state: this.state } satisfies ToWorker);
      if (message.type === "configure") return;
    }
    this.worker.postMessage(message);
  }

  private configure() {
    this.running = false;
    this.send({ type: "configure", state: this.state });
    this.showFreshRun();
    this.updateButtons();
  }

  /** A new run starts at step 0; say so at once rather than leave the previous run's count up. */
  private showFreshRun() {
    this.pending = null;
    const step = this.querySelector("[data-step]");
    if (step) step.textContent = "0";
    const note = this.querySelector("[data-lab-note]");
    if (note) note.textContent = "A fresh run, in your browser.";
  }

  private readonly onClick = (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    if (!button || !this.contains(button)) return;
    const action = button.dataset.action;
    if (action === "play") {
      if (this.running) {
        this.running = false;
        this.send({ type: "pause" });
      } else {
        if (!this.worker) {
          this.send({ type: "configure", state: this.state });
          this.showFreshRun();
        }
        this.running = true;
        this.send({ type: "play" });
      }
      this.updateButtons();
    } else if (action === "step") {
      if (!this.worker) {
        this.send({ type: "configure", state: this.state });
        this.showFreshRun();
      }
      this.running = false;
      this.send({ type: "step" });
      this.updateButtons();
    } else if (action === "reset") {
      this.configure();
    }
  };

  private readonly onInput = (event: Event) => {
    const t = event.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement)) return;
    const next: Partial<Record<keyof LabState, unknown>> = {};
    // Which control, from data-control: names carry the lab's id, unique on the page.
    switch (t.closest<HTMLElement>("[data-control]")?.dataset.control) {
      case "ratio":
        next.ratio = 10 ** Number(t.value);
        break;
      case "seed": {
        // As in the calculators: a message beside the field, and the last good seed keeps the run.
        const parsed = parseNumberInput(t.value, SEED_FIELD);
        showFieldError(
          t as HTMLInputElement,
          this.querySelector('[data-error="seed"]'),
          parsed.ok ? null : parsed.message,
        );
        if (!parsed.ok) return;
        next.seed = parsed.value;
        break;
      }
      case "loss":
        next.loss = t.value;
        break;
      case "gamma":
        next.gamma = Number(t.value);
        break;
      case "alpha":
        next.alpha = Number(t.value);
        break;
      case "prior":
        next.prior = (t as HTMLInputElement).checked;
        break;
      case "compare":
        next.compare = (t as HTMLInputElement).checked;
        break;
      default:
        return;
    }
    // The store coerces whatever a control reports, so the state stays valid.
    const previous = this.state;
    this.store.update(next, this);
    const state = this.state;
    if (state === previous) return;
    const dataChanged = !sameData(state, previous);
    this.syncControls();
    if (dataChanged) this.configure();
    else if (this.worker) this.send({ type: "setLoss", choice: choiceOf(state) });
    else this.configure();
  };

  /** The input or menu of one control, found by its data-control. */
  private field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement | HTMLSelectElement>(
    control: string,
  ): T | null {
    return this.querySelector<T>(`[data-control="${control}"] :is(input, select)`);
  }

  private syncControls() {
    const s = this.state;
    const set = (name: string, value: string, text?: string) => {
      const input = this.field(name);
      if (input && document.activeElement !== input) input.value = value;
      const out = this.querySelector(`[data-control="${name}"] output`);
      if (out && text !== undefined) out.textContent = text;
      if (input && text !== undefined) input.setAttribute("aria-valuetext", text);
    };
    set("ratio", String(Math.log10(s.ratio)), `1:${formatCount(s.ratio)}`);
    set("seed", String(s.seed));
    set("loss", s.loss);
    set("gamma", String(s.gamma), s.gamma.toFixed(1));
    set("alpha", String(s.alpha), s.alpha.toFixed(2));
    const prior = this.field<HTMLInputElement>("prior");
    if (prior) prior.checked = s.prior;
    const compare = this.field<HTMLInputElement>("compare");
    if (compare) compare.checked = s.compare;
    // γ only matters to focal loss and α not to plain CE: say so rather than hide the sliders.
    this.field<HTMLInputElement>("gamma")!.disabled = s.loss !== "focal";
    this.field<HTMLInputElement>("alpha")!.disabled = s.loss === "ce";
  }

  private updateButtons() {
    const play = this.querySelector<HTMLButtonElement>('button[data-action="play"]');
    if (play) {
      play.textContent = this.running ? "Pause" : "Train";
      play.setAttribute("aria-pressed", String(this.running));
    }
    this.dataset.running = String(this.running);
  }

  private receive(message: FromWorker) {
    if (message.type !== "snapshot") return;
    if (!message.running && this.running) {
      // The worker stopped by itself (step limit or divergence).
      if (message.finished) this.running = false;
      this.updateButtons();
    }
    // Metrics arrive with some snapshots only: keep the last ones rather than blank the charts.
    const previous = this.pending;
    this.pending = message.snapshot;
    if (previous && previous.step <= message.snapshot.step) {
      if (!message.snapshot.cdf && previous.cdf) this.pending.cdf = previous.cdf;
      for (const m of this.pending.models) {
        const before = previous.models.find((o) => o.id === m.id);
        if (before && m.ap === null && !m.diverged) {
          m.ap = before.ap;
          m.pr = before.pr;
        }
      }
    }
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  /**
   * Redraw from the latest snapshot, one chart per animation frame: each piece
   * is a short task, so the main thread never stays busy long enough to stall
   * scrolling or input, even on a slow phone. A newer snapshot replaces the queue.
   */
  private draw() {
    const snapshot = this.pending;
    if (!snapshot) return;
    const view = labView(snapshot);
    const chart = (name: string) => this.querySelector<SVGSVGElement>(`svg[data-chart="${name}"]`);
    // Metrics come with some snapshots only (and are carried over to the others): redraw them when new.
    const metricsChanged = snapshot.cdf !== this.drawnMetrics;
    const jobs: (() => void)[] = [
      () => {
        const step = this.querySelector("[data-step]");
        if (step) step.textContent = view.step;
        const note = this.querySelector("[data-lab-note]");
        if (note) note.textContent = this.running ? "Training in your browser…" : "Your run, trained in your browser.";
        const loss = chart("loss");
        if (loss) renderTrainingCurve(loss, view.curves);
      },
      () => {
        // The scatter is rebuilt only for a new data set; the same node otherwise, which the join skips.
        const key = dataKey(this.state);
        if (!this.points || key !== this.drawnData) {
          this.points = scatterNode(makeSplit({ seed: this.state.seed, ratio: this.state.ratio }).train);
          this.drawnData = key;
        }
      },
      () => {
        const plane = chart("plane");
        if (plane && this.points) renderDecisionBoundary(plane, this.points, view.boundaries);
      },
      () => this.renderReadouts(view),
    ];
    if (metricsChanged) {
      jobs.push(() => {
        const pr = chart("pr");
        if (pr && view.pr) renderPrCurve(pr, view.pr, snapshot.chanceAp);
      });
      if (view.cdf) {
        const cdf = view.cdf;
        jobs.push(() => {
          const el = chart("cdf-positives");
          if (el) renderLossCdf(el, cdf.positives, "positives");
        });
        jobs.push(() => {
          const el = chart("cdf-negatives");
          if (el) renderLossCdf(el, cdf.negatives, "negatives");
        });
      }
      // Marked as drawn only once every metrics chart has been: a newer snapshot may cancel the queue first.
      jobs.push(() => {
        this.drawnMetrics = snapshot.cdf;
      });
    }
    this.jobs = jobs;
    this.runJobs();
  }

  private jobs: (() => void)[] = [];
  private drawnMetrics: unknown = undefined;
  /** the scatter of the drawn data set, as a scene node */
  private points: SvgNode | null = null;

  private runJobs() {
    const job = this.jobs.shift();
    if (!job) return;
    job();
    if (this.jobs.length) this.frame = requestAnimationFrame(() => this.runJobs());
  }

  private renderReadouts(view: ReturnType<typeof labView>) {
    const box = this.querySelector("[data-readouts]");
    const chance = this.querySelector("[data-chance]");
    if (chance) chance.textContent = view.chance;
    const tbody = this.querySelector("[data-lab-table] tbody");
    if (!box || !tbody) return;
    for (const old of box.querySelectorAll(".lab-readout"))
      if (!view.readouts.some((r) => r.id === (old as HTMLElement).dataset.model)) old.remove();
    for (const old of tbody.querySelectorAll("tr"))
      if (!view.readouts.some((r) => r.id === (old as HTMLElement).dataset.model)) old.remove();
    for (const r of view.readouts) {
      let p = box.querySelector<HTMLElement>(`.lab-readout[data-model="${r.id}"]`);
      if (!p) {
        p = readoutLine(r.id);
        box.insertBefore(p, box.querySelector(".lab-chance"));
      }
      p.querySelector(".readout-label")!.textContent = r.label;
      p.querySelector("[data-ap]")!.textContent = r.ap;
      p.querySelector("[data-loss]")!.textContent = r.loss;
      let row = tbody.querySelector<HTMLElement>(`tr[data-model="${r.id}"]`);
      if (!row) {
        row = element("tr");
        row.dataset.model = r.id;
        const header = element("th");
        header.scope = "row";
        row.append(header, element("td", "num"), element("td", "num"));
        tbody.append(row);
      }
      const cells = row.querySelectorAll("th, td");
      cells[0]!.textContent = r.label;
      cells[1]!.textContent = r.ap;
      cells[2]!.textContent = r.loss;
    }
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

/** A model's read-out line, as ImbalanceLab.astro prints it: key, label, AP and loss. */
function readoutLine(model: string): HTMLElement {
  const p = element("p", `lab-readout series-${model}`);
  p.dataset.model = model;
  const key = element("span", "key");
  key.setAttribute("aria-hidden", "true");
  const value = (name: string, field: string) => {
    const span = element("span");
    const strong = element("strong");
    strong.setAttribute(field, "");
    span.append(`${name} `, strong);
    return span;
  };
  p.append(key, element("span", "readout-label"), value("AP", "data-ap"), value("loss", "data-loss"));
  return p;
}

function dataKey(s: LabState): string {
  return `${s.seed}:${s.ratio}`;
}

if (!customElements.get("imbalance-lab")) customElements.define("imbalance-lab", ImbalanceLabElement);
