/**
 * A small vertical bar chart: geometry from d3-scale (layoutBarChart), then a
 * scene (barChartScene) that BarChart.astro prints as static SVG at build
 * time, shown no wider than its own width, so on a laptop one unit is one
 * pixel and its 14-unit text is 14 px. The caller owns the labels, number
 * formats and text alternative.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { leftAxis, type AxisScale } from "./axes";
import { textWidth } from "./line-marks";
import { node, type SvgNode } from "./scene";

export interface Bar {
  /** category label under the bar, e.g. "0.25" */
  label: string;
  value: number;
  /** optional second line under the label, e.g. "α = .75" */
  note?: string;
  /** drawn in the highlight colour (the best value, say) */
  highlight?: boolean;
}

export interface BarChartOptions {
  width: number;
  height: number;
  /** value-axis domain; defaults to [0, max value] */
  domain?: [number, number];
  ticks?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
}

export interface BarGeometry extends Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** centre of the bar, for the category label */
  cx: number;
}

export interface BarChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: BarGeometry[];
  ticks: { value: number; y: number }[];
  /** the value scale, for the value axis */
  y: AxisScale;
}

const DEFAULT_MARGIN = { top: 16, right: 8, bottom: 50, left: 44 };
/** The least height a bar of a non-zero value is drawn with. */
const MIN_BAR_HEIGHT = 2;

export function layoutBarChart(data: readonly Bar[], options: BarChartOptions): BarChartLayout {
  if (data.length === 0) throw new RangeError("a bar chart needs at least one bar");
  for (const d of data) if (!Number.isFinite(d.value)) throw new RangeError(`bar ${d.label} has a non-finite value`);
  const margin = options.margin ?? DEFAULT_MARGIN;
  const plot = {
    left: margin.left,
    right: options.width - margin.right,
    top: margin.top,
    bottom: options.height - margin.bottom,
  };
  const max = Math.max(...data.map((d) => d.value));
  const domain = options.domain ?? [0, max > 0 ? max : 1];
  // Bands by position, not label: two bars may share a label (Table 1d's OHEM and OHEM 1:3 rows
  // at one batch size and threshold), and a band per label drew them on top of each other.
  const x = scaleBand<number>()
    .domain(data.map((_, i) => i))
    .range([plot.left, plot.right])
    .padding(0.25);
  const y = scaleLinear().domain(domain).range([plot.bottom, plot.top]);
  const base = y(Math.max(domain[0], 0));
  const bars = data.map((d, i) => {
    // A value that is not zero keeps a visible stub (0.01% of cross-entropy kept was a bar of height 0,
    // so the highlighted bars looked missing); its printed value says how small it is.
    const height = Math.abs(base - y(d.value));
    const shown = d.value === 0 ? 0 : Math.max(MIN_BAR_HEIGHT, height);
    return {
      ...d,
      x: x(i)!,
      width: x.bandwidth(),
      y: d.value >= 0 ? base - shown : base,
      height: shown,
      cx: x(i)! + x.bandwidth() / 2,
    };
  });
  const ticks = y.ticks(options.ticks ?? 4).map((value) => ({ value, y: y(value) }));
  return { width: options.width, height: options.height, plot, bars, ticks, y };
}

export interface BarChartText {
  /** the value axis's title, above the plot */
  yLabel: string;
  /** labels on the bars */
  format: (v: number) => string;
  /** labels on the value axis */
  tickFormat: (v: number) => string;
}

/** The line height of a bar's note. */
const NOTE_LINE = 17;

/** Approximate advance of 14-unit text: line-marks' 12-unit estimate scaled, capitals (wide in Inter) at 0.72 em. */
function noteWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[A-Z]/.test(ch) ? 10 : textWidth(ch) * (14 / 12);
  return width;
}

/**
 * A note under a bar, on one line when it fits the bar's band, else a word a line ("OHEM 1:3" over
 * two lines), so neighbouring notes at 14 units never run into each other.
 */
export function noteLines(note: string | undefined, band: number): string[] {
  if (!note) return [];
  return noteWidth(note) <= band - 6 ? [note] : note.split(" ");
}

/** The most lines any bar's note takes at this size: the room the caller leaves under the plot depends on it. */
export function noteRows(data: readonly Bar[], options: BarChartOptions): number {
  return Math.max(0, ...layoutBarChart(data, options).bars.map((b) => noteLines(b.note, b.width / 0.75).length));
}

/** The bar chart as a scene: value ticks, one group per bar (value above, category and note below), the baseline. */
export function barChartScene(data: readonly Bar[], options: BarChartOptions, text: BarChartText): SvgNode {
  const layout = layoutBarChart(data, options);
  const { plot } = layout;
  return node("svg", "bar-chart", { class: "bar-chart", viewBox: `0 0 ${layout.width} ${layout.height}` }, [
    node("text", "y-label", { class: "bar-axis-label", x: 8, y: 14 }, text.yLabel),
    leftAxis(layout.y, plot.left, {
      key: "value-axis",
      ticks: layout.ticks.map((t) => t.value),
      labels: layout.ticks.map((t) => text.tickFormat(t.value)),
      gridTo: plot.right,
      tickSize: 0,
      tickPadding: 6,
      domain: false,
    }),
    ...layout.bars.map((b, i) =>
      node("g", `bar-${i}`, { class: b.highlight ? "bar bar-highlight" : "bar" }, [
        node("rect", "bar", { x: b.x, y: b.y, width: b.width, height: b.height }, [
          node("title", "title", {}, `${b.label}${b.note ? ` (${b.note})` : ""}: ${text.format(b.value)}`),
        ]),
        node(
          "text",
          "value",
          { class: "bar-value", x: b.cx, y: b.y - 4, "text-anchor": "middle" },
          text.format(b.value),
        ),
        node("text", "label", { class: "bar-label", x: b.cx, y: plot.bottom + 18, "text-anchor": "middle" }, b.label),
        ...noteLines(b.note, b.width / 0.75).map((line, j) =>
          node(
            "text",
            j === 0 ? "note" : `note-${j}`,
            { class: "bar-note", x: b.cx, y: plot.bottom + 35 + NOTE_LINE * j, "text-anchor": "middle" },
            line,
          ),
        ),
      ]),
    ),
    node("line", "baseline", {
      class: "bar-baseline",
      x1: plot.left,
      x2: plot.right,
      y1: plot.bottom,
      y2: plot.bottom,
    }),
  ]);
}

/** Height of one bar's row in the phone layout, in px (the chart is drawn at about 1 unit = 1 px there). */
const ROW_HEIGHT = 30;
/** Room to the right of the longest bar for its value. */
const VALUE_ROOM = 56;

/**
 * The same bars on their side, for a phone: one row per bar with its label on the left and its
 * value after the bar, so the text keeps the page's size (12 px and up) however many bars there
 * are; a column chart of seven or nine bars in a 340 px column has no room for labels that size.
 */
export function barRowsScene(data: readonly Bar[], options: BarChartOptions, text: BarChartText): SvgNode {
  if (data.length === 0) throw new RangeError("a bar chart needs at least one bar");
  const labelOf = (b: Bar) => (b.note ? `${b.label} (${b.note})` : b.label);
  // About 7 px a character at 12.5 px: the label column as wide as its longest label.
  const labelWidth = Math.min(options.width * 0.5, Math.max(...data.map((b) => labelOf(b).length)) * 7 + 10);
  const top = 26;
  const height = top + data.length * ROW_HEIGHT + 6;
  const max = Math.max(...data.map((d) => d.value));
  const domain = options.domain ?? [0, max > 0 ? max : 1];
  const x = scaleLinear()
    .domain(domain)
    .range([labelWidth, options.width - VALUE_ROOM]);
  return node("svg", "bar-rows", { class: "bar-chart bar-chart-rows", viewBox: `0 0 ${options.width} ${height}` }, [
    node("text", "y-label", { class: "bar-axis-label", x: 0, y: 14 }, text.yLabel),
    ...data.map((b, i) => {
      const y = top + i * ROW_HEIGHT;
      const end = x(Math.max(domain[0], Math.min(domain[1], b.value)));
      return node("g", `bar-${i}`, { class: b.highlight ? "bar bar-highlight" : "bar" }, [
        node("text", "label", { class: "bar-label", x: 0, y: y + ROW_HEIGHT / 2 + 4 }, labelOf(b)),
        node(
          "rect",
          "bar",
          { x: labelWidth, y: y + 6, width: Math.max(0, end - labelWidth), height: ROW_HEIGHT - 12 },
          [node("title", "title", {}, `${labelOf(b)}: ${text.format(b.value)}`)],
        ),
        node("text", "value", { class: "bar-value", x: end + 5, y: y + ROW_HEIGHT / 2 + 4 }, text.format(b.value)),
      ]);
    }),
    node("line", "baseline", { class: "bar-baseline", x1: labelWidth, x2: labelWidth, y1: top, y2: height - 6 }),
  ]);
}
