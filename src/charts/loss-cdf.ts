/**
 * The cumulative distribution of the normalised loss (the idea of the paper's
 * Figure 4): examples sorted from the smallest loss up, against the share of
 * the total loss they carry, one curve per γ.
 */
import { line } from "d3-shape";
import type { CdfPoint } from "../lib/math/metrics";
import type { CdfSeries } from "../lib/views/lab-view";
import { linearScale } from "./plot-scale";
import { LAB_FRAME, labAxes, labChart, plotRanges, type Frame } from "./lab-frame";
import { applyScene, node, staticNode, type SvgNode } from "./scene";

/** CSS class of the curve colour for a γ, matching the site's curve family. */
export function gammaClass(gamma: number): string {
  return `gamma-${String(gamma).replace(".", "")}`;
}

/**
 * The CDFs' frame, in the lab and the detector chapter: the lab's, with room on
 * the right for the last tick label, "100%", centred on the plot's right edge
 * (the lab's 12-unit margin clipped half of it).
 */
export const LOSS_CDF_FRAME: Frame = { ...LAB_FRAME, margin: { ...LAB_FRAME.margin, right: 22 } };

export function lossCdfScene(series: readonly CdfSeries[], label: string, frame: Frame = LOSS_CDF_FRAME): SvgNode {
  const { width, height, margin } = frame;
  const ranges = plotRanges(frame);
  const x = linearScale([0, 1], ranges.x);
  const y = linearScale([0, 1], ranges.y);
  const path = line<CdfPoint>()
    .x((p) => x(p.fraction))
    .y((p) => y(p.cumulative))
    .digits(1);
  const axes = staticNode(
    `loss-cdf|${width}x${height}|${margin.top},${margin.right},${margin.bottom},${margin.left}|${label}`,
    () => {
      const ticks = x.ticks(5);
      const pct = ticks.map((v) => `${Math.round(v * 100)}%`);
      // Both axes start at 0%: the y axis's label names the origin, and an x label under it would touch it.
      const xLabels = pct.map((text, i) => (ticks[i] === 0 ? "" : text));
      return node("g", "frame", {}, [
        labAxes(x, y, frame, {
          x: { ticks, labels: xLabels, title: `fraction of ${label}` },
          y: { ticks, labels: pct, title: "share of their loss" },
        }),
        node("text", "panel-label", { class: "panel-label", x: margin.left + 6, y: margin.top + 12 }, label),
      ]);
    },
  );
  const marks = series
    .filter((s) => s.points.length > 0)
    .map((s) =>
      node(
        "path",
        s.reader ? "reader" : `g${s.gamma}`,
        {
          class: s.reader ? "series is-reader" : `series ${gammaClass(s.gamma)}`,
          "data-gamma": s.gamma,
          d: path(s.points as CdfPoint[]) ?? "",
        },
        [node("title", "title", {}, s.reader ? `your γ = ${s.gamma}` : `γ = ${s.gamma}`)],
      ),
    );
  return labChart(`loss-cdf-${label}`, frame, [axes, node("g", "marks", { class: "marks" }, marks)]);
}

export function renderLossCdf(
  svg: SVGSVGElement,
  series: readonly CdfSeries[],
  label: string,
  frame: Frame = LOSS_CDF_FRAME,
): void {
  applyScene(svg, lossCdfScene(series, label, frame));
}
