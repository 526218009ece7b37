/**
 * Axes as scene nodes. d3-axis draws into a DOM, which Node does not have at
 * build time, so ticks come from the scale and are laid out here instead; tick
 * labels are formatted by the site's number formatter like every other number.
 */
import { formatNumber, shortNumber } from "../lib/text/format";
import { node, type SvgNode } from "./scene";

export interface AxisScale {
  (value: number): number;
  ticks(count?: number): number[];
  domain(): number[];
  range(): number[];
}

/** Labels for a log axis at powers of ten: 0.01, 0.1, 1 as decimals, smaller ones as 10⁻ⁿ. */
export function logTickLabels(values: number[]): string[] {
  return values.map((v) =>
    v >= 0.01 ? tickLabels([v])[0]! : formatNumber(v, { notation: "scientific", digits: 0 }).replace(/^1 × /, ""),
  );
}

/** Shortest fixed-point text for each tick, as the paper labels them: 0, 0.2, 1 rather than 0.0, 0.2, 1.0. */
export function tickLabels(values: number[]): string[] {
  return values.map(shortNumber);
}

export interface AxisOptions {
  key: string;
  /** ticks to draw; the scale's own ticks by default */
  ticks?: number[];
  labels?: string[];
  /** the other axis's pixel extent, for grid lines across the plot */
  gridTo?: number;
  title?: string;
  /** distance of the title from the axis line (the middle of a left axis title's line box) */
  titleOffset?: number;
  /** length of the tick marks; 0 for none */
  tickSize?: number;
  /** gap between a tick mark's end and its label (d3-axis's tickPadding) */
  tickPadding?: number;
  /** whether to draw the axis line itself (a bar chart's value axis has only gridlines) */
  domain?: boolean;
}

/** A bottom axis at pixel height y: tick marks, labels, optional vertical grid lines and a title. */
export function bottomAxis(scale: AxisScale, y: number, options: AxisOptions): SvgNode {
  const ticks = options.ticks ?? scale.ticks(6);
  const labels = options.labels ?? tickLabels(ticks);
  const [x0, x1] = scale.range() as [number, number];
  const size = options.tickSize ?? 5;
  const padding = options.tickPadding ?? 8;
  const children: SvgNode[] =
    options.domain === false ? [] : [node("line", "domain", { class: "axis-domain", x1: x0, x2: x1, y1: y, y2: y })];
  ticks.forEach((t, i) => {
    const x = scale(t);
    children.push(
      node("g", `t${t}`, { class: "tick", transform: `translate(${x.toFixed(2)},${y})` }, [
        ...(options.gridTo !== undefined
          ? [node("line", "grid", { class: "grid", y1: 0, y2: options.gridTo - y })]
          : []),
        ...(size > 0 ? [node("line", "mark", { class: "tick-mark", y1: 0, y2: size })] : []),
        node("text", "label", { class: "tick-label", y: size + padding + 5, "text-anchor": "middle" }, labels[i] ?? ""),
      ]),
    );
  });
  if (options.title) {
    children.push(
      node(
        "text",
        "title",
        { class: "axis-title", x: (x0 + x1) / 2, y: y + (options.titleOffset ?? 38), "text-anchor": "middle" },
        options.title,
      ),
    );
  }
  return node("g", options.key, { class: "axis axis-x" }, children);
}

/** A left axis at pixel x: tick marks, labels, optional horizontal grid lines and a rotated title. */
export function leftAxis(scale: AxisScale, x: number, options: AxisOptions): SvgNode {
  const ticks = options.ticks ?? scale.ticks(6);
  const labels = options.labels ?? tickLabels(ticks);
  const [y0, y1] = scale.range() as [number, number];
  const size = options.tickSize ?? 5;
  const padding = options.tickPadding ?? 3;
  const children: SvgNode[] =
    options.domain === false ? [] : [node("line", "domain", { class: "axis-domain", x1: x, x2: x, y1: y0, y2: y1 })];
  ticks.forEach((t, i) => {
    const y = scale(t);
    children.push(
      node("g", `t${t}`, { class: "tick", transform: `translate(${x},${y.toFixed(2)})` }, [
        ...(options.gridTo !== undefined
          ? [node("line", "grid", { class: "grid", x1: 0, x2: options.gridTo - x })]
          : []),
        ...(size > 0 ? [node("line", "mark", { class: "tick-mark", x1: -size, x2: 0 })] : []),
        node(
          "text",
          "label",
          { class: "tick-label", x: -(size + padding), dy: "0.32em", "text-anchor": "end" },
          labels[i] ?? "",
        ),
      ]),
    );
  });
  if (options.title) {
    const middle = (y0 + y1) / 2;
    children.push(
      node(
        "text",
        "title",
        {
          class: "axis-title",
          transform: `translate(${x - (options.titleOffset ?? 40)},${middle}) rotate(-90)`,
          "text-anchor": "middle",
        },
        options.title,
      ),
    );
  }
  return node("g", options.key, { class: "axis axis-y" }, children);
}
