import { describe, expect, it } from "vitest";
import { formatNumberTex, formatRatio } from "../../../../src/lib/text/format";
import { RATIO_FORMAT } from "../../../../src/lib/views/loss-steps";

// The expected texts are written out by hand from the rule (three significant
// digits, trailing zeros dropped; whole numbers with separators from 100; scientific from 10⁶ and below 10⁻³).
describe("formatRatio: one ratio format over every magnitude", () => {
  it.each([
    [0, "0"],
    [0.0005, "5 × 10⁻⁴"],
    [0.5, "0.5"],
    [1, "1"],
    [1.5, "1.5"],
    [1.4773776546629731, "1.48"],
    [4, "4"],
    [4.43213296398892, "4.43"],
    [12.05, "12.1"],
    [99.96, "100"],
    [100, "100"],
    [533.3333333333, "533"],
    [1599.9999999999973, "1,600"],
    [13333.333333, "13,333"],
    [39999.999999999935, "40,000"],
    [999_999.4, "999,999"],
    [2.5e7, "2.5 × 10⁷"],
    [1.234e9, "1.23 × 10⁹"],
    [Infinity, "∞"],
    [NaN, "—"],
  ])("%s → %s", (v, text) => expect(formatRatio(v)).toBe(text));

  it("writes the same number in TeX, the separator braced so KaTeX adds no space", () => {
    expect(formatNumberTex(1599.9999999999973, RATIO_FORMAT)).toBe("1{,}600");
    expect(formatNumberTex(533.3333333333, RATIO_FORMAT)).toBe("533");
    expect(formatNumberTex(1.5, RATIO_FORMAT)).toBe("1.5");
    expect(formatNumberTex(2.5e7, RATIO_FORMAT)).toBe("2.5 \\times 10^{7}");
  });
});
