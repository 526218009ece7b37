import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvField,
  escapeLatex,
  toCsv,
  toLatexTabular,
  toMarkdown,
  type ExportTable,
} from "../../../../src/lib/text/table-export";
import { parseCsv } from "../../../support/csv";

const table: ExportTable = {
  columns: [
    { header: { text: "Example" }, align: "left" },
    { header: { text: "p_t", tex: "p_t" }, align: "right" },
    { header: { text: "FL" }, align: "right" },
  ],
  rows: [
    [
      { text: "Easy, foreground" },
      { text: "0.95", tex: "0.95", csv: "0.95" },
      { text: "3.2058 × 10⁻⁵", tex: "3.2058 \\times 10^{-5}", csv: "3.205830899221908e-5" },
    ],
    [{ text: 'a "quoted" | piped\nline' }, { text: "∞", tex: "\\infty" }, { text: "50% & $5 #1 _x_ {y} ~ ^ \\" }],
  ],
};

describe("toMarkdown", () => {
  it("writes a GFM table with numbers right-aligned and pipes escaped", () => {
    expect(toMarkdown(table)).toBe(
      "| Example | p_t | FL |\n" +
        "| --- | ---: | ---: |\n" +
        "| Easy, foreground | 0.95 | 3.2058 × 10⁻⁵ |\n" +
        '| a "quoted" \\| piped line | ∞ | 50% & $5 #1 _x_ {y} ~ ^ \\\\ |\n',
    );
  });
});

describe("toCsv (RFC 4180)", () => {
  it("quotes fields with commas, quotes or line breaks, doubles quotes, ends lines with CRLF", () => {
    expect(toCsv(table)).toBe(
      "Example,p_t,FL\r\n" +
        '"Easy, foreground",0.95,3.205830899221908e-5\r\n' +
        '"a ""quoted"" | piped\nline",∞,50% & $5 #1 _x_ {y} ~ ^ \\\r\n',
    );
  });
  it("reads back to the same cells", () => {
    expect(parseCsv(toCsv(table))).toEqual([
      ["Example", "p_t", "FL"],
      ["Easy, foreground", "0.95", "3.205830899221908e-5"],
      ['a "quoted" | piped\nline', "∞", "50% & $5 #1 _x_ {y} ~ ^ \\"],
    ]);
  });
  it("round-trips any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (cells) => {
          const t: ExportTable = {
            columns: [
              { header: { text: "a" }, align: "left" },
              { header: { text: "b" }, align: "left" },
            ],
            rows: cells.map((r) => r.map((text) => ({ text }))),
          };
          expect(parseCsv(toCsv(t))).toEqual([["a", "b"], ...cells]);
        },
      ),
    );
  });
  it("leaves plain fields alone", () => {
    expect(csvField("0.0513")).toBe("0.0513");
    expect(csvField("")).toBe("");
  });
});

describe("toLatexTabular", () => {
  it("writes a tabular with math cells in $…$ and text cells escaped", () => {
    expect(toLatexTabular(table)).toBe(
      "\\begin{tabular}{lrr}\n" +
        "  \\hline\n" +
        "  Example & $p_t$ & FL \\\\\n" +
        "  \\hline\n" +
        "  Easy, foreground & $0.95$ & $3.2058 \\times 10^{-5}$ \\\\\n" +
        '  a "quoted" | piped\nline & $\\infty$ & 50\\% \\& \\$5 \\#1 \\_x\\_ \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\\\\n' +
        "  \\hline\n" +
        "\\end{tabular}\n",
    );
  });
  it("escapes each of the ten special characters", () => {
    expect(escapeLatex("\\&%$#_{}~^")).toBe(
      "\\textbackslash{}\\&\\%\\$\\#\\_\\{\\}\\textasciitilde{}\\textasciicircum{}",
    );
    expect(escapeLatex("plain text 0.95")).toBe("plain text 0.95");
  });
});

it("refuses a row with the wrong number of cells", () => {
  const bad: ExportTable = { columns: table.columns, rows: [[{ text: "only one" }]] };
  expect(() => toMarkdown(bad)).toThrow(/row 0 has 1 cells; the table has 3 columns/);
  expect(() => toCsv(bad)).toThrow(RangeError);
  expect(() => toLatexTabular(bad)).toThrow(RangeError);
});
