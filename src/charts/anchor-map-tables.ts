/** The anchor map's two data tables as HTML rows, the same at build time and in the browser. */
import type { BudgetRow, LevelRow } from "../lib/detector/describe";
import { esc } from "./svg-markup";

export function levelRowsHtml(rows: readonly LevelRow[]): string {
  return rows.map((r) => {
    const head = r.level === "all" ? `<th scope="row" colspan="3">All levels</th>` : `<th scope="row">${esc(r.level)}</th><td>${r.stride}</td><td>${esc(r.grid)}</td>`;
    return `<tr${r.level === "all" ? ' class="total-row"' : ""}>${head}<td>${esc(r.anchors)}</td><td>${esc(r.foreground)}</td><td>${esc(r.ignored)}</td><td>${esc(r.background)}</td></tr>`;
  }).join("");
}

export function budgetRowsHtml(rows: readonly BudgetRow[]): string {
  return rows.map((r) => `<tr><th scope="row">${esc(r.loss)}</th><td>${esc(r.total)}</td>${r.lossShare.map((s) => `<td>${esc(s)}</td>`).join("")}${r.gradientShare.map((s) => `<td>${esc(s)}</td>`).join("")}</tr>`).join("");
}
