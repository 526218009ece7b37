/**
 * The anchor map's two canvases: the labels and the loss of every cell, one
 * pixel per cell. The cells of each level's grid are kept live (LiveCells), so
 * a drag repaints from the cells of the moved anchors only; a new level, loss
 * kind or α, γ recomputes them all.
 */
import { cellGrid, LiveCells } from "../lib/detector/cells";
import type { DetectorSetup } from "../lib/detector/detector-view";
import type { LiveDetectorView } from "../lib/detector/live-detector";
import type { LossKind } from "../lib/detector/loss-map";
import type { LevelView } from "../lib/detector/cells";
import { labelPixels, lossPixels } from "../charts/anchor-map";

export class AnchorMapCanvas {
  private readonly setup: DetectorSetup;
  private readonly canvases: { labels: HTMLCanvasElement | null; loss: HTMLCanvasElement | null };
  private readonly cells = new Map<string, LiveCells>();
  /** what each level's cells were last brought up to: "" until then, and the loss kind their sums hold */
  private readonly painted = new Map<string, string>();
  private labelBuffer: Uint8ClampedArray | undefined;
  private lossBuffer: Uint8ClampedArray | undefined;

  constructor(root: HTMLElement, setup: DetectorSetup) {
    this.setup = setup;
    // The build-time PNGs make way for canvases of the same class.
    for (const img of root.querySelectorAll<HTMLImageElement>("img[data-cells]")) {
      const canvas = document.createElement("canvas");
      canvas.className = img.className;
      canvas.setAttribute("aria-hidden", "true");
      img.replaceWith(canvas);
    }
    this.canvases = {
      labels: root.querySelector('[data-stage="labels"] canvas'),
      loss: root.querySelector('[data-stage="loss"] canvas'),
    };
  }

  /** The cell size of the level's grid, in image pixels. */
  cellSize(level: LevelView): number {
    return this.live(level).grid.cellSize;
  }

  private live(level: LevelView): LiveCells {
    const key = String(level);
    let cells = this.cells.get(key);
    if (!cells) {
      cells = new LiveCells(cellGrid(this.setup.anchors, level));
      this.cells.set(key, cells);
    }
    return cells;
  }

  draw(level: LevelView, kind: LossKind, view: LiveDetectorView, revision: number): void {
    const key = String(level);
    const cells = this.live(level);
    // The level's cells are current only if they saw the previous update, with the same loss kind.
    const fresh = this.painted.get(key) === `${revision - 1}|${kind}`;
    const changed = fresh ? view.changed : null;
    this.painted.set(key, `${revision}|${kind}`);
    const labels = cells.updateLabels(view.assignment, changed);
    const sums = cells.updateSums(view.maps[kind].perAnchor, changed);
    this.labelBuffer = labelPixels(cells.grid, labels, this.labelBuffer);
    this.lossBuffer = lossPixels(cells.grid, sums, this.lossBuffer);
    paint(this.canvases.labels, cells.grid.columns, cells.grid.rows, this.labelBuffer);
    paint(this.canvases.loss, cells.grid.columns, cells.grid.rows, this.lossBuffer);
  }
}

function paint(canvas: HTMLCanvasElement | null, columns: number, rows: number, pixels: Uint8ClampedArray): void {
  if (!canvas) return;
  if (canvas.width !== columns || canvas.height !== rows) {
    canvas.width = columns;
    canvas.height = rows;
  }
  canvas.getContext("2d")?.putImageData(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, columns, rows), 0, 0);
}
