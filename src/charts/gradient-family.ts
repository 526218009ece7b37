/**
 * The Appendix B derivatives against x_t, one curve per γ (after the paper's
 * Figure 6): for x_t > 0 every γ > 0 flattens towards 0 long before CE does.
 */
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { CurvePoint } from "../lib/math/loss";
import type { GradientCurve } from "../lib/detector/gradient-curves";
import { gammaClass as gammaKey } from "./loss-cdf";
import { axesMarkup, esc, layersMarkup, px, type Frame } from "./svg-markup";

export const GRADIENT_FRAME: Frame = { width: 560, height: 300, margin: { top: 14, right: 14, bottom: 40, left: 52 } };

export function gradientFamilySvg(curves: readonly GradientCurve[], frame: Frame = GRADIENT_FRAME): string {
  const { width, height, margin } = frame;
  const x = scaleLinear().domain([-10, 10]).range([margin.left, width - margin.right]);
  // Focal loss's derivative dips below −1 for moderate γ (the paper's Figure 6 runs to −1.2): fit the lowest point.
  const lowest = Math.min(-1, ...curves.flatMap((c) => c.points.map((p) => p.y)));
  const y = scaleLinear().domain([Math.floor(lowest * 10 - 0.5) / 10, 0.05]).range([height - margin.bottom, margin.top]);
  const path = line<CurvePoint>().x((p) => x(p.x)).y((p) => y(p.y)).digits(1);
  const marks = curves.map((c) => `<path class="series ${gammaKey(c.gamma)}" d="${path(c.points) ?? ""}"><title>${c.gamma === 0 ? "CE (γ = 0)" : `FL, γ = ${c.gamma}`}</title></path>`).join("");
  const legend = curves.map((c, i) => {
    // Lower right: every curve is near 0 there, so the legend hides nothing.
    const ly = y(-0.45) + i * 17;
    const lx = width - margin.right - 130;
    return `<g class="legend-item ${gammaKey(c.gamma)}"><line class="series" x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}"/><text x="${lx + 28}" y="${ly}" dy="0.32em">${esc(c.gamma === 0 ? "CE (γ = 0)" : `FL, γ = ${c.gamma}`)}</text></g>`;
  }).join("");
  const zero = `<line class="zero" x1="${px(x(0))}" x2="${px(x(0))}" y1="${margin.top}" y2="${height - margin.bottom}"/>`;
  const axes = axesMarkup(x, y, frame, { xLabel: "x_t = y·x (logit towards the true class)", yLabel: "d loss / d x_t", xTicks: 10, yTicks: 5 });
  return `<svg class="detector-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Derivative of CE and of focal loss for γ = ${curves.map((c) => c.gamma).join(", ")} against x_t from −10 to 10; the table below has the values.">${layersMarkup({ axesKey: "gradient", axes: axes + zero, marks: marks + legend })}</svg>`;
}
