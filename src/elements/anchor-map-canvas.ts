/**
 * The anchor map's two canvases: the labels and the loss of every cell, one
 * pixel per cell. The cells of each level's grid are kept live (LiveCells), so
 * a drag works out again only the cells of the moved anchors; a new level,
 * loss kind or α, γ recomputes them all. The labels canvas is repainted only
 * over the rectangle of those cells; the loss canvas whole, since a new total
 * changes every cell's share.
 */
import { cellGrid, LiveCells } from "../lib/detector/cells";
import type { DetectorSetup } from "../lib/detector/detector-view";
import type { LiveDetectorView } from "../lib/detector/live-detector";
import type { LossKind } from "../lib/detector/loss-map";
import type { LevelView } from "../lib/detector/cells";
import { cellTotal, labelPixels, lossPixelsFromLogs } from "../charts/anchor-map";

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
    const fresh = this.painted.get(key) === `${revision - 1}|${kind}` && this.labelBuffer !== undefined;
    const changed = fresh ? view.changed : null;
    this.painted.set(key, `${revision}|${kind}`);
    const { columns, rows } = cells.grid;
    const labels = cells.updateLabels(view.assignment, changed);
    const sums = cells.updateSums(view.maps[kind].perAnchor, changed);
    const dirty = changed === null ? null : cells.cellsOf(changed);
    this.labelBuffer = labelPixels(cells.grid, labels, this.labelBuffer, dirty ?? undefined);
    this.lossBuffer = lossPixelsFromLogs(cells.grid, cells.logSums, cellTotal(sums), this.lossBuffer);
    paint(this.canvases.labels, columns, rows, this.labelBuffer, dirty && boundsOf(dirty, columns));
    paint(this.canvases.loss, columns, rows, this.lossBuffer, null);
  }
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest rectangle of cells holding every listed cell (empty for none). */
function boundsOf(cells: ArrayLike<number>, columns: number): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let j = 0; j < cells.length; j++) {
    const x = cells[j]! % columns;
    const y = (cells[j]! - x) / columns;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Puts the pixels on the canvas: only those of `only` when given (the rest are already there). */
function paint(
  canvas: HTMLCanvasElement | null,
  columns: number,
  rows: number,
  pixels: Uint8ClampedArray,
  only: Rect | null,
): void {
  if (!canvas) return;
  if (canvas.width !== columns || canvas.height !== rows) {
    canvas.width = columns;
    canvas.height = rows;
    only = null;
  }
  if (only && only.width === 0) return;
  const image = new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, columns, rows);
  // A small canvas written whole every frame: kept in memory, so putImageData is a copy, not an upload and a flush.
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return;
  if (only) context.putImageData(image, 0, 0, only.x, only.y, only.width, only.height);
  else context.putImageData(image, 0, 0);
}
