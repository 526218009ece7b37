import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  HANDLE_SIZE,
  LABEL_COLOURS,
  labelPixels,
  lossColour,
  LOSS_RAMP,
  lossPixels,
  lossPixelsFromLogs,
  lossRampPosition,
  RAMP_STEPS,
  overlayScene,
  type OverlayOptions,
} from "../../../src/charts/anchor-map";
import { sceneToMarkup } from "../../../src/charts/scene";
import { CELL_LABEL, type CellGrid } from "../../../src/lib/detector/cells";
import { allNodes, attrsOf, badValues, find, nodeAt, snapshotSvg } from "./svg-paths";

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
    expect([...labelPixels(grid, new Uint8Array([CELL_LABEL.foreground, CELL_LABEL.ignored]))]).toEqual([
      ...LABEL_COLOURS[CELL_LABEL.foreground]!,
      ...LABEL_COLOURS[CELL_LABEL.ignored]!,
    ]);
    const px = lossPixels(grid, new Float64Array([0.99, 0.01]));
    expect([...px.slice(0, 4)]).toEqual([...lossColour(0.99)]);
    expect([...px.slice(4)]).toEqual([...lossColour(0.01)]);
    expect([...lossPixels(grid, new Float64Array([0, 0]))].every((v) => v === 0)).toBe(true);
  });

  it("has the ramp's stops at 10⁻⁶, 10⁻⁴ and 10⁻², and moves no channel by more than 1 between neighbouring steps", () => {
    expect(lossColour(1e-6)).toEqual(LOSS_RAMP[0]);
    expect(lossColour(1e-4)).toEqual(LOSS_RAMP[1]);
    expect(lossColour(1e-2)).toEqual(LOSS_RAMP[2]);
    const step = (s: number) => lossColour(10 ** (-6 + (4 * s) / (RAMP_STEPS - 1)));
    for (let s = 1; s < RAMP_STEPS; s++) {
      const [a, b] = [step(s - 1), step(s)];
      for (let k = 0; k < 4; k++) expect(Math.abs(a[k]! - b[k]!)).toBeLessThanOrEqual(1);
    }
  });

  const cellsGrid = (n: number): CellGrid => ({ columns: n, rows: 1, cellSize: 8, cellOf: new Int32Array(0) });
  const share = fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1, noNaN: true }));

  it("paints the loss from log10 of the sums and their total exactly as from the sums (the live path and the build's)", () => {
    fc.assert(
      fc.property(fc.array(share, { minLength: 1, maxLength: 40 }), (values) => {
        const sums = Float64Array.from(values);
        const total = sums.reduce((a, b) => a + b, 0);
        const g = cellsGrid(sums.length);
        expect([...lossPixelsFromLogs(g, sums.map(Math.log10), total)]).toEqual([...lossPixels(g, sums)]);
      }),
    );
  });

  it("repaints only the listed cells of the labels into the last frame's pixels, giving the whole new picture", () => {
    const label = fc.constantFrom(...Object.values(CELL_LABEL));
    fc.assert(
      fc.property(fc.array(fc.tuple(label, label), { minLength: 1, maxLength: 40 }), (pairs) => {
        const g = cellsGrid(pairs.length);
        const before = Uint8Array.from(pairs, (p) => p[0]);
        const after = Uint8Array.from(pairs, (p) => p[1]);
        const changed = [...after.keys()].filter((c) => before[c] !== after[c]);
        const buffer = labelPixels(g, before);
        expect([...labelPixels(g, after, buffer, changed)]).toEqual([...labelPixels(g, after)]);
      }),
    );
  });
});

describe("overlayScene", () => {
  const options: Omit<OverlayOptions, "interactive"> = {
    idPrefix: "t-labels",
    width: 896,
    height: 640,
    cellSize: 16,
    anchors: [
      { x0: 10, y0: 20, x1: 74, y1: 84 },
      { x0: 0, y0: 30, x1: 90.44, y1: 75.26 },
    ],
    boxes: [
      { box: { x0: 1, y0: 2, x1: 30, y1: 40 }, name: "<dog>" },
      { box: { x0: 400.26, y0: 300, x1: 520.5, y1: 380.04 }, name: "car" },
    ],
    selected: 1,
    ohem: [
      { box: { x0: 0, y0: 0, x1: 32, y1: 32 }, positive: true },
      { box: { x0: 600, y0: 500, x1: 664, y1: 564 }, positive: false },
    ],
  };
  const live = overlayScene({ ...options, interactive: true });
  const still = overlayScene({ ...options, interactive: false });
  const boxesOf = (scene: ReturnType<typeof overlayScene>) => nodeAt(scene, "g", "boxes").children!;

  it("makes each box of the live figure a focusable, named button; the build-time boxes are not focusable", () => {
    expect(boxesOf(live).map((g) => attrsOf(g, "g", g.key))).toEqual([
      {
        class: "gt-box",
        "data-box": "0",
        tabindex: "0",
        role: "button",
        "aria-roledescription": "movable box",
        "aria-label": "<dog>, 29 by 38 pixels at (1, 2)",
      },
      // Rounded to whole pixels for the ear: 120.24 wide, 80.04 high, at (400.26, 300).
      {
        class: "gt-box is-selected",
        "data-box": "1",
        tabindex: "0",
        role: "button",
        "aria-roledescription": "movable box",
        "aria-label": "car, 120 by 80 pixels at (400, 300)",
      },
    ]);
    for (const g of boxesOf(still)) {
      expect(Object.keys(attrsOf(g, "g", g.key)).sort()).toEqual(["class", "data-box"]);
      expect(find(g, (n) => n.key === "handle")).toBeUndefined();
    }
  });

  it("draws each box's outline where it is, its name just above it, and a resize square centred on its bottom-right corner", () => {
    const [dog, car] = boxesOf(live);
    expect(attrsOf(dog!, "rect", "rect")).toEqual({ class: "gt-rect", x: "1", y: "2", width: "29", height: "38" });
    expect(attrsOf(car!, "rect", "rect")).toEqual({
      class: "gt-rect",
      x: "400.3",
      y: "300",
      width: "120.2",
      height: "80",
    });
    // A box at the top edge keeps its label inside the picture (baseline at 14 px at least).
    expect(attrsOf(dog!, "text", "label")).toMatchObject({ x: "5", y: "14" });
    expect(attrsOf(car!, "text", "label")).toMatchObject({ x: "404.3", y: "295" });
    expect(nodeAt(dog!, "text", "label").text).toBe("<dog>");
    const handle = attrsOf(car!, "rect", "handle");
    expect(Number(handle.x) + Number(handle.width) / 2).toBeCloseTo(520.5, 1);
    expect(Number(handle.y) + Number(handle.height) / 2).toBeCloseTo(380.04, 1);
    expect([Number(handle.width), Number(handle.height)]).toEqual([HANDLE_SIZE, HANDLE_SIZE]);
    expect(handle["data-handle"]).toBe("1");
  });

  it("fills the picture with a grid pattern of the level's cell size, under a page-unique id", () => {
    expect(attrsOf(live, "pattern", "pattern")).toEqual({
      id: "t-labels-grid",
      width: "16",
      height: "16",
      patternUnits: "userSpaceOnUse",
    });
    expect(attrsOf(live, "path", "line", "pattern").d).toBe("M16 0V16H0");
    expect(attrsOf(live, "rect", "cells")).toEqual({
      class: "cell-grid",
      width: "896",
      height: "640",
      fill: "url(#t-labels-grid)",
    });
    // Another level, another grid: a cached node must not outlive the cell size it was drawn for.
    expect(attrsOf(overlayScene({ ...options, cellSize: 8, interactive: true }), "pattern", "pattern").width).toBe("8");
  });

  it("outlines OHEM's minibatch, positives apart, and the anchors of one location", () => {
    expect(nodeAt(live, "g", "ohem").children!.map((r) => r.attrs!.class)).toEqual([
      "ohem-kept is-positive",
      "ohem-kept",
    ]);
    expect(
      nodeAt(live, "g", "anchors").children!.map((r) => [r.attrs!.class, r.attrs!.width, r.attrs!.height]),
    ).toEqual([
      ["anchor-shape", "64", "64"],
      ["anchor-shape", "90.4", "45.3"],
    ]);
    expect(
      nodeAt(overlayScene({ ...options, ohem: undefined, anchors: [], interactive: true }), "g", "ohem").children,
    ).toEqual([]);
    expect(badValues(live)).toEqual([]);
  });

  it("keys every node uniquely among its siblings, so the browser's join updates each box in place", () => {
    for (const n of allNodes(live)) {
      const keys = (n.children ?? []).map((c) => `${c.tag}:${c.key}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("prints escaped text, and matches its committed SVG", async () => {
    const markup = sceneToMarkup(live);
    expect(markup).toContain('aria-label="&lt;dog&gt;, 29 by 38 pixels at (1, 2)"');
    expect(markup).not.toContain("<dog>");
    await expect(snapshotSvg(live)).toMatchFileSnapshot("./__snapshots__/anchor-map-overlay.svg");
  });
});
