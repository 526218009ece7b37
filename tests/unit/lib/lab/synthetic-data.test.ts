import { describe, expect, it } from "vitest";
import {
  clampRatio,
  makeDataSet,
  makeSplit,
  POSITIVE_CLUSTER,
  positivesFor,
} from "../../../../src/lib/lab/synthetic-data";

const mean = (xs: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i]!;
  return s / (to - from);
};

describe("makeDataSet", () => {
  it("is reproducible from its seed and changes with it", () => {
    const a = makeDataSet(11, 100, 2000);
    const b = makeDataSet(11, 100, 2000);
    const c = makeDataSet(12, 100, 2000);
    expect(Array.from(a.x1)).toEqual(Array.from(b.x1));
    expect(Array.from(a.x2)).toEqual(Array.from(b.x2));
    expect(Array.from(a.x1)).not.toEqual(Array.from(c.x1));
  });
  it("has the chosen imbalance: one positive per `ratio` negatives", () => {
    const d = makeDataSet(1, 1000, 30_000);
    expect(d.positives).toBe(30);
    expect(d.negatives).toBe(30_000);
    expect(d.labels.reduce((s, y) => s + y, 0)).toBe(30);
    expect(d.labels.length).toBe(30_030);
  });
  it("puts the objects around the cluster centre and the background around the origin", () => {
    const d = makeDataSet(5, 10, 20_000);
    const p = d.positives;
    // positives: standard deviation ≤ 0.3 per axis, 2000 of them → standard error < 0.01
    expect(mean(d.x1, 0, p)).toBeCloseTo(POSITIVE_CLUSTER.center[0], 1);
    expect(mean(d.x2, 0, p)).toBeCloseTo(POSITIVE_CLUSTER.center[1], 1);
    // negatives: N(0, 1), 20 000 of them → standard error 0.007
    expect(Math.abs(mean(d.x1, p, d.labels.length))).toBeLessThan(0.035);
    expect(Math.abs(mean(d.x2, p, d.labels.length))).toBeLessThan(0.035);
  });
});

describe("ratios and splits", () => {
  it("clamps the ratio to 1:10 … 1:1000 and never leaves a set without a positive", () => {
    expect(clampRatio(3)).toBe(10);
    expect(clampRatio(5000)).toBe(1000);
    expect(clampRatio(Number.NaN)).toBe(100);
    expect(positivesFor(50, 1000)).toBe(1);
  });
  it("draws the held-out set from its own stream", () => {
    const s = makeSplit({ seed: 9, ratio: 100 }, { train: 1000, test: 1000 });
    expect(Array.from(s.train.x1)).not.toEqual(Array.from(s.test.x1));
    expect(s.train.positives).toBe(10);
  });
});
