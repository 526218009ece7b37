/**
 * The numbers-only stand-in for d3-interpolate (aliased in astro.config.mjs)
 * must give exactly what d3-interpolate gives for numbers, and refuse the rest.
 */
import { describe, expect, it } from "vitest";
import * as d3 from "d3-interpolate";
import { scaleLinear } from "d3-scale";
import { interpolate, interpolateNumber, interpolateRound, piecewise } from "../../../src/charts/number-interpolate";

const pairs: Array<[number, number]> = [
  [0, 1],
  [-3.5, 12.25],
  [640, 40],
  [1e-9, 1e9],
  [7, 7],
];
const ts = [0, 0.1, 1 / 3, 0.5, 0.999, 1, -0.2, 1.5];

describe("number-interpolate", () => {
  it("matches d3-interpolate for numbers, bit for bit", () => {
    for (const [a, b] of pairs) {
      for (const t of ts) {
        expect(interpolateNumber(a, b)(t)).toBe(d3.interpolateNumber(a, b)(t));
        expect(interpolate(a, b)(t)).toBe(d3.interpolate(a, b)(t));
        expect(interpolateRound(a, b)(t)).toBe(d3.interpolateRound(a, b)(t));
      }
    }
  });

  it("gives a d3 scale the same pixels as d3-interpolate", () => {
    const real = scaleLinear().domain([0, 5]).range([48, 620]);
    const ours = scaleLinear()
      .domain([0, 5])
      .range([48, 620])
      .interpolate(interpolate as typeof d3.interpolate);
    for (const v of [0, 0.1, 1.7, 2, 4.99, 5, 6]) expect(ours(v)).toBe(real(v));
  });

  it("refuses colours and anything else that is not a number", () => {
    expect(() => interpolate("red", "blue")).toThrow(/numbers only/);
    expect(() => interpolate(0, "10px")).toThrow(/numbers only/);
    expect(() => piecewise()).toThrow(/piecewise/);
  });
});
