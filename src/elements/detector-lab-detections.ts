/**
 * The lab's detections: each model's boxes on the first held-out scenes at the
 * reader's score threshold, and "use the detectors you trained": a new scene,
 * made from the seed in the page and scored in the worker by the models as
 * they are at that moment. The threshold only filters the NMS'd candidates the
 * worker (or, before any training, the build) computed, so moving it never
 * needs the worker.
 */
import { aboveThreshold, type Detection } from "../lib/detector-lab/detections";
import type { ScoredScene } from "../lib/detector-lab/detector-protocol";
import { newScene } from "../lib/detector-lab/detector-session";
import type { LabelledScene } from "../lib/detector-lab/detector-run";
import { detectionsText, sceneScoresText, scoreText } from "../lib/views/detector-results-view";
import { renderDetections } from "../charts/detector-detections";
import { frameCoalescer } from "./frame";
import { picturedScenes } from "./detector-lab-draw";
import { sceneImage } from "./scene-image";

type Candidates = { ce: Detection[][]; focal: Detection[][] };
const MODELS = [
  ["ce", "ce", "Cross-entropy"],
  ["yours", "focal", "Focal loss"],
] as const;

/** The build's candidates, as [anchor, class, score] triples per scene; anything malformed is ignored. */
export function parseCandidates(text: string | undefined): Candidates | null {
  try {
    const data = JSON.parse(text ?? "") as Record<string, unknown>;
    const side = (v: unknown): Detection[][] | null =>
      Array.isArray(v) &&
      v.every((scene) => Array.isArray(scene) && scene.every((d) => Array.isArray(d) && d.length === 3))
        ? (v as number[][][]).map((scene) =>
            scene.map(([anchor, cls, score]) => ({ anchor: anchor!, cls: cls!, score: score! })),
          )
        : null;
    const ce = side(data.ce);
    const focal = side(data.focal);
    return ce && focal ? { ce, focal } : null;
  } catch {
    return null;
  }
}

export class DetectionsPanel {
  private candidates: Candidates | null;
  private scored: { message: ScoredScene; scene: LabelledScene } | null = null;
  private asked = 0;
  threshold: number;
  private readonly schedule = frameCoalescer(() => this.draw());

  constructor(
    private readonly root: HTMLElement,
    private readonly seed: () => number,
    private readonly request: (scene: number) => void,
  ) {
    this.candidates = parseCandidates(root.dataset.detections);
    const input = root.querySelector<HTMLInputElement>('[data-control="threshold"] input');
    this.threshold = input ? Number(input.value) : 0.5;
  }

  setThreshold(value: number) {
    if (!Number.isFinite(value) || value <= 0 || value >= 1) return;
    this.threshold = value;
    const out = this.root.querySelector('[data-control="threshold"] output');
    if (out) out.textContent = scoreText(value);
    this.root.querySelector('[data-control="threshold"] input')?.setAttribute("aria-valuetext", scoreText(value));
    this.root.querySelectorAll("[data-threshold-text]").forEach((el) => (el.textContent = scoreText(value)));
    this.schedule();
  }

  setCandidates(ce: Detection[][] | null, focal: Detection[][] | null) {
    if (!ce || !focal) return;
    this.candidates = { ce, focal };
    this.schedule();
  }

  /** A new run (another seed or setting): the last new scene was scored by models that are gone. */
  reset() {
    this.scored = null;
    this.asked = 0;
    const result = this.root.querySelector<HTMLElement>("[data-new-scene-result]");
    if (result) result.hidden = true;
    this.status("A new scene is scored by the models in your browser as they are when you ask.");
  }

  /** The reader asked for a new scene: the worker scores it; the page makes the same scene to draw it. */
  ask() {
    this.request(this.asked);
    this.asked += 1;
    this.root.querySelector("[data-new-scene]")?.setAttribute("data-scoring", "true");
    this.status("Scoring a new scene…");
  }

  receive(message: ScoredScene) {
    this.scored = { message, scene: newScene(this.seed(), message.scene) };
    const box = this.root.querySelector("[data-new-scene]");
    box?.setAttribute("data-scoring", "false");
    box?.setAttribute("data-scene", String(message.scene + 1));
    this.status(`New scene ${message.scene + 1}, scored after ${message.step} training steps.`);
    this.schedule();
  }

  private status(text: string) {
    const el = this.root.querySelector("[data-new-scene-note]");
    if (el) el.textContent = text;
  }

  private picture(name: string, series: "ce" | "yours", scene: LabelledScene, all: Detection[], label: string) {
    const svg = this.root.querySelector<SVGSVGElement>(`svg[data-chart="${name}"]`);
    const found = aboveThreshold(all, this.threshold);
    const words = detectionsText(found, this.threshold);
    if (svg) renderDetections(svg, name, series, sceneImage(scene), scene.objects, found, `${label}: ${words}`);
    const caption = this.root.querySelector(`[data-det-text="${name}"]`);
    if (caption) caption.textContent = words;
  }

  private draw() {
    const scenes = picturedScenes(this.seed());
    if (this.candidates)
      scenes.forEach((scene, i) => {
        for (const [series, which, who] of MODELS) {
          const all = this.candidates![which][i];
          if (all) this.picture(`det-${series}-${i}`, series, scene, all, `${who} on held-out scene ${i + 1}`);
        }
      });
    if (!this.scored) return;
    const { message, scene } = this.scored;
    for (const [series, which, who] of MODELS) {
      this.picture(`det-${series}-new`, series, scene, message[which].detections, `${who} on a new scene`);
      const scores = this.root.querySelector(`[data-scene-scores="${series}"]`);
      if (scores) scores.textContent = sceneScoresText(message[which].scores);
    }
    const result = this.root.querySelector<HTMLElement>("[data-new-scene-result]");
    if (result) result.hidden = false;
  }
}
