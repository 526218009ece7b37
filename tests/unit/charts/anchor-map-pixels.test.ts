import { describe, expect, it } from "vitest";
import { LiveCellPixels } from "../../../src/charts/anchor-map-pixels";
import { labelPixels, lossPixels } from "../../../src/charts/anchor-map";
import type { CellCanvasPatch } from "../../../src/lib/detector/anchor-map-protocol";
import { cellGrid, cellLabels, cellSums, type LevelView } from "../../../src/lib/detector/cells";
import { detectorSetup, detectorView } from "../../../src/lib/detector/detector-view";
import { LiveDetector } from "../../../src/lib/detector/live-detector";
import type { LossKind } from "../../../src/lib/detector/loss-map";
import { SCENE_OBJECTS } from "../../../src/lib/detector/scene";

const setup = detectorSetup();

/** A canvas of one RGBA pixel per cell, as the page's: resized (cleared) to a new size, then patched. */
class FakeCanvas {
  columns = 0;
  pixels = new Uint8ClampedArray(0);

  put({ columns, rows, patch }: CellCanvasPatch): void {
    if (columns !== this.columns || this.pixels.length !== columns * rows * 4) {
      this.columns = columns;
      this.pixels = new Uint8ClampedArray(columns * rows * 4);
    }
    if (!patch) return;
    for (let y = 0; y < patch.height; y++)
      this.pixels.set(
        patch.pixels.subarray(y * patch.width * 4, (y + 1) * patch.width * 4),
        ((patch.y + y) * columns + patch.x) * 4,
      );
  }
}

/** How many RGBA pixels differ (toEqual over 36 KB arrays takes seconds). */
function pixelsDiffering(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) return Infinity;
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length / 4);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
  return n;
}

const dogAt = (dx: number, dy: number) =>
  SCENE_OBJECTS.map((o, i) =>
    i === 1 ? { ...o, box: { x0: o.box.x0 + dx, y0: o.box.y0 + dy, x1: o.box.x1 + dx, y1: o.box.y1 + dy } } : o,
  );

describe("LiveCellPixels", () => {
  it("canvases patched with each update's changed rectangle show the from-scratch pictures, through a drag, a new level and loss", () => {
    const live = new LiveDetector(setup);
    const pixels = new LiveCellPixels(setup.anchors);
    const labels = new FakeCanvas();
    const loss = new FakeCanvas();
    const steps: { objects: typeof SCENE_OBJECTS; level: LevelView; kind: LossKind; gamma: number }[] = [
      { objects: SCENE_OBJECTS, level: "all", kind: "focal", gamma: 2 },
      { objects: dogAt(-16, 0), level: "all", kind: "focal", gamma: 2 },
      { objects: dogAt(-40, 8), level: "all", kind: "focal", gamma: 2 },
      { objects: dogAt(-40, 8), level: 0, kind: "focal", gamma: 2 },
      { objects: dogAt(-64, 24), level: 0, kind: "focal", gamma: 2 },
      { objects: dogAt(-64, 24), level: 0, kind: "ce", gamma: 2 },
      { objects: dogAt(-30, 40), level: 0, kind: "ce", gamma: 1 },
      { objects: dogAt(-30, 40), level: "all", kind: "focal", gamma: 1 },
    ];
    let partial = 0;
    for (const { objects, level, kind, gamma } of steps) {
      const patches = pixels.update(level, kind, live.update(objects, 0.25, gamma));
      labels.put(patches.labels);
      loss.put(patches.loss);
      const grid = cellGrid(setup.anchors, level);
      const whole = grid.columns * grid.rows;
      if (patches.labels.patch && patches.labels.patch.width * patches.labels.patch.height < whole) partial++;
      const want = detectorView(setup, objects, 0.25, gamma);
      expect(pixelsDiffering(labels.pixels, labelPixels(grid, cellLabels(grid, want.assignment)))).toBe(0);
      expect(pixelsDiffering(loss.pixels, lossPixels(grid, cellSums(grid, want.maps[kind].perAnchor)))).toBe(0);
    }
    // The drag steps send a part of the labels picture, not all of it.
    expect(partial).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
