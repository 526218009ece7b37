/**
 * <detector-lab>: the detector lab in the browser. Its state (seed, γ, α, the
 * prior, steps) is the page's `det.` store, mirrored in the URL; training runs
 * in a Web Worker (two small convolutional models take tens of milliseconds a
 * step); snapshots are drawn at most once per animation frame, with the chart
 * functions the build used. The worker's JavaScript loads on the first Train,
 * Step or change, never with the page.
 */
import { DETECTOR_LAB_STATE, type DetectorLabState } from "../lib/state/detector-lab-state";
import { parseNumberInput, SEED_FIELD } from "../lib/state/number-input";
import type { FromDetectorWorker, ToDetectorWorker } from "../lib/detector-lab/detector-protocol";
import type { DetectorSnapshot } from "../lib/detector-lab/detector-session";
import { heldOutScenes } from "../lib/detector-lab/detector-run";
import { SCENE_SIZE, type Scene } from "../lib/detector-lab/scenes";
import { detectorView } from "../lib/views/detector-lab-view";
import { formatNumber } from "../lib/text/format";
import { renderTrainingCurve } from "../charts/training-curve";
import { renderLossMap, renderShareCurve } from "../charts/detector-lab";
import { showFieldError } from "./field-errors";
import { frameCoalescer } from "./frame";
import { pageStore, type Store } from "./page-store";

/** A grayscale scene as a PNG data URL, through a canvas (the build uses a PNG encoder instead). */
function sceneImage(scene: Scene): string {
  const canvas = document.createElement("canvas");
  canvas.width = SCENE_SIZE;
  canvas.height = SCENE_SIZE;
  const ctx = canvas.getContext("2d");
  if (!ctx) return "";
  const pixels = ctx.createImageData(SCENE_SIZE, SCENE_SIZE);
  scene.image.forEach((v, i) => {
    const g = Math.round(v * 255);
    pixels.data.set([g, g, g, 255], i * 4);
  });
  ctx.putImageData(pixels, 0, 0);
  return canvas.toDataURL("image/png");
}

class DetectorLabElement extends HTMLElement {
  private store!: Store<DetectorLabState>;
  private worker: Worker | null = null;
  private running = false;
  private pending: DetectorSnapshot | null = null;
  private msPerStep: number | null = null;
  /** at most one redraw per animation frame, from the latest snapshot */
  private readonly schedule = frameCoalescer(() => this.draw());
  private showcase: { seed: number; scene: Scene; image: string } | null = null;

  connectedCallback() {
    const built = DETECTOR_LAB_STATE.parse(this.dataset.state);
    this.store = pageStore(DETECTOR_LAB_STATE);
    this.syncControls();
    this.addEventListener("click", this.onClick);
    this.addEventListener("change", this.onInput);
    this.addEventListener("input", this.onInput);
    // A link with its own settings replaces the build-time run at once; the default waits for the reader.
    if (!DETECTOR_LAB_STATE.equals(this.state, built)) this.configure();
    this.dataset.ready = "true";
  }

  disconnectedCallback() {
    this.worker?.terminate();
    this.worker = null;
    this.removeEventListener("click", this.onClick);
    this.removeEventListener("change", this.onInput);
    this.removeEventListener("input", this.onInput);
  }

  private get state(): DetectorLabState {
    return this.store.state;
  }

  private send(message: ToDetectorWorker) {
    if (!this.worker) {
      this.worker = new Worker(new URL("../workers/detector.worker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (e: MessageEvent<FromDetectorWorker>) => this.receive(e.data);
      this.worker.postMessage({ type: "configure", state: this.state } satisfies ToDetectorWorker);
      if (message.type === "configure") return;
    }
    this.worker.postMessage(message);
  }

  private configure() {
    this.running = false;
    this.send({ type: "configure", state: this.state });
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
    if (!this.worker) this.configure();
    if (action === "play") {
      this.running = !this.running;
      this.send({ type: this.running ? "play" : "pause" });
    } else if (action === "step") {
      this.running = false;
      this.send({ type: "step" });
    }
    this.updateButtons();
  };

  private readonly onInput = (event: Event) => {
    const t = event.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement)) return;
    const control = t.closest<HTMLElement>("[data-control]")?.dataset.control;
    // Sliders retrain when let go (change), not on every step of a drag; their readouts follow at once.
    if (event.type === "input" && control !== "gamma" && control !== "alpha") return;
    const next: Partial<Record<keyof DetectorLabState, unknown>> = {};
    switch (control) {
      case "seed": {
        // A message beside the field, and the last good seed keeps the run (as in the calculators).
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
      case "gamma":
        next.gamma = Number(t.value);
        break;
      case "alpha":
        next.alpha = Number(t.value);
        break;
      case "steps":
        next.steps = Number(t.value);
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
    if (event.type === "change") this.configure();
  };

  private field<T extends HTMLInputElement | HTMLSelectElement>(control: string): T | null {
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
    set("seed", String(s.seed));
    set("gamma", String(s.gamma), s.gamma.toFixed(1));
    set("alpha", String(s.alpha), s.alpha.toFixed(2));
    set("steps", String(s.steps));
    const prior = this.field<HTMLInputElement>("prior");
    if (prior) prior.checked = s.prior;
  }

  private updateButtons() {
    const play = this.querySelector<HTMLButtonElement>('button[data-action="play"]');
    if (play) {
      play.textContent = this.running ? "Pause" : "Train";
      play.setAttribute("aria-pressed", String(this.running));
    }
    this.dataset.running = String(this.running);
  }

  private receive(message: FromDetectorWorker) {
    if (message.type !== "snapshot") return;
    if (!message.running && this.running && message.snapshot.finished) {
      this.running = false;
      this.updateButtons();
    }
    // AP comes with some snapshots only: keep the last measured value rather than blank it.
    const previous = this.pending;
    const next = message.snapshot;
    if (previous && previous.step <= next.step) {
      if (next.ce.ap === null) next.ce.ap = previous.ce.ap;
      if (next.focal.ap === null) next.focal.ap = previous.focal.ap;
    }
    this.pending = next;
    this.msPerStep = message.msPerStep;
    this.schedule();
  }

  private draw() {
    const snapshot = this.pending;
    if (!snapshot) return;
    const s = this.state;
    const view = detectorView(snapshot, s.gamma, s.alpha);
    this.text("[data-step]", String(view.step));
    this.text("[data-steps]", String(view.steps));
    const progress = this.querySelector<HTMLProgressElement>("[data-progress]");
    if (progress) {
      progress.max = view.steps;
      progress.value = view.step;
    }
    this.text(
      "[data-lab-note]",
      this.running ? "Training in your browser…" : snapshot.finished ? "Your run, trained in your browser." : "Paused.",
    );
    for (const r of view.readouts) {
      const row = this.querySelector(`.lab-readout[data-model="${r.id}"]`);
      if (!row) continue;
      row.querySelector("[data-ap]")!.textContent = r.ap;
      row.querySelector("[data-loss]")!.textContent = r.loss;
      row.querySelector(".readout-label")!.textContent = r.label;
      const cells = this.querySelectorAll(`[data-detector-table] tr[data-model="${r.id}"] td`);
      [r.ap, r.loss, r.easyLossShare, r.easyGradShare].forEach((v, i) => cells[i] && (cells[i].textContent = v));
    }
    this.text("[data-chance]", view.chance);
    this.text("[data-imbalance]", view.imbalance);
    if (this.msPerStep !== null)
      this.text(
        "[data-speed]",
        `In your browser: ${formatNumber(this.msPerStep, { notation: "fixed", digits: 0 })} ms a step for both models.`,
      );
    const chart = (name: string) => this.querySelector<SVGSVGElement>(`svg[data-chart="${name}"]`);
    const loss = chart("loss");
    if (loss) renderTrainingCurve(loss, view.loss);
    const easyLoss = chart("easy-loss");
    if (easyLoss) renderShareCurve(easyLoss, view.easyLoss, "share of loss");
    const easyGrad = chart("easy-grad");
    if (easyGrad) renderShareCurve(easyGrad, view.easyGrad, "share of |gradient|");
    if (!this.showcase || this.showcase.seed !== s.seed) {
      const scene = heldOutScenes(s.seed, 1)[0]!;
      this.showcase = { seed: s.seed, scene, image: sceneImage(scene) };
    }
    const { scene, image } = this.showcase;
    const label = (who: string) =>
      `${who}: where the loss of one held-out scene sits after ${view.step} steps; brighter cells carry a larger share.`;
    const ce = chart("map-ce");
    if (ce) renderLossMap(ce, "ce", image, snapshot.ce.lossMap, scene.objects, label("Cross-entropy"));
    const yours = chart("map-yours");
    if (yours) renderLossMap(yours, "yours", image, snapshot.focal.lossMap, scene.objects, label("Focal loss"));
  }
}

if (!customElements.get("detector-lab")) customElements.define("detector-lab", DetectorLabElement);
