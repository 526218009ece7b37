/**
 * The anchor map's two canvases (the labels and the loss of every cell, one
 * pixel per cell): they put on screen the rectangles of pixels the worker says
 * changed (anchor-map-pixels.ts works them out). The build-time PNGs stay
 * until the first pixels arrive, so the figure is never blank meanwhile.
 */
import type { CellCanvasPatch } from "../lib/detector/anchor-map-protocol";

type Stage = "labels" | "loss";

export class AnchorMapCanvas {
  private readonly root: HTMLElement;
  private readonly canvases = new Map<Stage, HTMLCanvasElement | null>();

  constructor(root: HTMLElement) {
    this.root = root;
  }

  /** The stage's canvas, made in place of its build-time PNG on first use. */
  private canvas(stage: Stage): HTMLCanvasElement | null {
    if (this.canvases.has(stage)) return this.canvases.get(stage)!;
    const img = this.root.querySelector<HTMLImageElement>(`[data-stage="${stage}"] img[data-cells]`);
    let canvas = this.root.querySelector<HTMLCanvasElement>(`[data-stage="${stage}"] canvas`);
    if (img) {
      canvas = document.createElement("canvas");
      canvas.className = img.className;
      canvas.setAttribute("aria-hidden", "true");
    }
    this.canvases.set(stage, canvas);
    return canvas;
  }

  paint(stage: Stage, { columns, rows, patch }: CellCanvasPatch): void {
    const canvas = this.canvas(stage);
    if (!canvas || !patch) return;
    if (canvas.width !== columns || canvas.height !== rows) {
      canvas.width = columns;
      canvas.height = rows;
    }
    // A small canvas written in part every frame: kept in memory, so putImageData is a copy, not an upload and a flush.
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context?.putImageData(new ImageData(patch.pixels, patch.width, patch.height), patch.x, patch.y);
    // Swapped in only once it holds the whole picture (the first patch of a canvas is the whole of it).
    if (!canvas.isConnected)
      this.root.querySelector<HTMLImageElement>(`[data-stage="${stage}"] img[data-cells]`)?.replaceWith(canvas);
  }
}
