/**
 * The loss budget as 100%-stacked bars, one per loss: how each loss's total
 * splits between easy negatives, hard negatives and positives. Bars are HTML
 * (flex rows with percentage widths) rather than SVG, so they reflow on a phone
 * and their labels stay at text size. The same markup is written at build time
 * by LossBudget.astro from budgetBarRows(); renderLossBudgetBars updates it.
 */
import { select } from "d3-selection";
import { BUDGET_PARTS, BUDGET_PART_LABELS, lossName, type BudgetPart, type LossBudget } from "../lib/views/loss-budget";
import { formatNumber, formatPercent } from "../lib/text/format";

export interface BudgetSegment {
  part: BudgetPart;
  /** width of the segment, in percent of the bar */
  percent: number;
  /** the share as text, e.g. "87.0%" */
  shareText: string;
  /** whether the share fits inside the segment as a label */
  labelled: boolean;
  /** what a screen reader hears for the segment */
  description: string;
}

export interface BudgetBarRow {
  kind: LossBudget["kind"];
  name: string;
  /** the total loss, normalised by the number of positives, as text */
  totalText: string;
  segments: BudgetSegment[];
}

/** Below this width (percent of the bar) a segment's share does not fit inside it. */
const LABEL_MIN_PERCENT = 11;

/** Rows for the chart; `normaliser` is the number of positives the totals are divided by. */
export function budgetBarRows(budgets: readonly LossBudget[], normaliser: number): BudgetBarRow[] {
  return budgets.map((b) => ({
    kind: b.kind,
    name: lossName(b.kind, b.params),
    totalText: formatNumber(b.total / Math.max(1, normaliser), { notation: "significant", digits: 4 }),
    segments: BUDGET_PARTS.map((part) => {
      const share = b.parts[part].share;
      const percent = Number.isFinite(share) ? share * 100 : 0;
      return {
        part,
        percent,
        shareText: formatPercent(share),
        labelled: percent >= LABEL_MIN_PERCENT,
        description: `${BUDGET_PART_LABELS[part]}: ${formatPercent(share)}`,
      };
    }),
  }));
}

/**
 * Draw or update the bars inside `target` (an element with class
 * `budget-bars`). Idempotent: rows and segments are joined by loss and part.
 */
export function renderLossBudgetBars(target: HTMLElement, rows: readonly BudgetBarRow[]): void {
  const row = select(target)
    .selectAll<HTMLDivElement, BudgetBarRow>("div.budget-row")
    .data(rows, function (d) {
      return d ? d.kind : (this as HTMLElement).dataset.kind!;
    })
    .join((enter) => {
      const r = enter.append("div").attr("class", "budget-row");
      const head = r.append("div").attr("class", "budget-row-head");
      head.append("span").attr("class", "budget-row-name");
      head.append("span").attr("class", "budget-row-total");
      r.append("div").attr("class", "budget-bar").attr("role", "img");
      return r;
    });
  row.attr("data-kind", (d) => d.kind);
  row.select(".budget-row-name").text((d) => d.name);
  row.select(".budget-row-total").text((d) => `total ${d.totalText} per positive`);
  row
    .select(".budget-bar")
    .attr("aria-label", (d) => `${d.name}: ${d.segments.map((s) => s.description).join(", ")}`)
    .selectAll<HTMLSpanElement, BudgetSegment>("span.budget-segment")
    .data(
      (d) => d.segments,
      function (d) {
        return d ? d.part : (this as HTMLElement).dataset.part!;
      },
    )
    .join("span")
    .attr("class", (d) => `budget-segment part-${d.part}`)
    .attr("data-part", (d) => d.part)
    .attr("data-share", (d) => d.shareText)
    .style("width", (d) => `${d.percent}%`)
    .text((d) => (d.labelled ? d.shareText : ""));
}
