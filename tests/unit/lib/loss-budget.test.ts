import { describe, expect, it } from "vitest";
import { lossBudget } from "../../../src/lib/loss-budget";
import { loadReference, relativeError } from "../../support/reference";

interface GridCase { p: number; y: 0 | 1; alpha: number | null; gamma: number; ce: number; fl: number }
const grid = loadReference<{ cases: GridCase[] }>("probability-grid.json").cases;
const ref = (p: number, y: 0 | 1, alpha: number | null, gamma: number) => grid.find((c) => c.p === p && c.y === y && c.alpha === alpha && c.gamma === gamma)!;

describe("lossBudget", () => {
  const groups = [{ count: 99900, p: 0.01, y: 0 as const }, { count: 100, p: 0.5, y: 1 as const }];

  it("cross-entropy: per-example losses are the reference, totals multiply, shares sum to 1", () => {
    const [bg, fg] = lossBudget(groups, { alpha: null, gamma: 0 });
    expect(relativeError(bg!.each, ref(0.01, 0, null, 0).ce)).toBeLessThan(1e-12);
    expect(relativeError(fg!.each, ref(0.5, 1, null, 0).ce)).toBeLessThan(1e-12);
    expect(relativeError(bg!.total, 99900 * ref(0.01, 0, null, 0).ce)).toBeLessThan(1e-12);
    expect(bg!.share + fg!.share).toBeCloseTo(1, 12);
    // the point of chapter 1: easy background dominates the summed cross-entropy
    expect(bg!.share).toBeGreaterThan(0.9);
  });

  it("focal loss hands the majority of the loss to the objects", () => {
    const [bg, fg] = lossBudget(groups, { alpha: 0.25, gamma: 2 });
    expect(relativeError(bg!.each, ref(0.01, 0, 0.25, 2).fl)).toBeLessThan(1e-12);
    expect(fg!.share).toBeGreaterThan(0.5);
  });

  it("an empty group costs nothing even if each example would cost ∞", () => {
    const rows = lossBudget([{ count: 0, p: 0, y: 1 }, { count: 3, p: 0.5, y: 1 }], { alpha: null, gamma: 0 });
    expect(rows[0]!.total).toBe(0);
    expect(rows[1]!.share).toBe(1);
  });

  it("rejects a fractional or negative count", () => {
    expect(() => lossBudget([{ count: 1.5, p: 0.5, y: 1 }], { alpha: null, gamma: 0 })).toThrow(/count must be a non-negative integer; got 1.5/);
    expect(() => lossBudget([{ count: -1, p: 0.5, y: 1 }], { alpha: null, gamma: 0 })).toThrow(RangeError);
  });
});
