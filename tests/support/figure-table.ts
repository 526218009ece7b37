/**
 * Prints a gate's figures as a plain-text table, one row per page, so a CI log
 * shows the numbers behind every pass or fail.
 */
export type Cell = string | number | boolean | null | undefined;

function show(cell: Cell): string {
  if (cell === null || cell === undefined) return "–";
  if (typeof cell === "boolean") return cell ? "yes" : "NO";
  return String(cell);
}

/** Columns are sized to their widest cell; numbers are right-aligned. */
export function formatTable(title: string, header: string[], rows: Cell[][]): string {
  const text = [header, ...rows.map((r) => r.map(show))];
  const widths = header.map((_h, i) => Math.max(...text.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_h, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] == null));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [`\n${title}`, line(header), rule, ...text.slice(1).map(line)].join("\n");
}

/** Kilobytes with one decimal, for byte counts in tables. */
export function kb(bytes: number): number {
  return Math.round(bytes / 102.4) / 10;
}
