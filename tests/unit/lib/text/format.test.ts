import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatNumber,
  formatNumberTex,
  formatPercent,
  groupThousands,
  numberParts,
  powerOfTenText,
} from "../../../../src/lib/text/format";

describe("formatNumber", () => {
  it.each([
    [0.051293294387550536, {}, "0.0513"],
    [3.205830899221908e-5, {}, "3.2058 × 10⁻⁵"],
    [3.205830899221908e-5, { notation: "fixed", digits: 6 } as const, "0.000032"],
    [1600, { notation: "significant", digits: 5 } as const, "1600.0"],
    [123456, {}, "1.2346 × 10⁵"],
    [0, {}, "0.0000"],
    [-0.25, { digits: 2 }, "−0.25"],
    [-1e-9, { notation: "fixed", digits: 3 } as const, "0.000"],
    [9.99996e-5, {}, "1.0000 × 10⁻⁴"],
    [Infinity, {}, "∞"],
    [-Infinity, {}, "−∞"],
    [NaN, {}, "—"],
    [2.5e-300, { notation: "significant", digits: 3 } as const, "2.50 × 10⁻³⁰⁰"],
  ])("%s with %o → %s", (value, options, expected) => {
    expect(formatNumber(value, options)).toBe(expected);
  });
  it("never prints NaN, undefined or Infinity", () => {
    for (const v of [NaN, Infinity, -Infinity, 0, -0, 1e-320, 1e308]) {
      expect(formatNumber(v)).not.toMatch(/NaN|undefined|Infinity/);
      expect(formatNumberTex(v)).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
  it("rejects a nonsensical digit count", () => {
    expect(() => formatNumber(1, { digits: -1 })).toThrow(/digits must be an integer in \[0, 20\]; got -1/);
    expect(() => formatNumber(1, { notation: "significant", digits: 0 })).toThrow(RangeError);
  });
});

describe("formatNumberTex", () => {
  it.each([
    [3.205830899221908e-5, "3.2058 \\times 10^{-5}"],
    [0.0513, "0.0513"],
    [Infinity, "\\infty"],
    [-2, "-2.0000"],
  ])("%s → %s", (value, expected) => {
    expect(formatNumberTex(value)).toBe(expected);
  });
});

describe("numberParts and formatPercent", () => {
  it("splits mantissa and exponent", () => {
    expect(numberParts(4.2e-7)).toMatchObject({ mantissa: "4.2000", exponent: -7, negative: false });
  });
  it("formats shares", () => {
    expect(formatPercent(0.8734)).toBe("87.3%");
    expect(formatPercent(NaN)).toBe("—");
  });
});

describe("powerOfTenText", () => {
  it("writes a power of ten with a superscript exponent and a true minus", () => {
    expect(powerOfTenText(1e-6)).toBe("10⁻⁶");
    expect(powerOfTenText(0.01)).toBe("10⁻²");
    expect(powerOfTenText(1000)).toBe("10³");
    expect(powerOfTenText(1)).toBe("10⁰");
  });
});

describe("groupThousands", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1600, "1,600"],
    [107_415, "107,415"],
    [1_234_567, "1,234,567"],
    [-12_345, "-12,345"],
    [1599.5, "1,600"],
    [Number.MAX_SAFE_INTEGER, "9,007,199,254,740,991"],
  ])("%d → %s", (n, text) => {
    expect(groupThousands(n)).toBe(text);
  });

  it("writes every whole number as en-US's Intl does, without Intl", () => {
    // Rounded and non-zero: -0 is the one value where Intl ("-0") and a count's reading ("0") differ.
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e7, max: 1e7 }), fc.double({ min: -1e17, max: 1e17, noNaN: true })),
        (n) => {
          fc.pre(Math.round(n) !== 0);
          expect(groupThousands(n)).toBe(Math.round(n).toLocaleString("en-US"));
        },
      ),
    );
  });
});
