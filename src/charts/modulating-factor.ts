/**
 * The modulating factor (1 − p_t)^γ against p_t for γ = 0, 0.5, 1, 2, 5 and
 * the reader's γ: the one term focal loss adds to cross-entropy.
 */
import { linearScale } from "./plot-scale";
import type { Curve } from "../lib/views/figure-data";
import { bottomAxis, leftAxis } from "./axes";
import { readoutValue, shortNumber } from "../lib/text/format";
import { FIGURE1_GAMMAS } from "../lib/math/loss";
import {
  crosshair,
  curveClass,
  curvePolylines,
  curveLabel,
  curvePath,
  curvesInDrawingOrder,
  keyBelow,
  legend,
  referenceKeySpec,
  type Box,
  type KeyBelow,
  type LiveMarks,
  type Scale,
} from "./line-marks";
import { applyScene, node, sceneToMarkup, type SvgNode } from "./scene";

export interface ModulatingFactorOptions {
  width: number;
  height: number;
  /** p_t of the crosshair, or null for none */
  crosshair?: number | null;
}

/**
 * Below this width (chart units) the curves, from γ = 0 along the top to γ = 5 hugging the axes, leave
 * no corner of the plot clear for every γ, with the crosshair's values in the legend (without them 780
 * would do), so the legend goes below the plot (tests/unit/charts/legend-off-the-curves.test.ts checks
 * the sizes either side).
 */
const KEY_BELOW_UNDER = 1100;
const MIN_PLOT_HEIGHT = 24;

/** The space under the plot for its tick labels and the x-axis title. */
const X_AXIS_SPACE = 50;

export function modulatingFactorLayout({ width, height }: Pick<ModulatingFactorOptions, "width" | "height">): {
  box: Box;
  x: Scale;
  y: Scale;
  key: KeyBelow | null;
} {
  const narrow = width < 480;
  // The factor does not involve α: the reader's label never shows one.
  const spec = referenceKeySpec("pₜ = 0.000", FIGURE1_GAMMAS, false);
  const keyHeight = width < KEY_BELOW_UNDER ? keyBelow(spec, 4, width - 4, 0).height : 0;
  // A frame squeezed below the key's room still gets a plot (drawn past the frame, never a negative box).
  const bottom = Math.max(10 + MIN_PLOT_HEIGHT, height - X_AXIS_SPACE - keyHeight);
  const box: Box = { left: narrow ? 48 : 56, top: 10, right: width - (narrow ? 10 : 16), bottom };
  return {
    box,
    key: keyHeight > 0 ? keyBelow(spec, 4, width - 4, bottom + X_AXIS_SPACE - 2) : null,
    x: linearScale([0, 1], [box.left, box.right]),
    // A little headroom above 1, so the γ = 0 line (the factor is 1 everywhere) is not drawn on the frame.
    y: linearScale([0, 1.05], [box.bottom, box.top]),
  };
}

export function modulatingFactorScene(curves: Curve[], options: ModulatingFactorOptions): SvgNode {
  const { width, height } = options;
  const { box, x, y, key } = modulatingFactorLayout(options);
  const at = options.crosshair ?? null;
  const reader = curves.find((c) => c.reader);
  const marks: SvgNode[] = [
    node("title", "title", {}, "The modulating factor (1 − pₜ)^γ against the probability of the ground-truth class"),
    node(
      "desc",
      "desc",
      {},
      `The factor by which focal loss scales cross-entropy, for γ = ${curves
        .filter((c) => !c.reader)
        .map((c) => shortNumber(c.gamma))
        .join(", ")}` +
        (reader ? ` and the chosen γ = ${shortNumber(reader.gamma)}` : "") +
        ". It is 1 at pₜ = 0 and falls to 0 at pₜ = 1, faster for larger γ.",
    ),
    node("rect", "band", { class: "band", x: x(0.5), y: box.top, width: x(1) - x(0.5), height: box.bottom - box.top }),
    leftAxis(y as never, box.left, {
      key: "y-axis",
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
      gridTo: box.right,
      title: "modulating factor",
      titleOffset: box.left - 12,
    }),
    bottomAxis(x as never, box.bottom, {
      key: "x-axis",
      ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
      title: "probability of ground truth class",
    }),
    node(
      "g",
      "curves",
      { class: "curves" },
      curvesInDrawingOrder(curves, true).map((c) =>
        node("path", c.key, { class: `curve ${curveClass(c)}`, d: curvePath(c, x, y, box) }),
      ),
    ),
  ];
  if (at !== null) marks.push(crosshair(curves, at, x, y, box));
  const rows = curves.map((c) => ({
    curve: c,
    label: curveLabel(c),
    value: at === null ? undefined : readoutValue(c.at(at)),
  }));
  // Bottom left is the corner the curves leave empty on a wide chart (each starts at 1); narrower charts set
  // the legend below the plot (see modulatingFactorLayout).
  marks.push(
    legend(rows, box, at === null ? null : `pₜ = ${readoutValue(at)}`, {
      anchors: ["bottom-left"],
      avoid: curvePolylines(curves, x, y, box),
      below: key,
    }),
  );
  return node(
    "svg",
    "modulating-factor",
    { class: "chart modulating-factor-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img" },
    marks,
  );
}

/** What a drag moves, for the live figure's canvas: the reader's curve (null with a crosshair, as in focalCurvesLiveMarks). */
export function modulatingFactorLiveMarks(curves: Curve[], options: ModulatingFactorOptions): LiveMarks | null {
  const reader = curves.find((c) => c.reader);
  if (!reader || (options.crosshair ?? null) !== null) return null;
  const { box, x, y } = modulatingFactorLayout(options);
  return { paths: [{ d: curvePath(reader, x, y, box), like: ".curve.is-reader" }], hide: ".curve.is-reader" };
}

export function renderModulatingFactor(target: SVGSVGElement, curves: Curve[], options: ModulatingFactorOptions): void {
  applyScene(target, modulatingFactorScene(curves, options));
}

export function modulatingFactorMarkup(curves: Curve[], options: ModulatingFactorOptions): string {
  return sceneToMarkup(modulatingFactorScene(curves, options));
}
