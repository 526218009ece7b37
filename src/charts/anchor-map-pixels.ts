/**
 * The anchor map's two cell pictures (labels, and each cell's share of the
 * loss, one RGBA pixel per cell) kept up to date for a drag, and what changed
 * in them. Each level's cells are kept live (LiveCells), so a move works out
 * again only the cells of the moved anchors; a new level, loss kind or α, γ
 * recomputes them all. The loss picture is recoloured whole (a new total
 * changes every cell's share) from the cells' kept logarithms. Each update
 * returns only the rectangle of pixels that differ from the last one returned,
 * which is what the canvases show. No DOM here: it runs in the anchor map's worker.
 */
import { cellGrid, LiveCells, type LevelView } from "../lib/detector/cells";
import type { AnchorSet } from "../lib/detector/anchors";
import type { CellCanvasPatch, PixelPatch } from "../lib/detector/anchor-map-protocol";
import type { LiveDetectorView } from "../lib/detector/live-detector";
import type { LossKind } from "../lib/detector/loss-map";
import { cellTotal, labelPixels, lossPixelsFromLogs } from "./anchor-map";

/** One picture: the pixels of this update and those last returned (what the canvas shows). */
class Picture {
  next: Uint8ClampedArray | undefined;
  private shown: Uint32Array | undefined;
  private columns = 0;

  /** The rectangle of pixels that differ from the ones last returned, copied out (the whole picture after a resize). */
  patch(columns: number, rows: number): CellCanvasPatch {
    const next = new Uint32Array(this.next!.buffer, this.next!.byteOffset, columns * rows);
    const shown = this.shown;
    const resized = !shown || shown.length !== next.length || this.columns !== columns;
    this.columns = columns;
    let x0 = 0;
    let y0 = 0;
    let x1 = columns - 1;
    let y1 = rows - 1;
    if (!resized) {
      x0 = Infinity;
      y0 = Infinity;
      x1 = -1;
      y1 = -1;
      for (let c = 0; c < next.length; c++) {
        if (next[c] === shown[c]) continue;
        const x = c % columns;
        const y = (c - x) / columns;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
    if (resized) this.shown = Uint32Array.from(next);
    if (x1 < 0) return { columns, rows, patch: null };
    const width = x1 - x0 + 1;
    const height = y1 - y0 + 1;
    const out = new Uint32Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = next.subarray((y0 + y) * columns + x0, (y0 + y) * columns + x0 + width);
      out.set(row, y * width);
      if (!resized) this.shown!.set(row, (y0 + y) * columns + x0);
    }
    const patch: PixelPatch = { x: x0, y: y0, width, height, pixels: new Uint8ClampedArray(out.buffer) };
    return { columns, rows, patch };
  }
}

export class LiveCellPixels {
  private readonly anchors: AnchorSet;
  private readonly cells = new Map<string, LiveCells>();
  /** what each level's cells were last brought up to: the update's number and the loss kind their sums hold */
  private readonly painted = new Map<string, string>();
  private readonly labels = new Picture();
  private readonly loss = new Picture();
  private revision = 0;

  constructor(anchors: AnchorSet) {
    this.anchors = anchors;
  }

  private live(level: LevelView): LiveCells {
    const key = String(level);
    let cells = this.cells.get(key);
    if (!cells) {
      cells = new LiveCells(cellGrid(this.anchors, level));
      this.cells.set(key, cells);
    }
    return cells;
  }

  /** Brings the level's pictures to the detector's update (call once per LiveDetector update) and returns what changed. */
  update(level: LevelView, kind: LossKind, view: LiveDetectorView): { labels: CellCanvasPatch; loss: CellCanvasPatch } {
    const key = String(level);
    const cells = this.live(level);
    this.revision++;
    // The level's cells are current only if they saw the previous update, with the same loss kind.
    const fresh = this.painted.get(key) === `${this.revision - 1}|${kind}` && this.labels.next !== undefined;
    const changed = fresh ? view.changed : null;
    this.painted.set(key, `${this.revision}|${kind}`);
    const { columns, rows } = cells.grid;
    const labels = cells.updateLabels(view.assignment, changed);
    const sums = cells.updateSums(view.maps[kind].perAnchor, changed);
    const dirty = changed === null ? undefined : cells.cellsOf(changed);
    this.labels.next = labelPixels(cells.grid, labels, this.labels.next, dirty);
    this.loss.next = lossPixelsFromLogs(cells.grid, cells.logSums, cellTotal(sums), this.loss.next);
    return { labels: this.labels.patch(columns, rows), loss: this.loss.patch(columns, rows) };
  }
}
