/**
 * A table as plain data, and the three forms a reader pastes into slides or a
 * paper: Markdown, CSV (RFC 4180) and a LaTeX tabular. Cells carry their own
 * text for each form, so numbers read "3.2058 × 10⁻⁵" in Markdown,
 * "3.205830899221908e-5" in a spreadsheet and $3.2058 \times 10^{-5}$ in LaTeX.
 */

export interface ExportCell {
  /** plain text (Markdown, and the fallback for the other forms) */
  text: string;
  /** KaTeX/LaTeX math source, typeset as $…$ in LaTeX */
  tex?: string;
  /** the CSV field: full precision for numbers */
  csv?: string;
}

export interface ExportColumn {
  header: ExportCell;
  /** numbers align right */
  align: "left" | "right";
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportCell[][];
}

function checkShape(table: ExportTable): void {
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new RangeError(`row ${i} has ${row.length} cells; the table has ${table.columns.length} columns`);
    }
  });
}

/** Markdown cells cannot hold a raw pipe or a line break. */
function markdownCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A GitHub-flavoured Markdown table, numbers right-aligned. */
export function toMarkdown(table: ExportTable): string {
  checkShape(table);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const header = line(table.columns.map((c) => markdownCell(c.header.text)));
  const rule = line(table.columns.map((c) => (c.align === "right" ? "---:" : "---")));
  const body = table.rows.map((row) => line(row.map((cell) => markdownCell(cell.text))));
  return [header, rule, ...body].join("\n") + "\n";
}

/** RFC 4180: a field with a comma, a double quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header row and CRLF line ends, as RFC 4180 has it. */
export function toCsv(table: ExportTable): string {
  checkShape(table);
  const line = (cells: ExportCell[]) => cells.map((c) => csvField(c.csv ?? c.text)).join(",");
  return [line(table.columns.map((c) => c.header)), ...table.rows.map(line)].join("\r\n") + "\r\n";
}

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Text safe inside a LaTeX tabular cell: the ten special characters escaped. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => LATEX_SPECIALS[c]!);
}

function latexCell(cell: ExportCell): string {
  return cell.tex !== undefined ? `$${cell.tex}$` : escapeLatex(cell.text);
}

/** A LaTeX `tabular` (with booktabs-free \hline rules, so it compiles without extra packages). */
export function toLatexTabular(table: ExportTable): string {
  checkShape(table);
  const spec = table.columns.map((c) => (c.align === "right" ? "r" : "l")).join("");
  const line = (cells: ExportCell[]) => `  ${cells.map(latexCell).join(" & ")} \\\\`;
  return (
    [
      `\\begin{tabular}{${spec}}`,
      "  \\hline",
      line(table.columns.map((c) => c.header)),
      "  \\hline",
      ...table.rows.map(line),
      "  \\hline",
      "\\end{tabular}",
    ].join("\n") + "\n"
  );
}
