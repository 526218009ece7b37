import { describe, expect, it } from "vitest";
import { generateAnchors } from "../../../../src/lib/detector/anchors";
import { assignAnchors } from "../../../../src/lib/detector/assignment";
import { CELL_LABEL, cellGrid, cellLabels, cellSums } from "../../../../src/lib/detector/cells";

const anchors = generateAnchors({ width: 128, height: 64 });

describe("cellGrid", () => {
  it("for one level, is that level's grid with nine anchors per cell", () => {
    const g = cellGrid(anchors, 1); // P4: 8 × 4 locations
    expect([g.columns, g.rows, g.cellSize]).toEqual([8, 4, 16]);
    const perCell = new Array(32).fill(0);
    for (const c of g.cellOf) if (c >= 0) perCell[c]++;
    expect(perCell.every((n) => n === 9)).toBe(true);
  });

  it("for all levels, puts every anchor in the 8-pixel cell of its centre, so the cell sums keep the total", () => {
    const g = cellGrid(anchors, "all");
    expect([g.columns, g.rows]).toEqual([16, 8]);
    expect([...g.cellOf].every((c) => c >= 0)).toBe(true);
    const ones = new Float64Array(anchors.count).fill(1);
    expect(cellSums(g, ones).reduce((s, v) => s + v, 0)).toBe(anchors.count);
  });

  it("shows a cell as foreground when any of its anchors is", () => {
    const a = assignAnchors(anchors, [{ box: { x0: 0, y0: 0, x1: 32, y1: 32 }, classIndex: 0 }], 1);
    const labels = cellLabels(cellGrid(anchors, 0), a);
    // location (1, 1) is centred at (12, 12); its 32² anchor [−4, 28]² meets the box in 28² = 784: IoU 784 / 1264 ≈ 0.62
    expect(labels[1 * 16 + 1]).toBe(CELL_LABEL.foreground);
    expect(labels[7 * 16 + 15]).toBe(CELL_LABEL.background);
  });
});
