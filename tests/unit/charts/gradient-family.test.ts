import { describe, expect, it } from "vitest";
import { scaleLinear } from "d3-scale";
import { GRADIENT_FRAME, gradientFamilyScene } from "../../../src/charts/gradient-family";
import { gradientCurves, GRADIENT_GAMMAS } from "../../../src/lib/detector/gradient-curves";
import type { SvgNode } from "../../../src/charts/scene";
import { attrsOf, badValues, nodeAt, snapshotSvg, subpaths } from "./svg-paths";

/** Appendix B, for y = 1: dFL/dx_t = (1 − p)^γ (γ p log p + p − 1) with p = σ(x_t); γ = 0 is CE's p − 1. */
function appendixB(xt: number, gamma: number): number {
  const p = 1 / (1 + Math.exp(-xt));
  return (1 - p) ** gamma * (gamma * p * Math.log(p) + p - 1);
}

const { width, height, margin } = GRADIENT_FRAME;
const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };

/** An axis's ticks as (value its label says, pixel it stands at). */
function ticksOf(scene: SvgNode, axis: "x-axis" | "y-axis"): Array<[number, number]> {
  return nodeAt(scene, "g", axis)
    .children!.filter((n) => n.attrs?.class === "tick")
    .map((t) => {
      const [, tx, ty] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(String(t.attrs!.transform))!;
      const value = Number(nodeAt(t, "text", "label").text!.replace("−", "-"));
      return [value, Number(axis === "x-axis" ? tx : ty)];
    });
}

/**
 * The largest distance, in pixels, from a path's vertices to the function it
 * should draw. The path is printed to 0.1 px, so a vertex may be 0.05 px off
 * in x and in y; the x error counts as the curve's rise over that step.
 */
function worstError(
  d: string,
  fn: (x: number) => number,
  x: ReturnType<typeof scaleLinear<number, number>>,
  y: ReturnType<typeof scaleLinear<number, number>>,
): { worst: number; vertices: number } {
  let worst = 0;
  const vertices = subpaths(d).flat();
  for (const [px, py] of vertices) {
    const xv = x.invert(px);
    const step = Math.abs(x.invert(px + 0.05) - xv);
    const rise = Math.max(Math.abs(y(fn(xv + step)) - y(fn(xv))), Math.abs(y(fn(xv - step)) - y(fn(xv))));
    worst = Math.max(worst, Math.abs(y(fn(xv)) - py) - rise);
  }
  return { worst, vertices: vertices.length };
}

/** The scale the tick labels claim, from the first and last tick. */
function scaleFromTicks(ticks: Array<[number, number]>) {
  const [a, b] = [ticks[0]!, ticks.at(-1)!];
  return scaleLinear().domain([a[0], b[0]]).range([a[1], b[1]]);
}

describe("gradientFamilyScene", () => {
  const scene = gradientFamilyScene(gradientCurves());

  it("draws one curve per γ, named, that follows Appendix B's derivative where the tick labels say", () => {
    const marks = nodeAt(scene, "g", "marks").children!;
    expect(marks.map((m) => nodeAt(m, "title", "title").text)).toEqual([
      "CE (γ = 0)",
      "FL, γ = 0.5",
      "FL, γ = 1",
      "FL, γ = 2",
      "FL, γ = 5",
    ]);
    const x = scaleFromTicks(ticksOf(scene, "x-axis"));
    const y = scaleFromTicks(ticksOf(scene, "y-axis"));
    // Every tick sits where the scale through the end ticks puts it: the labels are a consistent linear axis.
    for (const [v, p] of [...ticksOf(scene, "y-axis")]) expect(y(v)).toBeCloseTo(p, 1);
    GRADIENT_GAMMAS.forEach((gamma, i) => {
      const { worst, vertices } = worstError(String(marks[i]!.attrs!.d), (xt) => appendixB(xt, gamma), x, y);
      expect(vertices).toBe(161);
      // 0.05 px of printing, and the ticks' own 0.005 px.
      expect(worst).toBeLessThan(0.06);
    });
  });

  it("spans x_t from −10 to 10 and fits the deepest dip (below −1 for moderate γ) inside the plot", () => {
    const xTicks = ticksOf(scene, "x-axis");
    expect([xTicks[0], xTicks.at(-1)]).toEqual([
      [-10, plot.left],
      [10, plot.right],
    ]);
    const y = scaleFromTicks(ticksOf(scene, "y-axis"));
    const deepest = Math.min(
      ...GRADIENT_GAMMAS.flatMap((g) => Array.from({ length: 2001 }, (_, k) => appendixB(-10 + k / 100, g))),
    );
    expect(deepest).toBeLessThan(-1);
    expect(y(deepest)).toBeLessThanOrEqual(plot.bottom);
    expect(y(0)).toBeGreaterThanOrEqual(plot.top);
    // The x_t = 0 line.
    expect(Number(attrsOf(scene, "line", "zero").x1)).toBeCloseTo((plot.left + plot.right) / 2, 1);
  });

  it("has a legend entry per curve in the curve's own class, and a text alternative naming every γ", () => {
    const legend = nodeAt(scene, "g", "legend").children!;
    const marks = nodeAt(scene, "g", "marks").children!;
    expect(legend.map((g) => nodeAt(g, "text", "label").text)).toEqual(
      marks.map((m) => nodeAt(m, "title", "title").text),
    );
    expect(legend.map((g) => String(g.attrs!.class).replace("legend-item ", "series "))).toEqual(
      marks.map((m) => m.attrs!.class),
    );
    expect(scene.attrs!.role).toBe("img");
    expect(scene.attrs!["aria-label"]).toContain("γ = 0, 0.5, 1, 2, 5");
    expect(nodeAt(scene, "text", "title", "y-axis").text).toBe("d loss / d xₜ");
    expect(badValues(scene)).toEqual([]);
  });

  it("matches its committed SVG", async () => {
    await expect(snapshotSvg(scene)).toMatchFileSnapshot("./__snapshots__/gradient-family.svg");
  });
});
