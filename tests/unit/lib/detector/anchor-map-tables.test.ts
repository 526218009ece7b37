import { describe, expect, it } from "vitest";
import { budgetTableRows, levelTableRows } from "../../../../src/lib/detector/anchor-map-tables";

describe("anchor map tables", () => {
  it("gives each level a row headed by its name, and the totals one header spanning level, stride and grid", () => {
    const rows = levelTableRows([
      {
        level: "P3",
        stride: 8,
        grid: "112 × 80",
        anchors: "80,640",
        foreground: "12",
        ignored: "30",
        background: "80,598",
      },
      { level: "all", stride: 0, grid: "", anchors: "107,523", foreground: "40", ignored: "90", background: "107,393" },
    ]);
    expect(rows[0]).toEqual({
      cells: [
        { header: true, text: "P3" },
        { header: false, text: "8" },
        { header: false, text: "112 × 80" },
        { header: false, text: "80,640" },
        { header: false, text: "12" },
        { header: false, text: "30" },
        { header: false, text: "80,598" },
      ],
    });
    expect(rows[1]!.className).toBe("total-row");
    expect(rows[1]!.cells[0]).toEqual({ header: true, text: "All levels", colSpan: 3 });
    // Both rows fill the same seven columns.
    expect(rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0))).toEqual([7, 7]);
  });

  it("puts a loss's name, its total, then its three loss shares and three gradient shares in one row", () => {
    const [row] = budgetTableRows([
      { loss: "Focal loss", total: "12.3 / 40", lossShare: ["60%", "10%", "30%"], gradientShare: ["70%", "5%", "25%"] },
    ]);
    expect(row!.cells.map((c) => [c.header, c.text])).toEqual([
      [true, "Focal loss"],
      [false, "12.3 / 40"],
      [false, "60%"],
      [false, "10%"],
      [false, "30%"],
      [false, "70%"],
      [false, "5%"],
      [false, "25%"],
    ]);
  });
});
