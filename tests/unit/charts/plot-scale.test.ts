/**
 * The live figures' scales are d3-scale's arithmetic written out (src/charts/plot-scale.ts): every
 * pixel and every inverted pixel must be the very number d3-scale 4.0.3 gives, so the charts, their
 * snapshots and the pointer's readouts are unchanged.
 */
import { scaleLinear, scaleLog } from "d3-scale";
import { describe, expect, it } from "vitest";
import { linearScale, logScale } from "../../../src/charts/plot-scale";

const values = (lo: number, hi: number) => [
  lo,
  hi,
  ...Array.from({ length: 97 }, (_, i) => lo + ((hi - lo) * i) / 96 + 1e-7 * i),
  lo - (hi - lo) * 3,
  hi + (hi - lo) * 3,
];

const CASES: Array<{ domain: [number, number]; range: [number, number] }> = [
  { domain: [0, 1], range: [56, 864] },
  { domain: [0, 5], range: [350, 10] },
  { domain: [0, 1.05], range: [397.5, 10] },
  { domain: [-6, 6], range: [52, 371.33333333333337] },
  { domain: [-1.4, 0.1], range: [288, 22] },
  { domain: [1, 0], range: [10, 20] },
];

describe("the live figures' scales against d3-scale's", () => {
  it.each(CASES)("linear $domain → $range: the same pixel, and the same value back", ({ domain, range }) => {
    const ours = linearScale(domain, range);
    const d3 = scaleLinear().domain(domain).range(range);
    for (const v of values(domain[0], domain[1])) expect(ours(v), `${v}`).toBe(d3(v));
    for (const px of values(range[0], range[1])) expect(ours.invert(px), `${px}`).toBe(d3.invert(px));
    expect(ours.domain()).toEqual(domain);
    expect(ours.range()).toEqual(range);
  });

  it.each([
    { domain: [1e-4, 5] as [number, number], range: [350, 10] as [number, number] },
    { domain: [1e-4, 5] as [number, number], range: [512.5, 10] as [number, number] },
  ])("log $domain → $range: the same pixel, and the same value back", ({ domain, range }) => {
    const ours = logScale(domain, range);
    const d3 = scaleLog().domain(domain).range(range);
    const decades = Array.from({ length: 200 }, (_, i) => 10 ** (-5 + (6 * i) / 199));
    for (const v of [...decades, domain[0], domain[1]]) expect(ours(v), `${v}`).toBe(d3(v));
    for (const px of values(range[0], range[1])) expect(ours.invert(px), `${px}`).toBe(d3.invert(px));
  });
  it.each([
    [0, 1],
    [0, 5],
    [-6, 6],
    [1, 0],
    [-1.4, 0.1],
  ] as Array<[number, number]>)("linear %s → %s: the same ticks as d3-scale, for every count", (d0, d1) => {
    const ours = linearScale([d0, d1], [0, 100]);
    const d3 = scaleLinear().domain([d0, d1]).range([0, 100]);
    expect(ours.ticks()).toEqual(d3.ticks());
    for (const count of [1, 2, 5, 6, 10, 20]) expect(ours.ticks(count), `${count} ticks`).toEqual(d3.ticks(count));
  });
});
