import { describe, expect, it } from "vitest";
import { formatRatio } from "../../../../src/lib/text/format";

describe("formatRatio", () => {
  it.each([
    [1599.9999999999973, "1,600"],
    [39999.999999999935, "40,000"],
    [533.3333333333, "533"],
    [100, "100"],
    [99.96, "100"],
    [4.43213296398892, "4.43"],
    [1.4773776546629731, "1.48"],
    [1, "1.00"],
    [2.5e7, "2.50 × 10⁷"],
    [Infinity, "∞"],
    [NaN, "—"],
  ])("%s → %s", (v, text) => expect(formatRatio(v)).toBe(text));
});
