/**
 * The Appendix B derivatives against x_t, one curve per γ (after the paper's
 * Figure 6): for x_t > 0 every γ > 0 flattens towards 0 long before CE does.
 */
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { CurvePoint } from "../lib/math/loss";
import type { GradientCurve } from "../lib/detector/gradient-curves";
import { bottomAxis, leftAxis } from "./axes";
import { type Frame, px } from "./lab-frame";
import { gammaClass as gammaKey } from "./loss-cdf";
import { node, type SvgNode } from "./scene";

export const GRADIENT_FRAME: Frame = { width: 560, height: 300, margin: { top: 14, right: 14, bottom: 40, left: 52 } };

const curveName = (gamma: number) => (gamma === 0 ? "CE (γ = 0)" : `FL, γ = ${gamma}`);

export function gradientFamilyScene(curves: readonly GradientCurve[], frame: Frame = GRADIENT_FRAME): SvgNode {
  const { width, height, margin } = frame;
  const bottom = height - margin.bottom;
  const x = scaleLinear()
    .domain([-10, 10])
    .range([margin.left, width - margin.right]);
  // Focal loss's derivative dips below −1 for moderate γ (the paper's Figure 6 runs to −1.2): fit the lowest point.
  const lowest = Math.min(-1, ...curves.flatMap((c) => c.points.map((p) => p.y)));
  const y = scaleLinear()
    .domain([Math.floor(lowest * 10 - 0.5) / 10, 0.05])
    .range([bottom, margin.top]);
  const path = line<CurvePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y))
    .digits(1);
  const xTicks = x.ticks(10);
  const yTicks = y.ticks(5);
  // Gridlines both ways and no tick marks; the axis lines are drawn after the gridlines, so no gridline paints over them.
  const axes = node("g", "axes", { class: "axes" }, [
    leftAxis(y, margin.left, {
      key: "y-axis",
      ticks: yTicks,
      labels: yTicks.map(y.tickFormat(5)),
      gridTo: width - margin.right,
      tickSize: 0,
      tickPadding: 5,
      domain: false,
      title: "d loss / d xₜ",
      titleOffset: margin.left - 12,
    }),
    bottomAxis(x, bottom, {
      key: "x-axis",
      ticks: xTicks,
      labels: xTicks.map(x.tickFormat(10)),
      gridTo: margin.top,
      tickSize: 0,
      tickPadding: 9,
      domain: false,
      title: "xₜ = y·x (logit towards the true class)",
      titleOffset: margin.bottom - 4,
    }),
    node("line", "x-domain", {
      class: "axis-domain",
      x1: margin.left,
      x2: width - margin.right,
      y1: bottom,
      y2: bottom,
    }),
    node("line", "y-domain", { class: "axis-domain", x1: margin.left, x2: margin.left, y1: margin.top, y2: bottom }),
  ]);
  const zero = node("line", "zero", { class: "zero", x1: px(x(0)), x2: px(x(0)), y1: margin.top, y2: bottom });
  const marks = curves.map((c) =>
    node("path", `g${c.gamma}`, { class: `series ${gammaKey(c.gamma)}`, d: path(c.points) ?? "" }, [
      node("title", "title", {}, curveName(c.gamma)),
    ]),
  );
  // Lower right: every curve is near 0 there, so the legend hides nothing.
  const lx = width - margin.right - 130;
  const legend = curves.map((c, i) => {
    const ly = y(-0.45) + i * 17;
    return node("g", `g${c.gamma}`, { class: `legend-item ${gammaKey(c.gamma)}` }, [
      node("line", "swatch", { class: "series", x1: lx, x2: lx + 22, y1: ly, y2: ly }),
      node("text", "label", { x: lx + 28, y: ly, dy: "0.32em" }, curveName(c.gamma)),
    ]);
  });
  const label = `Derivative of CE and of focal loss for γ = ${curves.map((c) => c.gamma).join(", ")} against xₜ from −10 to 10; the table below has the values.`;
  return node(
    "svg",
    "gradient-family",
    { class: "detector-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label },
    [axes, zero, node("g", "marks", { class: "marks" }, marks), node("g", "legend", { class: "legend" }, legend)],
  );
}
