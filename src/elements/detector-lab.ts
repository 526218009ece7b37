/**
 * <detector-lab>: the detector lab in the browser. Its state (seed, γ, α, the
 * prior, steps) is the page's `det.` store, mirrored in the URL; training runs
 * in a Web Worker (two small convolutional models take tens of milliseconds a
 * step); snapshots are drawn at most once per animation frame, with the chart
 * functions the build used. The worker's JavaScript loads on the first Train,
 * Step, new scene, "Run 5 seeds" or change, never with the page. Drawing the
 * run, the detections and the seed spread live in their own modules.
 */
import { DETECTOR_LAB_STATE, type DetectorLabState } from "../lib/state/detector-lab-state";
import { parseNumberInput, SEED_FIELD } from "../lib/state/number-input";
import type { FromDetectorWorker } from "../lib/detector-lab/detector-protocol";
import type { DetectorSnapshot } from "../lib/detector-lab/detector-session";
import { showFieldError } from "./field-errors";
import { frameCoalescer } from "./frame";
import { pageStore, type Store } from "./page-store";
import { drawSnapshot } from "./detector-lab-draw";
import { DetectionsPanel } from "./detector-lab-detections";
import { SeedsPanel } from "./detector-lab-seeds";
import { detectorWorker } from "./detector-lab-worker";
import { saveTrainedRun } from "./trained-run-storage";

class DetectorLabElement extends HTMLElement {
  private store!: Store<DetectorLabState>;
  private readonly worker = detectorWorker(
    (message) => this.receive(message),
    () => ({ type: "configure", state: (this.runState = this.state) }),
  );
  private runState: DetectorLabState | null = null; // the worker's run's settings (the store may have moved on)
  private running = false;
  /** whether the worker holds trained models the reader can use on a new scene */
  private trained = false;
  private pending: DetectorSnapshot | null = null;
  private msPerStep: number | null = null;
  /** at most one redraw per animation frame, from the latest snapshot */
  private readonly schedule = frameCoalescer(() => this.draw());
  private detections!: DetectionsPanel;
  private seeds!: SeedsPanel;

  connectedCallback() {
    const built = DETECTOR_LAB_STATE.parse(this.dataset.state);
    this.store = pageStore(DETECTOR_LAB_STATE);
    this.detections = new DetectionsPanel(
      this,
      () => this.state.seed,
      (scene) => this.worker.send({ type: "score", scene }),
    );
    this.seeds = new SeedsPanel(this);
    this.syncControls();
    this.addEventListener("click", this.onClick);
    this.addEventListener("change", this.onInput);
    this.addEventListener("input", this.onInput);
    // A link with its own settings replaces the build-time run at once; the default waits for the reader.
    if (!DETECTOR_LAB_STATE.equals(this.state, built)) this.configure();
    this.updateButtons();
    this.dataset.ready = "true";
  }

  disconnectedCallback() {
    this.worker.terminate();
    this.seeds.terminate();
    this.removeEventListener("click", this.onClick);
    this.removeEventListener("change", this.onInput);
    this.removeEventListener("input", this.onInput);
  }

  private get state(): DetectorLabState {
    return this.store.state;
  }

  private configure() {
    this.runState = this.state;
    this.running = false;
    this.trained = false;
    this.worker.send({ type: "configure", state: this.state });
    this.detections.reset();
    this.text("[data-step]", "0");
    this.text("[data-lab-note]", "A fresh run, in your browser.");
    this.updateButtons();
  }

  private text(selector: string, value: string) {
    const el = this.querySelector(selector);
    if (el) el.textContent = value;
  }

  private readonly onClick = (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    if (!button || !this.contains(button)) return;
    const action = button.dataset.action;
    if (action === "reset") return this.configure();
    if (action === "seeds") return this.seeds.toggle(this.state);
    if (action === "new-scene") return this.trained && this.detections.ask();
    if (!this.worker.started) this.configure();
    if (action === "play") {
      this.running = !this.running;
      this.worker.send({ type: this.running ? "play" : "pause" });
    } else if (action === "step") {
      this.running = false;
      this.worker.send({ type: "step" });
    }
    this.updateButtons();
  };

  private readonly onInput = (event: Event) => {
    const t = event.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement)) return;
    const control = t.closest<HTMLElement>("[data-control]")?.dataset.control;
    // The threshold filters what is drawn; it retrains nothing and is not part of the run's state.
    if (control === "threshold") return this.detections.setThreshold(Number(t.value));
    // Sliders retrain when let go (change), not on every step of a drag; their readouts follow at once.
    if (event.type === "input" && control !== "gamma" && control !== "alpha") return;
    const next: Partial<Record<keyof DetectorLabState, unknown>> = {};
    switch (control) {
      case "seed": {
        // A message beside the field, and the last good seed keeps the run (as in the calculators).
        const parsed = parseNumberInput(t.value, SEED_FIELD);
        const error = this.querySelector<HTMLElement>('[data-error="seed"]');
        showFieldError(t as HTMLInputElement, error, parsed.ok ? null : parsed.message);
        if (!parsed.ok) return;
        next.seed = parsed.value;
        break;
      }
      case "gamma":
      case "alpha":
      case "steps":
        next[control] = Number(t.value);
        break;
      case "prior":
        next.prior = (t as HTMLInputElement).checked;
        break;
      default:
        return;
    }
    const previous = this.state;
    this.store.update(next, this);
    if (this.state === previous) return;
    this.syncControls();
    if (event.type === "change") {
      this.seeds.stale();
      this.configure();
    }
  };

  private syncControls() {
    const s = this.state;
    const set = (name: string, value: string, text?: string) => {
      const input = this.querySelector<HTMLInputElement>(`[data-control="${name}"] :is(input, select)`);
      if (input && document.activeElement !== input) input.value = value;
      const out = this.querySelector(`[data-control="${name}"] output`);
      if (out && text !== undefined) out.textContent = text;
      if (input && text !== undefined) input.setAttribute("aria-valuetext", text);
    };
    set("seed", String(s.seed));
    set("gamma", String(s.gamma), s.gamma.toFixed(1));
    set("alpha", String(s.alpha), s.alpha.toFixed(2));
    set("steps", String(s.steps));
    const prior = this.querySelector<HTMLInputElement>('[data-control="prior"] input');
    if (prior) prior.checked = s.prior;
  }

  private updateButtons() {
    const play = this.querySelector<HTMLButtonElement>('button[data-action="play"]');
    if (play) {
      play.textContent = this.running ? "Pause" : "Train";
      play.setAttribute("aria-pressed", String(this.running));
    }
    const fresh = this.querySelector<HTMLButtonElement>('button[data-action="new-scene"]');
    if (fresh) fresh.disabled = !this.trained;
    this.dataset.running = String(this.running);
    this.dataset.trained = String(this.trained);
  }

  private receive(message: FromDetectorWorker) {
    if (message.type === "scored") return this.detections.receive(message);
    if (message.type !== "snapshot") return;
    if (!message.running && this.running && message.snapshot.finished) this.running = false;
    this.trained = message.snapshot.step > 0;
    // A run that has stopped (paused, stepped or finished) is kept for chapter 6's loss map to score with.
    if (!message.running && this.trained && this.runState) saveTrainedRun(this.runState, message.snapshot);
    this.updateButtons();
    // AP comes with some snapshots only: keep the last measured value rather than blank it.
    const previous = this.pending;
    const next = message.snapshot;
    if (previous && previous.step <= next.step) {
      if (next.ce.ap === null) next.ce.ap = previous.ce.ap;
      if (next.focal.ap === null) next.focal.ap = previous.focal.ap;
    }
    this.detections.setCandidates(next.ce.detections, next.focal.detections);
    this.pending = next;
    this.msPerStep = message.msPerStep;
    this.schedule();
  }

  private draw() {
    if (this.pending) drawSnapshot(this, this.pending, this.state, this.running, this.msPerStep);
  }
}

if (!customElements.get("detector-lab")) customElements.define("detector-lab", DetectorLabElement);
