/**
 * <imbalance-lab>: the training lab in the browser. State (data set and loss)
 * is the page's lab store, mirrored in the URL; training runs in a Web Worker so
 * the page stays responsive (imbalance-lab/trainer-client.ts); snapshots from
 * the worker are drawn at most once per animation frame with the same chart
 * functions the build used (imbalance-lab/lab-drawing.ts).
 */
import { LAB_STATE, sameData, type LabState } from "../lib/state/lab-state";
import type { FromWorker } from "../lib/lab/lab-protocol";
import { choiceOf, type LabSnapshot } from "../lib/lab/lab-run";
import { defineElement } from "./define-element";
import { pageStore, type Store } from "./page-store";
import { controlChange, showRunning, syncControls } from "./imbalance-lab/lab-controls";
import { LabDrawing } from "./imbalance-lab/lab-drawing";
import { carryMetrics, trainerWorker } from "./imbalance-lab/trainer-client";

class ImbalanceLabElement extends HTMLElement {
  private store!: Store<LabState>;
  private readonly trainer = trainerWorker(
    () => this.state,
    (message) => this.receive(message),
  );
  private readonly drawing = new LabDrawing(this, () => ({ state: this.state, running: this.running }));
  private running = false;
  /** the latest snapshot of this run, which the next one takes missing metrics from */
  private latest: LabSnapshot | null = null;

  connectedCallback() {
    // data-state is the built run's state in the lab's own query form.
    const built = LAB_STATE.parse(this.dataset.state);
    this.store = pageStore(LAB_STATE);
    syncControls(this, this.state);
    this.addEventListener("click", this.onClick);
    this.addEventListener("input", this.onInput);
    this.addEventListener("change", this.onInput);
    // A link with its own settings replaces the build-time run at once; the default waits for the reader.
    if (!LAB_STATE.equals(this.state, built)) this.configure();
    this.dataset.ready = "true";
  }

  disconnectedCallback() {
    this.trainer.terminate();
    this.drawing.stop();
    this.removeEventListener("click", this.onClick);
    this.removeEventListener("input", this.onInput);
    this.removeEventListener("change", this.onInput);
  }

  private get state(): LabState {
    return this.store.state;
  }

  private configure() {
    this.running = false;
    this.trainer.send({ type: "configure", state: this.state });
    this.showFreshRun();
    showRunning(this, this.running);
  }

  /** Starts the worker, if it has not started, with a fresh run. */
  private ensureRun() {
    if (this.trainer.started) return;
    this.trainer.send({ type: "configure", state: this.state });
    this.showFreshRun();
  }

  /** A new run starts at step 0; say so at once rather than leave the previous run's count up. */
  private showFreshRun() {
    this.latest = null;
    this.drawing.forget();
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
        this.trainer.send({ type: "pause" });
      } else {
        this.ensureRun();
        this.running = true;
        this.trainer.send({ type: "play" });
      }
      showRunning(this, this.running);
    } else if (action === "step") {
      this.ensureRun();
      this.running = false;
      this.trainer.send({ type: "step" });
      showRunning(this, this.running);
    } else if (action === "reset") {
      this.configure();
    }
  };

  private readonly onInput = (event: Event) => {
    const t = event.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement)) return;
    const next = controlChange(this, t);
    if (!next) return;
    // The store coerces whatever a control reports, so the state stays valid.
    const previous = this.state;
    this.store.update(next, this);
    const state = this.state;
    if (state === previous) return;
    const dataChanged = !sameData(state, previous);
    syncControls(this, state);
    if (dataChanged) this.configure();
    else if (this.trainer.started) this.trainer.send({ type: "setLoss", choice: choiceOf(state) });
    else this.configure();
  };

  private receive(message: FromWorker) {
    if (message.type !== "snapshot") return;
    if (!message.running && this.running) {
      // The worker stopped by itself (step limit or divergence).
      if (message.finished) this.running = false;
      showRunning(this, this.running);
    }
    carryMetrics(this.latest, message.snapshot);
    this.latest = message.snapshot;
    this.drawing.show(message.snapshot);
  }
}

defineElement("imbalance-lab", ImbalanceLabElement);
