/**
 * Loss and gradient in logit space, side by side (stacked on a phone): focal
 * loss and cross-entropy of a foreground example against its logit x, and
 * d loss / d x. The right panel shows what the optimiser feels: for easy
 * examples (large x) focal loss's gradient flattens to almost nothing.
 */
import { linearScale } from "./plot-scale";
import type { Curve, LogitData } from "../lib/views/figure-data";
import { bottomAxis, leftAxis } from "./axes";
import { readoutValue, shortNumber } from "../lib/text/format";
import {
  crosshair,
  curveClass,
  curvePolylines,
  curvePath,
  curvesInDrawingOrder,
  keyBelow,
  legend,
  type Box,
  type KeyBelow,
  type KeySpec,
  type LiveMarks,
  type Scale,
} from "./line-marks";
import { applyScene, node, sceneToMarkup, type SvgNode } from "./scene";

export interface LogitLossGradientOptions {
  width: number;
  height: number;
  /** logit of the crosshair, or null for none */
  crosshair?: number | null;
}

/** Logits from −6 to 6; loss up to 6.2 (CE at −6 is 6.0025); the gradient's floor covers γ ≤ 5 (about −1.31). */
export const LOGIT_DOMAINS = { x: [-6, 6], loss: [0, 6.2], gradient: [-1.4, 0.1] } as const;

export interface Panel {
  key: "loss" | "gradient";
  box: Box;
  x: Scale;
  y: Scale;
  /** the panel's legend as a key below it, or null when the legend sits inside the panel */
  legendKey: KeyBelow | null;
}

/**
 * Side by side and narrower than this (chart units), the panels are too small for a legend in a
 * corner the curves leave free for every γ and α once it reads out the crosshair's values (without
 * them 660 would do), so each legend goes below its panel
 * (tests/unit/charts/legend-off-the-curves.test.ts sweeps the sizes either side). Stacked panels are
 * full width and keep theirs inside.
 */
const KEY_BELOW_UNDER = 940;
const MIN_PLOT_HEIGHT = 24;

/** The widest key: the reader's label with the most digits, and a tiny negative gradient in scientific notation. */
const KEY_SPEC: KeySpec = {
  header: "x = −0.000",
  rows: [
    { label: "CE, α = 0.25", reader: false },
    { label: "FL, γ = 0.25, α = 0.25", reader: true },
  ],
  value: "−0.000 × 10⁻¹⁰",
};

export function logitLossGradientLayout({
  width,
  height,
}: Pick<LogitLossGradientOptions, "width" | "height">): Panel[] {
  // CSS decides the box (see charts.css); a box taller than wide means the narrow, stacked layout.
  const stacked = height > width;
  const left = 52;
  const gap = stacked ? 0 : 64;
  const panelWidth = stacked ? width - left - 12 : (width - left - gap - 12) / 2;
  // Each key spans its panel's half of the chart, from the chart's edge to the middle of the gap.
  const spans: [number, number][] = [
    [4, left + panelWidth + gap / 2],
    [left + panelWidth + gap / 2, width - 4],
  ];
  const keysBelow = !stacked && width < KEY_BELOW_UNDER;
  const keyHeight = keysBelow ? Math.max(...spans.map(([a, b]) => keyBelow(KEY_SPEC, a, b, 0).height)) : 0;
  // Stacked: panel title, panel, axis and its title (76 px, with the second panel's title), panel, axis (52 px).
  // Never a negative panel, however short the frame (it is drawn past the frame instead).
  const panelHeight = Math.max(MIN_PLOT_HEIGHT, stacked ? (height - 22 - 76 - 52) / 2 : height - 60 - 22 - keyHeight);
  const boxes: Box[] = stacked
    ? [
        { left, top: 22, right: left + panelWidth, bottom: 22 + panelHeight },
        { left, top: 22 + panelHeight + 76, right: left + panelWidth, bottom: 22 + 2 * panelHeight + 76 },
      ]
    : [
        { left, top: 22, right: left + panelWidth, bottom: 22 + panelHeight },
        { left: left + panelWidth + gap, top: 22, right: left + 2 * panelWidth + gap, bottom: 22 + panelHeight },
      ];
  return (["loss", "gradient"] as const).map((key, i) => {
    const box = boxes[i]!;
    const [a, b] = spans[i]!;
    return {
      key,
      box,
      legendKey: keysBelow ? keyBelow(KEY_SPEC, a, b, box.bottom + 48) : null,
      x: linearScale(LOGIT_DOMAINS.x, [box.left, box.right]),
      y: linearScale(LOGIT_DOMAINS[key], [box.bottom, box.top]),
    };
  });
}

/** The logit under a pixel x, from whichever panel spans it (side by side, the gap belongs to neither). */
export function logitAtPixel(panels: Panel[], px: number): number | null {
  const panel = panels.find((p) => px >= p.box.left - 4 && px <= p.box.right + 4);
  if (!panel) return null;
  const [lo, hi] = LOGIT_DOMAINS.x;
  return Math.min(hi, Math.max(lo, panel.x.invert(px)));
}

function label(curve: Curve): string {
  const alpha = curve.alpha === null ? "" : `, α = ${shortNumber(curve.alpha)}`;
  return curve.reader ? `FL, γ = ${shortNumber(curve.gamma)}${alpha}` : `CE${alpha}`;
}

function panelScene(panel: Panel, curves: Curve[], at: number | null): SvgNode {
  const { box, x, y, key, legendKey } = panel;
  const ticks = key === "loss" ? [0, 2, 4, 6] : [-1.4, -1.2, -1, -0.8, -0.6, -0.4, -0.2, 0];
  const marks: SvgNode[] = [
    node(
      "text",
      "panel-title",
      { class: "panel-title", x: box.left, y: box.top - 8 },
      key === "loss" ? "loss" : "gradient d loss / d x",
    ),
    leftAxis(y as never, box.left, { key: "y-axis", ticks, gridTo: box.right }),
    bottomAxis(x as never, box.bottom, {
      key: "x-axis",
      ticks: [-6, -4, -2, 0, 2, 4, 6],
      title: "logit x of a foreground example",
    }),
    node("line", "zero", { class: "zero-line", x1: x(0), x2: x(0), y1: box.top, y2: box.bottom }),
    node(
      "g",
      "curves",
      { class: "curves" },
      curvesInDrawingOrder(curves).map((c) =>
        node("path", c.key, { class: `curve ${curveClass(c)}`, d: curvePath(c, x, y, box) }),
      ),
    ),
  ];
  if (at !== null) marks.push(crosshair(curves, at, x, y, box));
  const rows = curves.map((c) => ({
    curve: c,
    label: label(c),
    value: at === null ? undefined : readoutValue(c.at(at)),
  }));
  // Each legend goes in the corner its curves leave empty: the loss falls to 0 on the right (top right is free),
  // the gradient rises to 0 there (bottom right is free).
  marks.push(
    legend(rows, box, at === null ? null : `x = ${readoutValue(at)}`, {
      anchors: [key === "loss" ? "top-right" : "bottom-right"],
      avoid: curvePolylines(curves, x, y, box),
      below: legendKey,
    }),
  );
  return node("g", key, { class: `panel panel-${key}` }, marks);
}

export function logitLossGradientScene(data: LogitData, options: LogitLossGradientOptions): SvgNode {
  const { width, height } = options;
  const panels = logitLossGradientLayout(options);
  const at = options.crosshair ?? null;
  const reader = data.loss.find((c) => c.reader);
  return node(
    "svg",
    "logit-loss-gradient",
    { class: "chart logit-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img" },
    [
      node("title", "title", {}, "Focal loss and cross-entropy, and their gradients, against the logit"),
      node(
        "desc",
        "desc",
        {},
        `Left: the loss of a foreground example against its logit x from −6 to 6, for cross-entropy and for focal loss with γ = ${shortNumber(reader?.gamma ?? 0)}. ` +
          "Right: the gradient of each. For large x (easy examples) focal loss's gradient is much closer to 0 than cross-entropy's.",
      ),
      panelScene(panels[0]!, data.loss, at),
      panelScene(panels[1]!, data.gradient, at),
    ],
  );
}

/**
 * What a drag moves, for the live figure's canvas: every curve of both panels (α moves cross-entropy's
 * too); null with a crosshair, as in focalCurvesLiveMarks.
 */
export function logitLossGradientLiveMarks(data: LogitData, options: LogitLossGradientOptions): LiveMarks | null {
  if ((options.crosshair ?? null) !== null) return null;
  const paths = logitLossGradientLayout(options).flatMap(({ key, x, y, box }) =>
    curvesInDrawingOrder(key === "loss" ? data.loss : data.gradient).map((c) => ({
      d: curvePath(c, x, y, box),
      like: `.panel-${key} .curve.curve-${c.key}`,
    })),
  );
  return { paths, hide: ".curve" };
}

export function renderLogitLossGradient(
  target: SVGSVGElement,
  data: LogitData,
  options: LogitLossGradientOptions,
): void {
  applyScene(target, logitLossGradientScene(data, options));
}

export function logitLossGradientMarkup(data: LogitData, options: LogitLossGradientOptions): string {
  return sceneToMarkup(logitLossGradientScene(data, options));
}
