/**
 * The scenario calculator's table as data: for each example (a class and a p)
 * the losses under the reader's α and γ, computed by the loss-math module, and
 * — when α and γ are the article's own — what the article printed for that
 * example, checked by the errata module. The page, the copy buttons and the
 * CSV download all read this one model.
 */
import {
  ARTICLE_ALPHA,
  ARTICLE_GAMMA,
  articlePrintedValues,
  articleScenarios,
  type Quantity,
  type ScenarioId,
} from "../article/article-values";
import { checkPrintedValue, type Verdict } from "../article/errata";
import { formatNumber, formatNumberTex, type FormatOptions } from "../text/format";
import { balancedCrossEntropy, crossEntropy, focalLoss, pt, type Alpha, type Label } from "../math/loss";
import type { ScenarioCalculatorState, ScenarioRow } from "../state/calculator-state";
import { RATIO_FORMAT, shortestFormat } from "./loss-steps";
import type { ExportCell, ExportTable } from "../text/table-export";

/** Our names for the article's three scenarios. */
export const SCENARIO_NAMES: Record<ScenarioId, string> = {
  easy: "Easily classified",
  misclassified: "Misclassified",
  "very-easy": "Very easily classified",
};

export const CLASS_NAMES: Record<Label, string> = { 1: "foreground (y = 1)", 0: "background (y = 0)" };

const QUANTITY_NAMES: Record<Quantity, string> = {
  pt: "p_t",
  ce: "CE",
  balancedCe: "balanced CE",
  modulating: "(1 − p_t)^γ",
  fl: "FL",
  ceOverFl: "CE / FL",
};

/** The marks the page shows next to a printed value (the words go to screen readers and exports). */
export const VERDICT_MARKS: Record<Verdict, string> = { agrees: "✓", "last-digit": "≈", differs: "✗" };

export const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: "agrees",
  "last-digit": "off in the last digit",
  differs: "differs",
};

export interface PrintedForRow {
  id: string;
  /** what is printed, e.g. "FL" */
  quantityName: string;
  /** the article's text, as printed */
  printedText: string;
  /** the exact value, from the module */
  exact: number;
  verdict: Verdict;
  /** where in the article */
  location: string;
}

export interface ScenarioRowValues {
  y: Label;
  p: number;
  /** the article's scenario this example is, when its class and p are the article's */
  scenario: ScenarioId | undefined;
  pt: number;
  ce: number;
  balancedCe: number;
  fl: number;
  /** CE / FL; NaN where both are 0 or both infinite (undefined), Infinity where only FL is 0 */
  ceOverFl: number;
}

/** The article's scenario with this class and p, if any. */
export function scenarioOf(y: Label, p: number): ScenarioId | undefined {
  return articleScenarios.find((s) => (y === 1 ? s.foregroundP : s.backgroundP) === p)?.id;
}

/** CE / FL with 0/0 and ∞/∞ left undefined (NaN, shown as a dash with a note) rather than guessed. */
export function ceOverFlRatio(ce: number, fl: number): number {
  if ((ce === 0 && fl === 0) || (ce === Infinity && fl === Infinity)) return NaN;
  if (fl === 0) return Infinity;
  return ce / fl;
}

export function scenarioRowValues(row: ScenarioRow, alpha: Alpha, gamma: number): ScenarioRowValues {
  const { y, p } = row;
  const ce = crossEntropy(p, y);
  const fl = focalLoss(p, y, { alpha, gamma });
  return {
    y,
    p,
    scenario: scenarioOf(y, p),
    pt: pt(p, y),
    ce,
    balancedCe: balancedCrossEntropy(p, y, alpha),
    fl,
    ceOverFl: ceOverFlRatio(ce, fl),
  };
}

/** The parameters in words for the table's caption, e.g. "α = 0.25 and γ = 2". */
export function tableParamsText(alpha: Alpha, gamma: number): string {
  const g = formatNumber(gamma, shortestFormat(gamma, true));
  return alpha === null
    ? `no α weighting and γ = ${g}`
    : `α = ${formatNumber(alpha, shortestFormat(alpha, true))} and γ = ${g}`;
}

/** True when α and γ are the article's, so its printed values are comparable. */
export function isArticleSetting(alpha: Alpha, gamma: number): boolean {
  return alpha === ARTICLE_ALPHA && gamma === ARTICLE_GAMMA;
}

/** What the article printed about this example in its scenario comparison, each checked. */
export function printedForRow(y: Label, p: number): PrintedForRow[] {
  return articlePrintedValues
    .filter(
      (e) =>
        e.scenario !== undefined &&
        e.example.y === y &&
        e.example.p === p &&
        e.example.alpha === ARTICLE_ALPHA &&
        e.example.gamma === ARTICLE_GAMMA,
    )
    .map((e) => {
      const c = checkPrintedValue(e);
      return {
        id: e.id,
        quantityName: QUANTITY_NAMES[e.quantity],
        printedText: e.printedText,
        exact: c.exact,
        verdict: c.verdict,
        location: e.location,
      };
    });
}

/** How each column's numbers are written: losses to four decimals (scientific when small), ratios by the one ratio rule (format.ts). */
export const COLUMN_FORMATS = {
  pt: (v: number): FormatOptions => shortestFormat(v),
  loss: (_v: number): FormatOptions => ({}),
  ratio: (_v: number): FormatOptions => RATIO_FORMAT,
} as const;

function numberCell(value: number, options: FormatOptions): ExportCell {
  // CSV keeps full precision for spreadsheets; ∞ and undefined read as on the page.
  const csv = Number.isFinite(value) ? String(value) : formatNumber(value);
  return { text: formatNumber(value, options), tex: formatNumberTex(value, options), csv };
}

function exampleName(v: ScenarioRowValues): string {
  return v.scenario ? SCENARIO_NAMES[v.scenario] : "Your example";
}

export interface PrintedLine {
  verdict: Verdict;
  /** the quantities that agree, or one printed value that does not, e.g. "FL 3.2058E-7" */
  text: string;
}

/**
 * The printed values compactly, for a table cell: one line naming everything
 * that agrees, then one line per value that does not, with the text as printed.
 */
export function printedLines(printed: readonly PrintedForRow[]): PrintedLine[] {
  const agreeing = [...new Set(printed.filter((x) => x.verdict === "agrees").map((x) => x.quantityName))];
  const lines: PrintedLine[] = agreeing.length > 0 ? [{ verdict: "agrees", text: agreeing.join(", ") }] : [];
  for (const x of printed) {
    if (x.verdict !== "agrees") lines.push({ verdict: x.verdict, text: `${x.quantityName} ${x.printedText}` });
  }
  return lines;
}

/** One line per printed value, e.g. "FL 9.61E-5 (differs)". */
export function printedSummary(printed: readonly PrintedForRow[]): string {
  return printed.map((x) => `${x.quantityName} ${x.printedText} (${VERDICT_WORDS[x.verdict]})`).join("; ");
}

/** The table for export (and for the page's column order). */
export function scenarioExportTable(state: ScenarioCalculatorState): ExportTable {
  const withPrinted = isArticleSetting(state.alpha, state.gamma);
  const right = "right" as const;
  const columns: ExportTable["columns"] = [
    { header: { text: "Example" }, align: "left" },
    { header: { text: "Class" }, align: "left" },
    { header: { text: "p", tex: "p" }, align: right },
    { header: { text: "p_t", tex: "p_t" }, align: right },
    { header: { text: "CE" }, align: right },
    { header: { text: "Balanced CE" }, align: right },
    { header: { text: "FL" }, align: right },
    { header: { text: "CE / FL" }, align: right },
  ];
  if (withPrinted) columns.push({ header: { text: "Article printed" }, align: "left" });
  const rows = state.rows.map((row) => {
    const v = scenarioRowValues(row, state.alpha, state.gamma);
    const cells: ExportCell[] = [
      { text: exampleName(v) },
      { text: CLASS_NAMES[v.y] },
      numberCell(v.p, shortestFormat(v.p)),
      numberCell(v.pt, COLUMN_FORMATS.pt(v.pt)),
      numberCell(v.ce, COLUMN_FORMATS.loss(v.ce)),
      numberCell(v.balancedCe, COLUMN_FORMATS.loss(v.balancedCe)),
      numberCell(v.fl, COLUMN_FORMATS.loss(v.fl)),
      numberCell(v.ceOverFl, COLUMN_FORMATS.ratio(v.ceOverFl)),
    ];
    if (withPrinted) cells.push({ text: v.scenario ? printedSummary(printedForRow(v.y, v.p)) : "—" });
    return cells;
  });
  return { columns, rows };
}
