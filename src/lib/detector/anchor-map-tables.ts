/**
 * The anchor map's two data tables as plain rows of cells: the component
 * writes them as HTML at build time, the element writes the same rows with
 * DOM calls, so both show the same table and no markup is built from strings.
 */
import { shareText, type BudgetRow, type LevelRow } from "./describe";
import { shareOfHardest, type LossCdfs } from "./loss-map";

export interface TableCell {
  /** a row header (th scope="row") or a data cell */
  header: boolean;
  text: string;
  colSpan?: number;
}

export interface TableRow {
  /** the row's class, if any (the totals row) */
  className?: string;
  cells: TableCell[];
}

const th = (text: string, colSpan?: number): TableCell =>
  colSpan ? { header: true, text, colSpan } : { header: true, text };
const td = (text: string): TableCell => ({ header: false, text });

export function levelTableRows(rows: readonly LevelRow[]): TableRow[] {
  return rows.map((r) => {
    const counts = [td(r.anchors), td(r.foreground), td(r.ignored), td(r.background)];
    return r.level === "all"
      ? { className: "total-row", cells: [th("All levels", 3), ...counts] }
      : { cells: [th(r.level), td(String(r.stride)), td(r.grid), ...counts] };
  });
}

export function budgetTableRows(rows: readonly BudgetRow[]): TableRow[] {
  return rows.map((r) => ({ cells: [th(r.loss), td(r.total), ...r.lossShare.map(td), ...r.gradientShare.map(td)] }));
}

/** Figure 4's readings: the fractions of each group whose hardest examples the table quotes. */
export const CDF_FRACTIONS: readonly number[] = [0.2, 0.05, 0.01];

/** One row per γ: the share of each group's loss carried by its hardest 20%, 5% and 1%. */
export function cdfTableRows(cdfs: readonly LossCdfs[], readerGamma?: number): TableRow[] {
  return cdfs.map((c) => ({
    ...(c.gamma === readerGamma ? { className: "is-reader" } : {}),
    cells: [
      th(c.gamma === readerGamma ? `${c.gamma} (yours)` : String(c.gamma)),
      ...CDF_FRACTIONS.map((f) => td(shareText(shareOfHardest(c.positives, f)))),
      ...CDF_FRACTIONS.map((f) => td(shareText(shareOfHardest(c.negatives, f)))),
    ],
  }));
}
