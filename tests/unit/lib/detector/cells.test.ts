import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateAnchors } from "../../../../src/lib/detector/anchors";
import { assignAnchors } from "../../../../src/lib/detector/assignment";
import { CELL_LABEL, cellGrid, cellLabels, cellSums, LiveCells } from "../../../../src/lib/detector/cells";

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

describe("LiveCells", () => {
  it("after a box moves, updating only the changed anchors' cells gives cellLabels and cellSums of the new state", () => {
    const objects = [{ box: { x0: 10, y0: 8, x1: 60, y1: 50 }, classIndex: 0 }];
    const moved = [{ box: { x0: 42, y0: 12, x1: 100, y1: 60 }, classIndex: 0 }];
    for (const view of ["all", 0, 1] as const) {
      const grid = cellGrid(anchors, view);
      const live = new LiveCells(grid);
      const a0 = assignAnchors(anchors, objects, 1);
      const v0 = Float64Array.from({ length: anchors.count }, (_, i) => a0.maxIou[i]! + i * 1e-3);
      live.updateLabels(a0, null);
      live.updateSums(v0, null);
      const a1 = assignAnchors(anchors, moved, 1);
      const v1 = Float64Array.from({ length: anchors.count }, (_, i) => a1.maxIou[i]! + i * 1e-3);
      // every anchor whose label or value differs, and nothing else
      const changed = [...Array(anchors.count).keys()].filter((i) => a0.label[i] !== a1.label[i] || v0[i] !== v1[i]);
      expect(changed.length).toBeLessThan(anchors.count);
      expect([...live.updateLabels(a1, changed)]).toEqual([...cellLabels(grid, a1)]);
      expect([...live.updateSums(v1, changed)]).toEqual([...cellSums(grid, v1)]);
    }
  });

  it("keeps log10 of every cell sum, and lists the cells of the changed anchors once each, over random drags", () => {
    const grid = cellGrid(anchors, "all");
    const box = fc
      .record({
        x: fc.integer({ min: -20, max: 120 }),
        y: fc.integer({ min: -20, max: 60 }),
        w: fc.integer({ min: 8, max: 90 }),
      })
      .map(({ x, y, w }) => ({ x0: x, y0: y, x1: x + w, y1: y + w * 0.7 }));
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 6 }), (boxes) => {
        const live = new LiveCells(grid);
        let a = assignAnchors(anchors, [{ box: boxes[0]!, classIndex: 0 }], 1);
        let v = Float64Array.from(a.maxIou);
        live.updateLabels(a, null);
        live.updateSums(v, null);
        for (const b of boxes.slice(1)) {
          const next = assignAnchors(anchors, [{ box: b, classIndex: 0 }], 1);
          const w = Float64Array.from(next.maxIou);
          const changed = [...Array(anchors.count).keys()].filter((i) => v[i] !== w[i] || a.label[i] !== next.label[i]);
          const cells = [...live.cellsOf(changed)];
          expect(new Set(cells).size).toBe(cells.length);
          expect(new Set(cells)).toEqual(new Set(changed.map((i) => grid.cellOf[i]!)));
          live.updateLabels(next, changed);
          live.updateSums(w, changed);
          expect([...live.logSums]).toEqual([...cellSums(grid, w)].map(Math.log10));
          a = next;
          v = w;
        }
      }),
      { numRuns: 25 },
    );
  });
});
