/**
 * Draws one snapshot of the reader's run into the lab: step and progress, the
 * read-outs and the data table, the three curves and the two loss maps, with
 * the chart functions the build used. Called at most once per animation frame
 * (the element coalesces snapshots through frame.ts).
 */
import type { DetectorLabState } from "../lib/state/detector-lab-state";
import type { DetectorSnapshot } from "../lib/detector-lab/detector-session";
import { DETECTION_SCENES } from "../lib/detector-lab/detector-session";
import { heldOutScenes, type LabelledScene } from "../lib/detector-lab/detector-run";
import { detectorView } from "../lib/views/detector-lab-view";
import { formatNumber } from "../lib/text/format";
import { renderTrainingCurve } from "../charts/training-curve";
import { renderLossMap, renderShareCurve } from "../charts/detector-lab";
import { sceneImage } from "./scene-image";

let heldOut: { seed: number; scenes: LabelledScene[] } | null = null;

/** The held-out scenes the lab pictures (the first is the loss maps' scene), made once per seed. */
export function picturedScenes(seed: number): LabelledScene[] {
  if (!heldOut || heldOut.seed !== seed) heldOut = { seed, scenes: heldOutScenes(seed, DETECTION_SCENES) };
  return heldOut.scenes;
}

/** "12 ms a step for both models (83 steps a second)": the worker's own timing of its training steps. */
export function speedText(msPerStep: number): string {
  const ms = formatNumber(msPerStep, { notation: "fixed", digits: 0 });
  const perSecond = formatNumber(1000 / msPerStep, { notation: "significant", digits: 2 });
  return `${ms} ms a step for both models (${perSecond} steps a second)`;
}

export function drawSnapshot(
  root: HTMLElement,
  snapshot: DetectorSnapshot,
  state: DetectorLabState,
  running: boolean,
  msPerStep: number | null,
): void {
  const text = (selector: string, value: string) => {
    const el = root.querySelector(selector);
    if (el) el.textContent = value;
  };
  const view = detectorView(snapshot, state.gamma, state.alpha);
  text("[data-step]", String(view.step));
  text("[data-steps]", String(view.steps));
  const progress = root.querySelector<HTMLProgressElement>("[data-progress]");
  if (progress) {
    progress.max = view.steps;
    progress.value = view.step;
  }
  text(
    "[data-lab-note]",
    running ? "Training in your browser…" : snapshot.finished ? "Your run, trained in your browser." : "Paused.",
  );
  for (const r of view.readouts) {
    const row = root.querySelector(`.lab-readout[data-model="${r.id}"]`);
    if (!row) continue;
    row.querySelector("[data-ap]")!.textContent = r.ap;
    row.querySelector("[data-loss]")!.textContent = r.loss;
    row.querySelector(".readout-label")!.textContent = r.label;
    const cells = root.querySelectorAll(`[data-detector-table] tr[data-model="${r.id}"] td`);
    [r.ap, r.loss, r.easyLossShare, r.easyGradShare].forEach((v, i) => cells[i] && (cells[i].textContent = v));
  }
  text("[data-chance]", view.chance);
  text("[data-imbalance]", view.imbalance);
  if (msPerStep !== null) {
    text("[data-speed]", `In your browser: ${speedText(msPerStep)}.`);
    root.dataset.msPerStep = msPerStep.toFixed(1);
  }
  const chart = (name: string) => root.querySelector<SVGSVGElement>(`svg[data-chart="${name}"]`);
  const loss = chart("loss");
  if (loss) renderTrainingCurve(loss, view.loss);
  const easyLoss = chart("easy-loss");
  if (easyLoss) renderShareCurve(easyLoss, view.easyLoss, "share of loss");
  const easyGrad = chart("easy-grad");
  if (easyGrad) renderShareCurve(easyGrad, view.easyGrad, "share of |gradient|");
  const scene = picturedScenes(state.seed)[0]!;
  const image = sceneImage(scene);
  const label = (who: string) =>
    `${who}: where the loss of one held-out scene sits after ${view.step} steps; brighter cells carry a larger share.`;
  const ce = chart("map-ce");
  if (ce) renderLossMap(ce, "ce", image, snapshot.ce.lossMap, scene.objects, label("Cross-entropy"));
  const yours = chart("map-yours");
  if (yours) renderLossMap(yours, "yours", image, snapshot.focal.lossMap, scene.objects, label("Focal loss"));
}
