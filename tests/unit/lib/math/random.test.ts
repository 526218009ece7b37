import { describe, expect, it } from "vitest";
import { mulberry32, normaliseSeed, normalSampler } from "../../../../src/lib/math/random";

const draw = (f: () => number, n: number) => Array.from({ length: n }, f);

describe("mulberry32", () => {
  it("gives the same sequence for the same seed, and a different one for another seed", () => {
    expect(draw(mulberry32(42), 20)).toEqual(draw(mulberry32(42), 20));
    expect(draw(mulberry32(42), 20)).not.toEqual(draw(mulberry32(43), 20));
  });
  it("stays in [0, 1) and is uniform: mean and a 10-bin histogram within sampling error", () => {
    const n = 200_000;
    const xs = draw(mulberry32(7), n);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    // standard error of the mean of U(0, 1) is sqrt(1/12/n) ≈ 6.5e-4; allow 5 of them
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    // χ² with 9 degrees of freedom: 27.9 is its 0.999 quantile
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });
  it("treats seeds as 32-bit integers and refuses non-finite ones", () => {
    expect(normaliseSeed(-1)).toBe(4294967295);
    expect(normaliseSeed(3.9)).toBe(3);
    expect(() => normaliseSeed(Number.NaN)).toThrow(RangeError);
    expect(() => normaliseSeed(Infinity)).toThrow(RangeError);
    expect(draw(mulberry32(2 ** 32 + 5), 5)).toEqual(draw(mulberry32(5), 5));
  });
});

describe("normalSampler (Box–Muller)", () => {
  it("has mean 0, variance 1 and the normal's tail mass", () => {
    const n = 200_000;
    const xs = draw(normalSampler(mulberry32(3)), n);
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // P(|Z| > 1.96) = 0.05 for a standard normal
    const tail = xs.filter((x) => Math.abs(x) > 1.96).length / n;
    expect(Math.abs(tail - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n));
    expect(xs.every(Number.isFinite)).toBe(true);
  });
});
