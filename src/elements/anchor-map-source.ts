/**
 * The anchor map's choice of where its scores come from: the stated model on
 * the park, or the detector trained in chapter 10 on its held-out scene,
 * drawn by anchor-map-trained-view.ts (loaded with the trained run's code,
 * only when a reader picks it). The boxes stay put in that mode: the network
 * scored those pixels, and a moved box would only mislabel them. The figure's
 * stylesheet shows the park's stages or the scene's from data-scores.
 */
import type { AnchorMapState } from "../lib/state/anchor-map-state";
import { trainedSource } from "./trained-scene-source";

type Patch = Partial<Record<keyof AnchorMapState, unknown>>;

export class AnchorMapSource {
  private readonly root: HTMLElement;
  private readonly redraw: () => void;
  /** the canvases and picture the trained view keeps between draws */
  private readonly painted = {};

  constructor(root: HTMLElement, actions: { patch: (p: Patch) => void; redraw: () => void }) {
    this.root = root;
    this.redraw = actions.redraw;
    for (const name of ["scores", "model"] as const)
      this.select(name)?.addEventListener("change", (e) =>
        actions.patch({ [name]: (e.target as HTMLSelectElement).value }),
      );
  }

  private select(name: "scores" | "model"): HTMLSelectElement | null {
    return this.root.querySelector<HTMLSelectElement>(`select[data-control="${name}"]`);
  }

  private text(selector: string, value: string): void {
    const el = this.root.querySelector<HTMLElement>(selector);
    if (!el) return;
    if (el.textContent !== value) el.textContent = value;
    // Called on every drag frame: writing `hidden`, even unchanged, costs the frame a style pass.
    if (el.hidden !== (value === "")) el.hidden = value === "";
  }

  /** Draws the trained-scene map when the state asks for it; false when the park's map is to be drawn instead. */
  draw(state: AnchorMapState): boolean {
    for (const name of ["scores", "model"] as const) {
      const el = this.select(name);
      if (el && el.value !== state[name]) el.value = state[name];
    }
    const result = trainedSource(state, this.redraw);
    if (result.kind === "loading") {
      this.root.setAttribute("aria-busy", "true");
      this.text("[data-run-note]", "Loading the trained detector…");
      return true;
    }
    this.root.removeAttribute("aria-busy");
    if (result.kind === "stated") {
      this.root.dataset.scores = "stated";
      this.text("[data-source-problem]", result.problem ?? "");
      return false;
    }
    result.source.draw(this.root, state, this.painted);
    this.root.dataset.scores = "trained";
    this.root.dataset.run = result.source.shown;
    return true;
  }
}
