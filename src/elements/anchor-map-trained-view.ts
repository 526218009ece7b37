/**
 * The anchor map drawn from the detector trained in chapter 10 (loaded with
 * it, only when a reader picks a trained source): the run's held-out scene,
 * the lab's anchor cells (labels, and each cell's share of the loss chosen),
 * the scene's boxes, the words and both tables, every loss evaluated on the
 * logits of the trained model the state names.
 */
import { budgetRows, describeLoss } from "../lib/detector/describe";
import { budgetTableRows, levelTableRows } from "../lib/detector/anchor-map-tables";
import { cellLabels, cellSums } from "../lib/detector/cells";
import { LOSS_KINDS } from "../lib/detector/loss-map";
import type { TrainedScene, TrainedSceneView } from "../lib/detector/trained-scene";
import * as lib from "../lib/detector/trained-scene";
import type { AnchorMapState } from "../lib/state/anchor-map-state";
import { labelPixels, lossPixels, overlayScene } from "../charts/anchor-map";
import { applyScene } from "../charts/scene";
import { writeTableRows } from "./table-rows";

/** The lab's scene is drawn at this many overlay units a pixel: 64 × 14 = 896, the park's width, so its labels read alike. */
const OVERLAY_SCALE = 14;

const MODEL_WORDS = { focal: "focal loss", ce: "cross-entropy" } as const;

/** What one figure keeps between draws: its canvases and the scene its picture shows. */
export interface PaintedMap {
  canvases?: HTMLCanvasElement[];
  imageFor?: TrainedScene;
}

export interface TrainedMapInput {
  scene: TrainedScene;
  view: TrainedSceneView;
  note: string;
  problem: string | null;
  image: () => string;
}

function text(root: HTMLElement, selector: string, value: string): void {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) return;
  if (el.textContent !== value) el.textContent = value;
  el.hidden = value === "";
}

export function drawTrainedMap(
  root: HTMLElement,
  input: TrainedMapInput,
  state: AnchorMapState,
  painted: PaintedMap,
): void {
  const { scene, view } = input;
  const grid = lib.labCellGrid();
  const cells = (painted.canvases ??= replaceWithCanvases(root));
  paint(cells[0], grid.columns, grid.rows, labelPixels(grid, cellLabels(grid, scene.assignment)));
  paint(cells[1], grid.columns, grid.rows, lossPixels(grid, cellSums(grid, view.maps[state.loss].perAnchor)));
  // The build drew the default run's scene; another seed's is drawn here, once per scene.
  const seed = String(scene.run.seed);
  if (painted.imageFor !== scene) {
    painted.imageFor = scene;
    for (const img of root.querySelectorAll<HTMLImageElement>("img[data-lab-scene]"))
      if (img.dataset.labScene !== seed) {
        img.src = input.image();
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
  for (const svg of root.querySelectorAll<SVGSVGElement>("svg[data-lab-overlay]"))
    applyScene(
      svg,
      overlayScene({
        idPrefix: `${root.dataset.figureId ?? "anchor-map"}-lab-${svg.dataset.labOverlay ?? ""}`,
        width: side,
        height: side,
        cellSize: grid.cellSize * OVERLAY_SCALE,
        anchors: [],
        boxes,
        selected: -1,
        interactive: false,
      }),
    );
  const model = MODEL_WORDS[state.model];
  text(
    root,
    "[data-run-note]",
    `${input.note} Every loss below is evaluated on the logits of its model trained with ${model}, on the run's first held-out scene.`,
  );
  text(root, "[data-source-problem]", input.problem ?? "");
  text(root, '[data-summary="assignment"]', lib.describeLabAssignment(scene));
  text(root, '[data-summary="loss"]', `On the ${model} model's scores, ${describeLoss(view.maps[state.loss])}`);
  const levels = root.querySelector<HTMLTableSectionElement>('tbody[data-table="levels"]');
  if (levels) writeTableRows(levels, levelTableRows(lib.labLevelRows(scene.assignment.counts)));
  const budget = root.querySelector<HTMLTableSectionElement>('tbody[data-table="budget"]');
  if (budget) writeTableRows(budget, budgetTableRows(budgetRows(LOSS_KINDS.map((k) => view.maps[k]))));
}

/** The scene's two cell layers: the build's PNGs make way for canvases on the first draw. */
function replaceWithCanvases(root: HTMLElement): HTMLCanvasElement[] {
  return [...root.querySelectorAll<HTMLImageElement>("img[data-lab-cells]")].map((img) => {
    const canvas = document.createElement("canvas");
    canvas.className = img.className;
    canvas.setAttribute("aria-hidden", "true");
    img.replaceWith(canvas);
    return canvas;
  });
}

function paint(canvas: HTMLCanvasElement | undefined, columns: number, rows: number, pixels: Uint8ClampedArray): void {
  if (!canvas) return;
  if (canvas.width !== columns || canvas.height !== rows) {
    canvas.width = columns;
    canvas.height = rows;
  }
  canvas.getContext("2d")?.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, columns, rows), 0, 0);
}
