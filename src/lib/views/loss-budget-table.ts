/**
 * The "show data" table of the loss budget: per kind of example, how many,
 * p_t, and each loss's per-example value and share. Plain cell text, so the
 * component writes it at build time and the element overwrites it in place.
 */
import { BUDGET_PARTS, BUDGET_PART_LABELS, formatCount, type LossBudget } from "./loss-budget";
import { formatNumber, formatPercent } from "../text/format";

export interface BudgetTable {
  head: string[];
  rows: string[][];
}

const loss = (v: number) => formatNumber(v, { notation: "significant", digits: 4 });

export function budgetTable(
  budgets: readonly LossBudget[],
  pts: Record<(typeof BUDGET_PARTS)[number], number>,
): BudgetTable {
  const names = ["CE", "Balanced CE", "FL"];
  return {
    head: ["Examples", "Count", "pₜ", ...names.flatMap((n) => [`${n} each`, `${n} share`])],
    rows: BUDGET_PARTS.map((part) => [
      BUDGET_PART_LABELS[part],
      formatCount(budgets[0]!.parts[part].count),
      formatNumber(pts[part], { notation: "fixed", digits: 4 }),
      ...budgets.flatMap((b) => [loss(b.parts[part].perExample), formatPercent(b.parts[part].share)]),
    ]),
  };
}
