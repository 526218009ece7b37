/**
 * The paper's Figure 1, live: loss against p_t for γ = 0, 0.5, 1, 2, 5 and the
 * reader's own γ and α, with the "well-classified examples" band, a legend
 * that reads out every curve at the crosshair, and the worked examples.
 */
import { linearScale, logScale } from "./plot-scale";
import type { Curve } from "../lib/views/figure-data";
import { bottomAxis, leftAxis, logTickLabels } from "./axes";
import { readoutValue, shortNumber } from "../lib/text/format";
import { FIGURE1_GAMMAS } from "../lib/math/loss";
import { polylinesMeetRect, rectsOverlap, type Point, type Rect } from "../lib/views/legend-placement";
import { curveRuns, leaderLine, nearestFreeBox } from "./label-placement";
import {
  crosshair,
  curveClass,
  curvePolylines,
  curveLabel,
  curvePath,
  dotPath,
  curvesInDrawingOrder,
  keyBelow,
  legend,
  legendRect,
  referenceKeySpec,
  textWidth,
  type Box,
  type KeyBelow,
  type LiveMarks,
  type Scale,
} from "./line-marks";
import { applyScene, node, sceneToMarkup, staticNode, type SvgNode } from "./scene";

export interface FocalCurvesOptions {
  width: number;
  height: number;
  yScale: "linear" | "log";
  /** p_t of the crosshair, or null for none */
  crosshair?: number | null;
  /** p_t values of worked examples to mark on the reader's curve; empty for none */
  examples?: readonly number[];
  /** where the "well-classified examples" band starts */
  wellClassifiedFrom?: number;
}

/** The paper's axes: p_t from 0 to 1 and loss from 0 to 5; a log axis spans 10⁻⁴ to 5. */
export const FOCAL_Y_DOMAIN = { linear: [0, 5], log: [1e-4, 5] } as const;
const LOG_TICKS = [1e-4, 1e-3, 0.01, 0.1, 1];

export interface FocalCurvesLayout {
  box: Box;
  x: Scale;
  y: Scale;
  /** the legend's key below the plot, or null when the legend sits inside it */
  key: KeyBelow | null;
}

/**
 * Below this width (in chart units, so a larger fontScale reaches it sooner) no corner of the plot
 * stays clear of every curve on the log axis for all γ and α once the legend widens to read out the
 * crosshair's values (without them 620 would do), so the legend goes below the plot
 * (tests/unit/charts/legend-off-the-curves.test.ts checks the sizes either side).
 */
const KEY_BELOW_UNDER = 780;
const MIN_PLOT_HEIGHT = 24;

/** The space under the plot for its tick labels and the x-axis title. */
const X_AXIS_SPACE = 50;

/** Scales and plot box for a size: computed once and shared by every mark (and by pointer handling). */
export function focalCurvesLayout(options: Pick<FocalCurvesOptions, "width" | "height" | "yScale">): FocalCurvesLayout {
  const narrow = options.width < 480;
  // One key for both axis modes, so switching to the log axis does not resize the plot.
  const spec = referenceKeySpec("pₜ = 0.000", FIGURE1_GAMMAS, true);
  const keyHeight = options.width < KEY_BELOW_UNDER ? keyBelow(spec, 4, options.width - 4, 0).height : 0;
  // A frame squeezed below the key's room still gets a plot (drawn past the frame, never a negative box).
  const bottom = Math.max(10 + MIN_PLOT_HEIGHT, options.height - X_AXIS_SPACE - keyHeight);
  const box: Box = { left: narrow ? 48 : 56, top: 10, right: options.width - (narrow ? 10 : 16), bottom };
  const key = keyHeight > 0 ? keyBelow(spec, 4, options.width - 4, bottom + X_AXIS_SPACE - 2) : null;
  const x = linearScale([0, 1], [box.left, box.right]);
  const [lo, hi] = FOCAL_Y_DOMAIN[options.yScale];
  const y =
    options.yScale === "log" ? logScale([lo, hi], [box.bottom, box.top]) : linearScale([lo, hi], [box.bottom, box.top]);
  return { box, x, y, key };
}

/**
 * The box a 12-unit example label with its 3-unit halo covers, its baseline starting (or ending) at
 * (x, baseline). Wider than textWidth's estimate: in Chromium "pₜ = 0.01" sets 55.5 units wide
 * (the estimate says 47.4), and the halo adds 1.5 on every side; the descent of "p" reaches 2.5 below.
 */
export function exampleLabelRect(text: string, x: number, baseline: number, anchor: "start" | "end"): Rect {
  const width = textWidth(text) * 1.2 + 3;
  const left = anchor === "end" ? x - width + 1.5 : x - 1.5;
  return { left, top: baseline - EXAMPLE_ASCENT, width, height: EXAMPLE_ASCENT + EXAMPLE_DESCENT };
}
const EXAMPLE_ASCENT = 11;
const EXAMPLE_DESCENT = 4;

export const BAND_LABEL = "well-classified examples";
/** How much wider than textWidth's estimate Chromium sets the band label (12-unit italic). */
const BAND_LABEL_SET_WIDTH = 1.2;
/** Heights (fractions of the plot from its top) the band label tries: nearest 0.62 first, where it has always been. */
const BAND_LABEL_HEIGHTS = Array.from({ length: 25 }, (_, i) => i / 24).sort(
  (a, b) => Math.abs(a - 0.62) - Math.abs(b - 0.62),
);

/** The box of the band label (12-unit italic text) centred on x with its baseline at `baseline`. */
export function bandLabelRect(x: number, baseline: number): Rect {
  const width = textWidth(BAND_LABEL);
  return { left: x - width / 2, top: baseline - 10, width, height: 13 };
}

/**
 * Where the band label goes: the first height in the band, centred in it or else against either of
 * its sides, whose box crosses no curve and is clear of the legend (a legend sized for fontScale 1.5
 * reached down over it); null when none is (a phone-sized chart at fontScale 1.5, whose plot is
 * too short and its band too narrow for the words: the shaded band still shows, and the caption
 * names it).
 */
function bandLabelSpot(
  from: number,
  to: number,
  box: Box,
  curves: readonly (readonly Point[])[],
  legendBox: Rect,
): { x: number; baseline: number } | null {
  // Chromium sets text about a fifth wider than textWidth's estimate (see exampleLabelRect): the words
  // must end inside the band, or the chart's edge cuts them off.
  const half = (textWidth(BAND_LABEL) * BAND_LABEL_SET_WIDTH) / 2;
  const xs = [(from + to) / 2, to - 4 - half, from + 4 + half].map(Math.round);
  const spots = BAND_LABEL_HEIGHTS.flatMap((f) => {
    const baseline = Math.round(box.top + 10 + (box.bottom - box.top - 13) * f);
    return xs.map((x) => ({ x, baseline }));
  });
  const clear = ({ x, baseline }: { x: number; baseline: number }) => {
    const r = bandLabelRect(x, baseline);
    const inside = x - half >= box.left && x + half <= to;
    return inside && !rectsOverlap(r, legendBox) && !polylinesMeetRect(curves, r);
  };
  return spots.find(clear) ?? null;
}

/** Half the size of an example's dot with its stroke: labels keep clear of it. */
const DOT_RADIUS = 5;
/** A label farther than this from its dot gets a leader line back to it. */
const LEADER_FROM = 12;

/** The free boxes, in turn, nearest each dot for its text; null where one has none. */
function labelBoxes(
  dots: readonly { px: number; py: number; text: string }[],
  plot: Rect,
  runs: readonly (readonly Point[])[],
  taken: readonly Rect[],
): (Rect | null)[] {
  const placed: Rect[] = [...taken];
  return dots.map(({ px, py, text }) => {
    const size = exampleLabelRect(text, 0, 0, "start");
    const rect = nearestFreeBox(px, py, size.width, size.height, plot, runs, placed);
    if (rect) placed.push(rect);
    return rect;
  });
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Where the worked examples' dots sit on the reader's curve (held inside the plot). */
function exampleDots(
  reader: Curve,
  pts: readonly number[],
  { box, x, y }: Omit<FocalCurvesLayout, "key">,
  log: boolean,
) {
  return pts.map((pt) => {
    const value = reader.at(pt);
    const py = Math.max(box.top, Math.min(box.bottom, y(log && value <= 0 ? FOCAL_Y_DOMAIN.log[0] : value)));
    return { pt, px: round(x(pt)), py: round(py) };
  });
}

/**
 * The worked examples' dots and labels. Each label, in turn, takes the free box nearest its dot that
 * crosses no curve, overlaps no dot, no label placed before it, the legend or the band label (`taken`),
 * and stays in the plot; one set away from its dot gets a leader line. Where "pₜ = 0.01" and the rest
 * do not all find room (a plot a few lines tall), every label shortens to its value (the caption and
 * the data table name the worked examples in full); one with no room even then is left out, its dot kept.
 */
function exampleMarks(
  reader: Curve,
  pts: readonly number[],
  { box, x, y }: FocalCurvesLayout,
  log: boolean,
  polylines: readonly (readonly Point[])[],
  taken: readonly Rect[],
): SvgNode[] {
  const dots = exampleDots(reader, pts, { box, x, y }, log);
  const blocked = [
    ...taken,
    ...dots.map((d) => ({
      left: d.px - DOT_RADIUS,
      top: d.py - DOT_RADIUS,
      width: 2 * DOT_RADIUS,
      height: 2 * DOT_RADIUS,
    })),
  ];
  // Half a pixel inside the plot, so a label's position rounded for the markup still lies in it.
  const plot = {
    left: box.left + 0.5,
    top: box.top + 0.5,
    width: box.right - box.left - 1,
    height: box.bottom - box.top - 1,
  };
  const runs = curveRuns(polylines);
  const full = dots.map((d) => ({ ...d, text: `pₜ = ${shortNumber(d.pt)}` }));
  let labelled = full;
  let boxes = labelBoxes(full, plot, runs, blocked);
  if (boxes.includes(null)) {
    labelled = dots.map((d) => ({ ...d, text: shortNumber(d.pt) }));
    boxes = labelBoxes(labelled, plot, runs, blocked);
  }
  return labelled.map(({ pt, px, py, text }, i) => {
    const rect = boxes[i];
    const children = [node("circle", "dot", { class: "example-dot", r: 4 })];
    if (rect) {
      const dx = Math.max(rect.left - px, 0, px - rect.left - rect.width);
      const dy = Math.max(rect.top - py, 0, py - rect.top - rect.height);
      if (Math.hypot(dx, dy) > LEADER_FROM) {
        const l = leaderLine(px, py, DOT_RADIUS, rect);
        const ends = { x1: l.x1 - px, y1: l.y1 - py, x2: l.x2 - px, y2: l.y2 - py };
        const attrs = Object.fromEntries(Object.entries(ends).map(([k, v]) => [k, round(v)]));
        children.unshift(node("line", "leader", { class: "example-leader", ...attrs }));
      }
      const at = { x: round(rect.left + 1.5 - px), y: round(rect.top + EXAMPLE_ASCENT - py) };
      children.push(node("text", "label", { class: "example-label", ...at }, text));
    }
    return node(
      "g",
      `e${pt}`,
      { class: "example", transform: `translate(${px.toFixed(2)},${py.toFixed(2)})` },
      children,
    );
  });
}

function describe(curves: Curve[]): string {
  const reader = curves.find((c) => c.reader);
  const refs = curves
    .filter((c) => !c.reader)
    .map((c) => shortNumber(c.gamma))
    .join(", ");
  return (
    `Loss against the probability of the ground-truth class pₜ, from 0 to 1, for γ = ${refs}` +
    (reader ? ` and for the chosen ${curveLabel(reader, "curve")}` : "") +
    ". Every curve falls to 0 as pₜ approaches 1; the larger γ, the sooner the loss of well-classified examples (pₜ above 0.5) nears 0."
  );
}

/** The chart as a scene: the one description both the build-time SVG and the live figure use. */
export function focalCurvesScene(curves: Curve[], options: FocalCurvesOptions): SvgNode {
  const { width, height } = options;
  const log = options.yScale === "log";
  const layout = focalCurvesLayout(options);
  const { box, x, y, key } = layout;
  const band = options.wellClassifiedFrom ?? 0.5;
  const reader = curves.find((c) => c.reader);
  const at = options.crosshair ?? null;

  const yTicks = log ? LOG_TICKS : [0, 1, 2, 3, 4, 5];
  // Everything that depends only on the geometry is built once per size and axis mode (see staticNode).
  const geometry = `focal-curves|${width}|${height}|${options.yScale}|${band}`;
  const marks: SvgNode[] = [
    staticNode(`${geometry}|title`, () =>
      node("title", "title", {}, "Focal loss against the probability of the ground-truth class"),
    ),
    node("desc", "desc", {}, describe(curves)),
    staticNode(`${geometry}|band`, () =>
      node("rect", "band", {
        class: "band",
        x: x(band),
        y: box.top,
        width: x(1) - x(band),
        height: box.bottom - box.top,
      }),
    ),
    staticNode(`${geometry}|y-axis`, () =>
      leftAxis(y as never, box.left, {
        key: "y-axis",
        ticks: yTicks,
        labels: log ? logTickLabels(yTicks) : undefined,
        gridTo: box.right,
        title: "loss",
        titleOffset: box.left - 12,
      }),
    ),
    staticNode(`${geometry}|x-axis`, () =>
      bottomAxis(x as never, box.bottom, {
        key: "x-axis",
        ticks: [0, 0.2, 0.4, 0.6, 0.8, 1],
        title: "probability of ground truth class",
      }),
    ),
    node(
      "g",
      "curves",
      { class: "curves" },
      // The reader's curve over the reference curves (which never change: static nodes), under the one it coincides with.
      curvesInDrawingOrder(curves).map((c) =>
        c.reader
          ? node("path", c.key, { class: `curve ${curveClass(c)}`, d: curvePath(c, x, y, box, log) })
          : staticNode(`${geometry}|curve|${c.key}|${c.gamma}`, () =>
              node("path", c.key, { class: `curve ${curveClass(c)}`, d: curvePath(c, x, y, box, log) }),
            ),
      ),
    ),
  ];

  const rows = curves.map((c) => ({
    curve: c,
    label: curveLabel(c),
    value: at === null ? undefined : readoutValue(c.at(at)),
  }));
  const polylines = curvePolylines(curves, x, y, box, log);
  const legendNode = legend(rows, box, at === null ? null : `pₜ = ${readoutValue(at)}`, {
    anchors: ["top-right", "top-centre"],
    avoid: polylines,
    below: key,
  });
  // Placed after the legend, clear of it and of every curve (the log axis sends curves across the band).
  const bandLabel = bandLabelSpot(x(band), x(1), box, polylines, legendRect(legendNode));
  if (bandLabel)
    marks.splice(
      3,
      0,
      staticNode(`${geometry}|band-label|${bandLabel.x}|${bandLabel.baseline}`, () =>
        node(
          "text",
          "band-label",
          { class: "band-label", x: bandLabel.x, y: bandLabel.baseline, "text-anchor": "middle" },
          BAND_LABEL,
        ),
      ),
    );

  if (reader && options.examples && options.examples.length > 0) {
    const taken: Rect[] = [legendRect(legendNode)];
    if (bandLabel) taken.push(bandLabelRect(bandLabel.x, bandLabel.baseline));
    marks.push(
      node(
        "g",
        "examples",
        { class: "examples" },
        exampleMarks(reader, options.examples, layout, log, polylines, taken),
      ),
    );
  }

  if (at !== null) marks.push(crosshair(curves, at, x, y, box));

  marks.push(legendNode);

  return node(
    "svg",
    "focal-curves",
    {
      class: `chart focal-curves-chart${log ? " is-log" : ""}`,
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "img",
    },
    marks,
  );
}

/**
 * What a drag moves, for the live figure's canvas: the reader's curve and its worked examples' dots,
 * the same paths the scene draws (their labels, the legend and the band label are placed when the
 * hand settles). Null with a crosshair: its readouts follow the curves, so the SVG draws every frame.
 */
export function focalCurvesLiveMarks(curves: Curve[], options: FocalCurvesOptions): LiveMarks | null {
  const reader = curves.find((c) => c.reader);
  if (!reader || (options.crosshair ?? null) !== null) return null;
  const layout = focalCurvesLayout(options);
  const log = options.yScale === "log";
  const paths = [{ d: curvePath(reader, layout.x, layout.y, layout.box, log), like: ".curve.is-reader" }];
  for (const { px, py } of exampleDots(reader, options.examples ?? [], layout, log))
    paths.push({ d: dotPath(px, py, 4), like: ".example-dot" });
  return { paths, hide: ".curve.is-reader, .examples" };
}

/** Draws or updates the chart in a live <svg>; idempotent. */
export function renderFocalCurves(target: SVGSVGElement, curves: Curve[], options: FocalCurvesOptions): void {
  applyScene(target, focalCurvesScene(curves, options));
}

/** The chart as SVG markup, for the figure rendered at build time. */
export function focalCurvesMarkup(curves: Curve[], options: FocalCurvesOptions): string {
  return sceneToMarkup(focalCurvesScene(curves, options));
}
