import { describe, expect, it } from "vitest";
import {
  balancedCeByAlpha,
  bestRow,
  focalLossByGamma,
  paperBibtex,
  paperDecimal,
} from "../../../../src/lib/article/paper-results";

// Table 1 of arXiv:1708.02002 as issue 4 transcribes it; the data file must say the same.
describe("Table 1 of the paper", () => {
  it("1a: AP of α-balanced CE for each α", () => {
    expect(balancedCeByAlpha.map((r) => [r.alpha, r.ap])).toEqual([
      [0.1, 0],
      [0.25, 10.8],
      [0.5, 30.2],
      [0.75, 31.1],
      [0.9, 30.8],
      [0.99, 28.7],
      [0.999, 25.1],
    ]);
  });
  it("1b: AP of focal loss for each γ with its best α", () => {
    expect(focalLossByGamma.map((r) => [r.gamma, r.alpha, r.ap])).toEqual([
      [0, 0.75, 31.1],
      [0.1, 0.75, 31.4],
      [0.2, 0.75, 31.9],
      [0.5, 0.5, 32.9],
      [1, 0.25, 33.7],
      [2, 0.25, 34.0],
      [5, 0.25, 32.2],
    ]);
  });
  it("the best rows are α = .75 for CE and γ = 2, α = .25 for FL", () => {
    expect(bestRow(balancedCeByAlpha).alpha).toBe(0.75);
    expect(bestRow(focalLossByGamma)).toEqual({ gamma: 2, alpha: 0.25, ap: 34 });
  });
  it("γ = 0 in 1b is the best row of 1a: focal loss with γ = 0 is balanced CE", () => {
    expect(focalLossByGamma[0]!.ap).toBe(bestRow(balancedCeByAlpha).ap);
  });
  it("bestRow refuses an empty table", () => expect(() => bestRow([])).toThrow(RangeError));
});

describe("paperDecimal", () => {
  it.each([
    [0.25, ".25"],
    [0.999, ".999"],
    [0, "0"],
    [2, "2"],
    [0.1, ".1"],
  ])("%s → %s", (v, t) => expect(paperDecimal(v)).toBe(t));
});

it("the BibTeX entry names the paper and its arXiv id and has balanced braces", () => {
  expect(paperBibtex).toContain("Focal Loss for Dense Object Detection");
  expect(paperBibtex).toContain("1708.02002");
  const opens = [...paperBibtex].filter((c) => c === "{").length;
  expect([...paperBibtex].filter((c) => c === "}").length).toBe(opens);
});
