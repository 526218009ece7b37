import { describe, expect, it } from "vitest";
import { focalCurvesData } from "../../../src/lib/views/figure-data";
import { focalLossOfPt } from "../../../src/lib/math/loss";
import { focalCurvesLayout, focalCurvesScene } from "../../../src/charts/focal-curves";
import { attrsOf, badValues, find, nodeAt, snapshotSvg, subpaths } from "./svg-paths";

const size = { width: 680, height: 420 };

describe("focalCurvesScene", () => {
  it.each([
    ["linear", 2, null],
    ["linear", 0.7, 0.25],
    ["log", 2, null],
    ["log", 4.3, 0.75],
  ] as const)("draws every curve where the loss module puts it (%s axis, γ = %s, α = %s)", (yScale, gamma, alpha) => {
    const curves = focalCurvesData({ gamma, alpha });
    const scene = focalCurvesScene(curves, { ...size, yScale });
    const { x, y, box } = focalCurvesLayout({ ...size, yScale });
    for (const curve of curves) {
      const parts = subpaths(attrsOf(scene, "path", curve.key, "curves").d!);
      const vertices = parts.flat();
      // Every vertex on the curve; how closely the lines between them follow it is curve-pixel-error.test.ts's.
      expect(vertices.length, curve.key).toBeGreaterThan(20);
      let compared = 0;
      for (const [px, py] of vertices) {
        expect(py).toBeGreaterThanOrEqual(box.top - 0.01);
        expect(py).toBeLessThanOrEqual(box.bottom + 0.01);
        // Vertices cut at the plot's edge lie on a chord, not on the curve.
        if (Math.abs(py - box.top) < 0.02 || Math.abs(py - box.bottom) < 0.02) continue;
        const pt = Math.min(1, Math.max(0, x.invert(px)));
        const lossPx = (p: number) => y(focalLossOfPt(Math.min(1, p), { gamma: curve.gamma, alpha: curve.alpha }));
        // Paths are printed to 0.01 px: allow that in y, plus what 0.02 px of x does on a steep curve.
        const slack = 0.02 + Math.abs(lossPx(pt + 0.02 / (x(1) - x(0))) - lossPx(pt));
        expect(Math.abs(lossPx(pt) - py), `${curve.key} at p_t=${pt}`).toBeLessThan(slack);
        compared++;
      }
      expect(compared, curve.key).toBeGreaterThan(10);
    }
  });

  it("has the paper's axes: p_t from 0 to 1, loss from 0 to 5, with their titles", () => {
    const scene = focalCurvesScene(focalCurvesData({ gamma: 2, alpha: null }), { ...size, yScale: "linear" });
    const tickLabels = (axis: string) =>
      nodeAt(scene, "g", axis)
        .children!.filter((n) => n.attrs?.class === "tick")
        .map((t) => nodeAt(t, "text", "label").text);
    expect(tickLabels("y-axis")).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(tickLabels("x-axis")).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
    expect(nodeAt(scene, "text", "title", "x-axis").text).toBe("probability of ground truth class");
    expect(nodeAt(scene, "text", "title", "y-axis").text).toBe("loss");
    // The y ticks sit where the scale puts 0…5.
    const { y } = focalCurvesLayout({ ...size, yScale: "linear" });
    expect(attrsOf(scene, "g", "t5", "y-axis").transform).toBe(`translate(56,${y(5).toFixed(2)})`);
  });

  it("shades the well-classified band from p_t = 0.5 to 1 and labels it", () => {
    const scene = focalCurvesScene(focalCurvesData({ gamma: 2, alpha: null }), { ...size, yScale: "linear" });
    const { x } = focalCurvesLayout({ ...size, yScale: "linear" });
    const band = attrsOf(scene, "rect", "band");
    expect(Number(band.x)).toBeCloseTo(x(0.5), 1);
    expect(Number(band.x) + Number(band.width)).toBeCloseTo(x(1), 1);
    expect(nodeAt(scene, "text", "band-label").text).toBe("well-classified examples");
  });

  it("names every curve in the legend, the reader's with its γ and α", () => {
    const scene = focalCurvesScene(focalCurvesData({ gamma: 1.5, alpha: 0.25 }), { ...size, yScale: "linear" });
    const legend = nodeAt(scene, "g", "legend");
    const labels = legend.children!.filter((n) => n.tag === "g").map((row) => nodeAt(row, "text", "label").text);
    expect(labels).toEqual(["γ = 0", "γ = 0.5", "γ = 1", "γ = 2", "γ = 5", "yours: γ = 1.5, α = 0.25"]);
  });

  it("makes the legend wide enough that the reader's long label ends before its value starts", () => {
    // The worst case seen in a screenshot: α on, and a tiny value in scientific notation at the crosshair.
    const scene = focalCurvesScene(focalCurvesData({ gamma: 3.4, alpha: 0.25 }), {
      ...size,
      yScale: "linear",
      crosshair: 0.8,
    });
    const legendNode = scene.children!.find((n) => n.key === "legend")!;
    const width = Number(legendNode.children!.find((n) => n.key === "bg")!.attrs!.width);
    const row = legendNode.children!.find((n) => n.key === "reader")!;
    const label = row.children!.find((n) => n.key === "label")!;
    const value = row.children!.find((n) => n.key === "value")!;
    expect(label.text).toBe("yours: γ = 3.4, α = 0.25");
    expect(value.text).toMatch(/×/);
    // At 12 px, a character of the UI face is at most about 7 px wide (bold); the value is right-aligned at its x.
    const labelEnd = Number(label.attrs!.x) + label.text!.length * 7;
    const valueStart = Number(value.attrs!.x) - value.text!.length * 6.6;
    expect(labelEnd).toBeLessThan(valueStart);
    expect(Number(value.attrs!.x)).toBeLessThan(width);
  });

  it("reads out every curve at the crosshair with the module's values, and puts a dot on each visible curve", () => {
    const curves = focalCurvesData({ gamma: 3, alpha: null });
    const scene = focalCurvesScene(curves, { ...size, yScale: "linear", crosshair: 0.3 });
    expect(nodeAt(scene, "text", "header", "legend").text).toBe("pₜ = 0.300");
    // γ = 0 at p_t = 0.3 is −ln 0.3 = 1.204; γ = 3 is 0.7³ · 1.204 = 0.413.
    expect(nodeAt(nodeAt(scene, "g", "legend"), "text", "value", "g0").text).toBe("1.204");
    expect(nodeAt(nodeAt(scene, "g", "legend"), "text", "value", "reader").text).toBe("0.413");
    const { y } = focalCurvesLayout({ ...size, yScale: "linear" });
    const dot = attrsOf(scene, "circle", "g2", "crosshair");
    expect(Number(dot.cy)).toBeCloseTo(y(focalLossOfPt(0.3, { gamma: 2, alpha: null })), 1);
  });

  it("marks the worked examples on the reader's curve when asked, and not otherwise", () => {
    const curves = focalCurvesData({ gamma: 2, alpha: null });
    const off = focalCurvesScene(curves, { ...size, yScale: "linear" });
    expect(find(off, (n) => n.key === "examples")).toBeUndefined();
    const on = focalCurvesScene(curves, { ...size, yScale: "log", examples: [0.05, 0.95] });
    const { x, y } = focalCurvesLayout({ ...size, yScale: "log" });
    const marker = attrsOf(on, "g", "e0.95", "examples");
    expect(marker.transform).toBe(
      `translate(${x(0.95).toFixed(2)},${y(focalLossOfPt(0.95, { gamma: 2, alpha: null })).toFixed(2)})`,
    );
  });

  it("is a pure function of its input: the same data gives the same scene", () => {
    const a = focalCurvesScene(focalCurvesData({ gamma: 2.5, alpha: 0.5 }), { ...size, yScale: "log", crosshair: 0.7 });
    const b = focalCurvesScene(focalCurvesData({ gamma: 2.5, alpha: 0.5 }), { ...size, yScale: "log", crosshair: 0.7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("never writes NaN, undefined or Infinity into an attribute or a label", () => {
    const scene = focalCurvesScene(focalCurvesData({ gamma: 5, alpha: 0.25 }), {
      ...size,
      yScale: "log",
      crosshair: 0.999,
      examples: [0.05, 0.95],
    });
    expect(badValues(scene)).toEqual([]);
  });

  it("prints as the committed SVG (default view, and log axis with crosshair and worked examples)", async () => {
    await expect(
      snapshotSvg(focalCurvesScene(focalCurvesData({ gamma: 2, alpha: null }), { ...size, yScale: "linear" })),
    ).toMatchFileSnapshot("./__snapshots__/focal-curves.svg");
    await expect(
      snapshotSvg(
        focalCurvesScene(focalCurvesData({ gamma: 3, alpha: 0.25 }), {
          ...size,
          yScale: "log",
          crosshair: 0.4,
          examples: [0.05, 0.95],
        }),
      ),
    ).toMatchFileSnapshot("./__snapshots__/focal-curves-log-crosshair.svg");
  });
});
