import { describe, expect, it } from "vitest";
import { formatTable, kb } from "../../support/figure-table";

describe("formatTable", () => {
  it("aligns columns, right-aligns numbers and marks failures and gaps", () => {
    const table = formatTable(
      "Scores",
      ["page", "score", "ok"],
      [
        ["/", 100, true],
        ["/why-focal-loss/", 93, false],
        ["/x/", null, true],
      ],
    );
    expect(table.split("\n")).toEqual([
      "",
      "Scores",
      "page              score  ok",
      "----------------  -----  ---",
      "/                   100  yes",
      "/why-focal-loss/     93  NO",
      "/x/                   –  yes",
    ]);
  });
  it("shows kilobytes with one decimal", () => {
    expect(kb(1536)).toBe(1.5);
    expect(kb(0)).toBe(0);
  });
});
