/**
 * The loss budget as 100%-stacked bars, one per loss: how each loss's total
 * splits between easy negatives, hard negatives and positives. Bars are HTML
 * (flex rows with percentage widths) rather than SVG, so they reflow on a phone
 * and their labels stay at text size. The same markup is written at build time
 * by LossBudgetFigure.astro from budgetBarRows(); renderLossBudgetBars updates it.
 * A segment too narrow for its share (a sliver of hard negatives) is named in a
 * line under its bar instead, so no share goes unlabelled.
 */
import { joinKeyed } from "./keyed-join";
import {
  BUDGET_PARTS,
  BUDGET_PART_LABELS,
  lossName,
  sharePhrase,
  type BudgetPart,
  type LossBudget,
} from "../lib/views/loss-budget";
import { formatNumber } from "../lib/text/format";

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
  /** the shares too narrow to print inside their segments, as text under the bar ("" when none) */
  outsideText: string;
}

/** Below this width (percent of the bar) a segment's share does not fit inside it. */
const LABEL_MIN_PERCENT = 16;

/** Rows for the chart; `normaliser` is the number of positives the totals are divided by. */
export function budgetBarRows(budgets: readonly LossBudget[], normaliser: number): BudgetBarRow[] {
  return budgets.map((b) => ({
    kind: b.kind,
    name: lossName(b.kind, b.params),
    totalText: formatNumber(b.total / Math.max(1, normaliser), { notation: "significant", digits: 4 }),
    ...segmentsOf(b),
  }));
}

function segmentsOf(b: LossBudget): Pick<BudgetBarRow, "segments" | "outsideText"> {
  const segments = BUDGET_PARTS.map((part) => {
    const share = b.parts[part].share;
    const percent = Number.isFinite(share) ? share * 100 : 0;
    return {
      part,
      percent,
      // As the sentence under the bars prints it (0.07%, not 0.1% beside "they carry 0.07%").
      shareText: sharePhrase(share),
      labelled: percent >= LABEL_MIN_PERCENT,
      description: `${BUDGET_PART_LABELS[part]}: ${sharePhrase(share)}`,
    };
  });
  const outside = segments.filter((s) => !s.labelled && s.percent > 0).map((s) => s.description);
  return { segments, outsideText: outside.join(" · ") };
}

/**
 * Draw or update the bars inside `target` (an element with class
 * `budget-bars`). Idempotent: rows and segments are joined by loss and part.
 */
export function renderLossBudgetBars(target: HTMLElement, rows: readonly BudgetBarRow[]): void {
  const el = (tag: string, cls: string) => Object.assign(document.createElement(tag), { className: cls });
  const rowEls = joinKeyed(
    target,
    "div.budget-row",
    rows,
    (d) => d.kind,
    (e) => (e as HTMLElement).dataset.kind ?? "",
    () => {
      const r = el("div", "budget-row");
      const head = el("div", "budget-row-head");
      head.append(el("span", "budget-row-name"), el("span", "budget-row-total"));
      const bar = el("div", "budget-bar");
      bar.setAttribute("role", "img");
      const outside = el("p", "budget-row-outside");
      outside.setAttribute("aria-hidden", "true");
      r.append(head, bar, outside);
      return r;
    },
  ) as HTMLElement[];
  rowEls.forEach((row, i) => {
    const d = rows[i]!;
    row.dataset.kind = d.kind;
    row.querySelector(".budget-row-name")!.textContent = d.name;
    row.querySelector(".budget-row-total")!.textContent = `total ${d.totalText} per positive`;
    const outside = row.querySelector<HTMLElement>(".budget-row-outside");
    if (outside && outside.textContent !== d.outsideText) outside.textContent = d.outsideText;
    const bar = row.querySelector<HTMLElement>(".budget-bar")!;
    bar.setAttribute("aria-label", `${d.name}: ${d.segments.map((s) => s.description).join(", ")}`);
    const segments = joinKeyed(
      bar,
      "span.budget-segment",
      d.segments,
      (s) => s.part,
      (e) => (e as HTMLElement).dataset.part ?? "",
      () => document.createElement("span"),
    ) as HTMLElement[];
    segments.forEach((span, j) => {
      const seg = d.segments[j]!;
      span.className = `budget-segment part-${seg.part}`;
      span.dataset.part = seg.part;
      span.dataset.share = seg.shareText;
      span.style.width = `${seg.percent}%`;
      span.textContent = seg.labelled ? seg.shareText : "";
    });
  });
}
