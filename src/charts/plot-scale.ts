/**
 * The linear and log scales of the live figures' charts (Figure 1, the modulating factor, the logit
 * panels), written out with d3-scale 4.0.3's own arithmetic (continuous.js's bimap and normalize,
 * d3-interpolate 3.0.2's number interpolation, log.js's Math.log / Math.exp transforms), so every
 * pixel is the one d3 computed: tests/unit/charts/plot-scale.test.ts compares the two. Importing
 * d3-scale's scaleLinear and scaleLog put a 4.5 KB (gzip) chunk on every page with a live figure
 * (the scales with their tick formatting, which brings d3-format; d3-color is already aliased
 * away, see number-interpolate.ts), for a map of one number to another, and /focal-loss/ was at
 * 40.5 of its 40 KB of JavaScript before the canvas layer. The loss CDF (the paper's Figure 4) uses
 * the linear scale too: beside the anchor map's worker, d3-scale took /from-loss-to-detector/ over its
 * budget. Charts that need nice domains, bands or clamping (the labs' and the bar chart, on pages with
 * room in their budget) keep d3-scale.
 */
import { ticks } from "d3-array";
import type { Scale } from "./line-marks";

type Pair = readonly [number, number];

/** d3's bimap for a two-number domain and range: normalise to [0, 1], then interpolate. */
function bimap([d0, d1]: Pair, [r0, r1]: Pair): (v: number) => number {
  if (d1 < d0) [d0, d1, r0, r1] = [d1, d0, r1, r0];
  const span = d1 - d0;
  return (v) => {
    const t = span ? (v - d0) / span : Number.isNaN(span) ? NaN : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}

function continuous(domain: Pair, range: Pair, to: (v: number) => number, from: (v: number) => number): Scale {
  const inner: Pair = [to(domain[0]), to(domain[1])];
  const forward = bimap(inner, range);
  const back = bimap(range, inner);
  return Object.assign((v: number) => forward(to(v)), {
    invert: (px: number) => from(back(px)),
    domain: () => [...domain],
    range: () => [...range],
  });
}

const same = (v: number) => v;

/** A linear scale; its ticks are d3-scale's: d3-array's ticks over the domain, 10 unless asked. */
export function linearScale(domain: Pair, range: Pair): Scale & { ticks(count?: number): number[] } {
  return Object.assign(continuous(domain, range, same, same), {
    ticks: (count = 10) => ticks(domain[0], domain[1], count),
  });
}

/** A log scale over a positive domain. */
export function logScale(domain: Pair, range: Pair): Scale {
  return continuous(domain, range, Math.log, Math.exp);
}
