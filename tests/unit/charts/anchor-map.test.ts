import { describe, expect, it } from "vitest";
import { LABEL_COLOURS, labelPixels, lossColour, lossPixels, lossRampPosition, overlayMarkup } from "../../../src/charts/anchor-map";
import { CELL_LABEL, type CellGrid } from "../../../src/lib/detector/cells";

const grid: CellGrid = { columns: 2, rows: 1, cellSize: 8, cellOf: new Int32Array(0) };

describe("anchor map colours", () => {
  it("puts 10⁻⁶ at the bottom of the ramp, 10⁻² at the top, 10⁻⁴ halfway, on a log scale; nothing for no loss", () => {
    expect(lossRampPosition(1e-6)).toBe(0);
    expect(lossRampPosition(1e-2)).toBe(1);
    expect(lossRampPosition(1e-4)).toBeCloseTo(0.5, 12);
    expect(lossRampPosition(0.5)).toBe(1);
    expect(lossRampPosition(0)).toBe(-1);
    expect(lossColour(0)[3]).toBe(0);
    expect(lossColour(1e-2)[3]).toBeGreaterThan(lossColour(1e-5)[3]);
  });

  it("paints one RGBA pixel per cell: labels by their colour, loss by each cell's share of the total", () => {
    expect([...labelPixels(grid, new Uint8Array([CELL_LABEL.foreground, CELL_LABEL.ignored]))]).toEqual([...LABEL_COLOURS[CELL_LABEL.foreground]!, ...LABEL_COLOURS[CELL_LABEL.ignored]!]);
    const px = lossPixels(grid, new Float64Array([0.99, 0.01]));
    expect([...px.slice(0, 4)]).toEqual([...lossColour(0.99)]);
    expect([...px.slice(4)]).toEqual([...lossColour(0.01)]);
    expect([...lossPixels(grid, new Float64Array([0, 0]))].every((v) => v === 0)).toBe(true);
  });
});

describe("overlayMarkup", () => {
  it("draws each box with an escaped label, focusable only in the live figure", () => {
    const o = { idPrefix: "t", width: 100, height: 100, cellSize: 8, anchors: [], boxes: [{ box: { x0: 1, y0: 2, x1: 30, y1: 40 }, name: "<dog>" }], selected: 0 };
    const live = overlayMarkup({ ...o, interactive: true });
    expect(live).toContain('tabindex="0"');
    expect(live).toContain("&lt;dog&gt;, 29 by 38 pixels at (1, 2)");
    expect(live).toContain("data-handle");
    const still = overlayMarkup({ ...o, interactive: false });
    expect(still).not.toContain("tabindex");
    expect(still).not.toContain("<dog>");
  });
});
