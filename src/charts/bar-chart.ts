/**
 * A small vertical bar chart laid out as plain geometry (no DOM), so an Astro
 * component can print it as static SVG at build time. Scales come from
 * d3-scale; the caller owns labels, colours and text alternatives.
 */
import { scaleBand, scaleLinear } from "d3-scale";

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
}

const DEFAULT_MARGIN = { top: 16, right: 8, bottom: 44, left: 40 };

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
  const x = scaleBand<string>().domain(data.map((d) => d.label)).range([plot.left, plot.right]).padding(0.25);
  const y = scaleLinear().domain(domain).range([plot.bottom, plot.top]);
  const base = y(Math.max(domain[0], 0));
  const bars = data.map((d) => {
    const top = y(d.value);
    return {
      ...d,
      x: x(d.label)!,
      width: x.bandwidth(),
      y: Math.min(top, base),
      height: Math.abs(base - top),
      cx: x(d.label)! + x.bandwidth() / 2,
    };
  });
  const ticks = y.ticks(options.ticks ?? 4).map((value) => ({ value, y: y(value) }));
  return { width: options.width, height: options.height, plot, bars, ticks };
}
