import { describe, expect, it } from "vitest";
import { caseTitle } from "../../support/case-title";

describe("a case's title, as Vitest's it.each writes it", () => {
  it("fills $key from an object row, strings as they are and other values as JSON", () => {
    expect(caseTitle("$field = $value: its message", { field: "p", value: "1e999" }, 0)).toBe("p = 1e999: its message");
    expect(caseTitle("accepts $typed as p = $p", { typed: " 0,95 ", p: 0.95 }, 3)).toBe("accepts  0,95  as p = 0.95");
  });

  it("fills %s in order from an array row or a primitive, and %# with the index", () => {
    expect(caseTitle("%s works %s for p = %s", ["cross-entropy", "ce", 0.95], 0)).toBe(
      "cross-entropy works ce for p = 0.95",
    );
    expect(caseTitle("case %# in the %s theme", "dark", 4)).toBe("case 4 in the dark theme");
  });

  it("leaves a $word alone when the row has no such key", () => {
    expect(caseTitle("costs $5 for %s", ["x"], 0)).toBe("costs $5 for x");
  });
});
