/**
 * The paper's Figure 1, live: loss against p_t for γ = 0, 0.5, 1, 2, 5 and the
 * reader's own γ and α, with the "well-classified examples" band, a legend
 * that reads out every curve at the crosshair, and the worked examples.
 */
import { scaleLinear, scaleLog } from "d3-scale";
import type { Curve } from "../lib/views/figure-data";
import { bottomAxis, leftAxis, logTickLabels } from "./axes";
import { readoutValue, shortNumber } from "../lib/text/format";
import {
  crosshair,
  curveClass,
  curvePolylines,
  curveLabel,
  curvePath,
  legend,
  type Box,
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
}

/** Scales and plot box for a size: computed once and shared by every mark (and by pointer handling). */
export function focalCurvesLayout(options: Pick<FocalCurvesOptions, "width" | "height" | "yScale">): FocalCurvesLayout {
  const narrow = options.width < 480;
  const box: Box = {
    left: narrow ? 48 : 56,
    top: 10,
    right: options.width - (narrow ? 10 : 16),
    bottom: options.height - 50,
  };
  const x = scaleLinear().domain([0, 1]).range([box.left, box.right]);
  const [lo, hi] = FOCAL_Y_DOMAIN[options.yScale];
  const y =
    options.yScale === "log"
      ? scaleLog().domain([lo, hi]).range([box.bottom, box.top])
      : scaleLinear().domain([lo, hi]).range([box.bottom, box.top]);
  return { box, x, y };
}

function describe(curves: Curve[]): string {
  const reader = curves.find((c) => c.reader);
  const refs = curves
    .filter((c) => !c.reader)
    .map((c) => shortNumber(c.gamma))
    .join(", ");
  return (
    `Loss against the probability of the ground-truth class p_t, from 0 to 1, for γ = ${refs}` +
    (reader ? ` and for the chosen ${curveLabel(reader, "curve")}` : "") +
    ". Every curve falls to 0 as p_t approaches 1; the larger γ, the sooner the loss of well-classified examples (p_t above 0.5) nears 0."
  );
}

/** The chart as a scene: the one description both the build-time SVG and the live figure use. */
export function focalCurvesScene(curves: Curve[], options: FocalCurvesOptions): SvgNode {
  const { width, height } = options;
  const log = options.yScale === "log";
  const { box, x, y } = focalCurvesLayout(options);
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
    staticNode(`${geometry}|band-label`, () =>
      node(
        "text",
        "band-label",
        {
          class: "band-label",
          x: (x(band) + x(1)) / 2,
          y: box.top + (box.bottom - box.top) * 0.62,
          "text-anchor": "middle",
        },
        "well-classified examples",
      ),
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
      // The reader's curve last, so it draws on top of the reference curves (which never change: static nodes).
      [...curves.filter((c) => !c.reader), ...curves.filter((c) => c.reader)].map((c) =>
        c.reader
          ? node("path", c.key, { class: `curve ${curveClass(c)}`, d: curvePath(c, x, y, box, log) })
          : staticNode(`${geometry}|curve|${c.key}|${c.gamma}`, () =>
              node("path", c.key, { class: `curve ${curveClass(c)}`, d: curvePath(c, x, y, box, log) }),
            ),
      ),
    ),
  ];

  if (reader && options.examples && options.examples.length > 0) {
    marks.push(
      node(
        "g",
        "examples",
        { class: "examples" },
        options.examples.map((pt) => {
          const value = reader.at(pt);
          const py = Math.max(box.top, Math.min(box.bottom, y(log && value <= 0 ? FOCAL_Y_DOMAIN.log[0] : value)));
          // Right of the point on the steep left side; above and to the left near p_t = 1, stacked so neighbours do not collide.
          const anchor = pt > 0.5 ? "end" : "start";
          const dx = anchor === "end" ? -6 : 6;
          const dy = pt > 0.97 ? -24 : pt > 0.5 ? -10 : -6;
          return node(
            "g",
            `e${pt}`,
            { class: "example", transform: `translate(${x(pt).toFixed(2)},${py.toFixed(2)})` },
            [
              node("circle", "dot", { class: "example-dot", r: 4 }),
              node(
                "text",
                "label",
                { class: "example-label", x: dx, y: dy, "text-anchor": anchor },
                `pₜ = ${shortNumber(pt)}`,
              ),
            ],
          );
        }),
      ),
    );
  }

  if (at !== null) marks.push(crosshair(curves, at, x, y, box));

  const rows = curves.map((c) => ({
    curve: c,
    label: curveLabel(c),
    value: at === null ? undefined : readoutValue(c.at(at)),
  }));
  marks.push(
    legend(rows, box, at === null ? null : `pₜ = ${readoutValue(at)}`, {
      anchors: ["top-right", "top-centre"],
      avoid: curvePolylines(curves, x, y),
    }),
  );

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

/** Draws or updates the chart in a live <svg>; idempotent. */
export function renderFocalCurves(target: SVGSVGElement, curves: Curve[], options: FocalCurvesOptions): void {
  applyScene(target, focalCurvesScene(curves, options));
}

/** The chart as SVG markup, for the figure rendered at build time. */
export function focalCurvesMarkup(curves: Curve[], options: FocalCurvesOptions): string {
  return sceneToMarkup(focalCurvesScene(curves, options));
}
