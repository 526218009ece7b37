/**
 * The anchor map's choice of where its scores come from, and the map when
 * they come from the detector trained in chapter 10: that run's held-out
 * scene (pixelated, with its ground-truth boxes), the lab's anchors and their
 * labels, the cells' share of the loss, the words and both tables, all
 * evaluated on the logits of the trained model the reader picks. The boxes
 * stay put in this mode: the network scored these pixels, and a moved box
 * would only mislabel them. The figure's stylesheet shows the park's stages
 * or the scene's from the element's data-scores.
 */
import { budgetRows, describeLoss } from "../lib/detector/describe";
import { budgetTableRows, levelTableRows } from "../lib/detector/anchor-map-tables";
import { cellLabels, cellSums } from "../lib/detector/cells";
import { LOSS_KINDS } from "../lib/detector/loss-map";
import type { AnchorMapState } from "../lib/state/anchor-map-state";
import { labelPixels, lossPixels, overlayScene } from "../charts/anchor-map";
import { applyScene } from "../charts/scene";
import { trainedSource, type TrainedSource } from "./trained-scene-source";
import { writeTableRows } from "./table-rows";

type Patch = Partial<Record<keyof AnchorMapState, unknown>>;

/** The lab's scene is drawn at this many overlay units a pixel: 64 × 14 = 896, the park's width, so its labels read alike. */
const OVERLAY_SCALE = 14;

const MODEL_WORDS = { focal: "focal loss", ce: "cross-entropy" } as const;

export class AnchorMapSource {
  private readonly root: HTMLElement;
  private readonly redraw: () => void;
  private canvases: HTMLCanvasElement[] | null = null;
  private imageFor: TrainedSource["scene"] | null = null;

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
    el.hidden = value === "";
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
    this.drawTrained(result.source, state);
    this.root.dataset.scores = "trained";
    this.root.dataset.run = result.source.shown;
    return true;
  }

  private drawTrained(source: TrainedSource, state: AnchorMapState): void {
    const { lib, scene } = source;
    const view = source.view(state.model, state.alpha, state.gamma);
    const grid = lib.labCellGrid();
    const cells = this.cells();
    paint(cells[0], grid.columns, grid.rows, labelPixels(grid, cellLabels(grid, scene.assignment)));
    paint(cells[1], grid.columns, grid.rows, lossPixels(grid, cellSums(grid, view.maps[state.loss].perAnchor)));
    // The build drew the default run's scene; another seed's is drawn here, once per scene.
    const seed = String(scene.run.seed);
    if (this.imageFor !== scene) {
      this.imageFor = scene;
      for (const img of this.root.querySelectorAll<HTMLImageElement>("img[data-lab-scene]"))
        if (img.dataset.labScene !== seed) {
          img.src = source.image();
          img.dataset.labScene = seed;
        }
    }
    const boxes = scene.objects.map((o) => ({
      box: {
        x0: o.box.x0 * OVERLAY_SCALE,
        y0: o.box.y0 * OVERLAY_SCALE,
        x1: o.box.x1 * OVERLAY_SCALE,
        y1: o.box.y1 * OVERLAY_SCALE,
      },
      name: lib.LAB_CLASSES[o.classIndex]!,
    }));
    const side = lib.LAB_SCENE_SIZE.width * OVERLAY_SCALE;
    for (const svg of this.root.querySelectorAll<SVGSVGElement>("svg[data-lab-overlay]"))
      applyScene(
        svg,
        overlayScene({
          idPrefix: `${this.root.dataset.figureId ?? "anchor-map"}-lab-${svg.dataset.labOverlay ?? ""}`,
          width: side,
          height: side,
          cellSize: grid.cellSize * OVERLAY_SCALE,
          anchors: [],
          boxes,
          selected: -1,
          interactive: false,
        }),
      );
    this.text("[data-run-note]", `${source.note} Every loss below is evaluated on the logits of its model trained with ${MODEL_WORDS[state.model]}, on the run's first held-out scene.`);
    this.text("[data-source-problem]", source.problem ?? "");
    this.text('[data-summary="assignment"]', lib.describeLabAssignment(scene));
    this.text('[data-summary="loss"]', `On the ${MODEL_WORDS[state.model]} model's scores, ${describeLoss(view.maps[state.loss])}`);
    const levels = this.root.querySelector<HTMLTableSectionElement>('tbody[data-table="levels"]');
    if (levels) writeTableRows(levels, levelTableRows(lib.labLevelRows(scene.assignment.counts)));
    const budget = this.root.querySelector<HTMLTableSectionElement>('tbody[data-table="budget"]');
    if (budget) writeTableRows(budget, budgetTableRows(budgetRows(LOSS_KINDS.map((k) => view.maps[k]))));
  }

  /** The scene's two cell layers: the build's PNGs make way for canvases on the first draw. */
  private cells(): HTMLCanvasElement[] {
    if (!this.canvases) {
      this.canvases = [...this.root.querySelectorAll<HTMLImageElement>("img[data-lab-cells]")].map((img) => {
        const canvas = document.createElement("canvas");
        canvas.className = img.className;
        canvas.setAttribute("aria-hidden", "true");
        img.replaceWith(canvas);
        return canvas;
      });
    }
    return this.canvases;
  }
}

function paint(canvas: HTMLCanvasElement | undefined, columns: number, rows: number, pixels: Uint8ClampedArray): void {
  if (!canvas) return;
  if (canvas.width !== columns || canvas.height !== rows) {
    canvas.width = columns;
    canvas.height = rows;
  }
  canvas.getContext("2d")?.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, columns, rows), 0, 0);
}
