import { describe, expect, it } from "vitest";
import { checkedArticleValues, checkedValue } from "../../../../src/lib/article/errata";
import {
  classifySlip,
  comparisonFormat,
  exactAtPrintedPrecision,
  exactText,
  significantDigits,
  swappedNeighbours,
} from "../../../../src/lib/article/errata-notes";

describe("classifySlip", () => {
  // What a person reading the article sees at each place, checked against the classifier.
  it.each([
    ["ce-fg", "none"],
    ["s1-fl-bg", "last-digit"], // 9.6175 × 10⁻⁵ printed 9.61
    ["ft-s2-ratio", "quoted-quotient"], // 4.43 printed 4.5, quoted as 2.3 / 0.667, which is 3.45
    ["s2-pt-fg", "other-class-pt"], // p_t = 0.05 printed 0.95
    ["s2-pt-bg", "other-class-pt"],
    ["s3-mf-fg", "pt-instead-of-one-minus-pt"], // (1 − 0.01)² printed for (1 − 0.99)²
    ["ft-s1-fl", "power-of-ten"], // 3.2058 × 10⁻⁵ quoted as × 10⁻⁷
    ["ft-s2-ce", "unexplained"], // 2.9957 quoted as 2.3
    ["ft-s2-fl", "transposed-digits"], // 0.6759 rounds to 0.676, quoted as 0.667
  ])("%s is %s", (id, kind) => {
    expect(classifySlip(checkedValue(id)).kind).toBe(kind);
  });

  it("reports the power of ten of a misplaced exponent", () => {
    expect(classifySlip(checkedValue("ft-s1-fl")).powerOfTen).toBe(-2);
  });

  it("every value that agrees has no slip and every one that does not has one", () => {
    for (const c of checkedArticleValues()) {
      expect(classifySlip(c).kind === "none", c.entry.id).toBe(c.verdict === "agrees");
    }
  });
});

describe("significantDigits", () => {
  it.each([
    ["0.0128", 3],
    ["9.61E-5", 3],
    ["40000", 1],
    ["0.05", 1],
    ["2.995732273553991", 16],
    ["0.00000025", 2],
    ["4.5", 2],
  ])("%s has %i", (text, n) => expect(significantDigits(text)).toBe(n));
});

describe("exactAtPrintedPrecision", () => {
  it("rounds the exact value where the article rounded", () => {
    expect(exactAtPrintedPrecision(checkedValue("s1-fl-bg"))).toBe("9.62 × 10⁻⁵");
    expect(exactAtPrintedPrecision(checkedValue("ft-s2-ratio"))).toBe("4.4");
  });
  it("shows at least four significant digits of the exact value", () => {
    expect(comparisonFormat(checkedValue("ce-fg"))).toEqual({ notation: "significant", digits: 4 });
    expect(comparisonFormat(checkedValue("bce-fg"))).toEqual({ notation: "significant", digits: 5 });
    // 3.2058 × 10⁻⁵ printed to 5 digits: shown as 3.205831 × 10⁻⁵, not 0.00003205831
    expect(comparisonFormat(checkedValue("ft-s1-fl"))).toEqual({ notation: "scientific", digits: 6 });
  });
});

describe("exactText", () => {
  it("prints a p_t as a short decimal and a loss with comparison digits", () => {
    expect(exactText(checkedValue("s2-pt-fg"))).toBe("0.05");
    expect(exactText(checkedValue("s2-pt-bg"))).toBe("0.05"); // 1 − 0.95 in binary is 0.050000000000000044
    expect(exactText(checkedValue("ce-fg"))).toBe("0.05129");
  });
});

describe("swappedNeighbours", () => {
  it.each([
    ["0.667", "0.676", true],
    ["0.676", "0.667", true],
    ["0.667", "0.667", false],
    ["0.667", "0.766", false],
    ["4.5", "4.4", false],
    ["0.67", "0.676", false],
  ])("%s against %s: %s", (a, b, swapped) => expect(swappedNeighbours(a, b)).toBe(swapped));
});
