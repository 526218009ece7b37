/**
 * The scenario table's rows: each row's controls built from the server's
 * first row, and every computed cell recomputed with the loss-math module
 * through the same table model the copy buttons serialise.
 */
import type { Label } from "../../lib/math/loss";
import { MAX_ROWS, type ScenarioCalculatorState, type ScenarioRow } from "../../lib/state/calculator-state";
import { formatInputValue } from "../../lib/state/number-input";
import {
  isArticleSetting,
  printedForRow,
  printedLines,
  scenarioExportTable,
  tableParamsText,
  VERDICT_MARKS,
  VERDICT_WORDS,
} from "../../lib/views/scenario-table";
import { showFieldError } from "../field-errors";
import { setNoteText } from "../note-text";

/** What the reader typed into a row's p, beside the store's last valid p. */
export interface RowDraft {
  text: string;
  error: string | null;
}

const CELL_COLUMNS = { name: 0, pt: 3, ce: 4, balancedCe: 5, fl: 6, ceOverFl: 7 } as const;

/** Every row's controls from the template, numbered by position (`id` names the error messages). */
export function buildRows(
  root: HTMLElement,
  template: HTMLTableRowElement | null,
  rows: readonly ScenarioRow[],
  drafts: readonly RowDraft[],
  id: string,
): void {
  const tbody = root.querySelector("[data-rows]")!;
  if (!template) return;
  const trs = rows.map((row, i) => {
    const draft = drafts[i] ?? { text: formatInputValue(row.p), error: null };
    const tr = template.cloneNode(true) as HTMLTableRowElement;
    const n = i + 1;
    const select = tr.querySelector<HTMLSelectElement>("[data-row-input=y]")!;
    select.value = String(row.y);
    select.setAttribute("aria-label", `Class of example ${n}`);
    const input = tr.querySelector<HTMLInputElement>("[data-row-input=p]")!;
    input.value = draft.text;
    input.setAttribute("aria-label", `p of example ${n}`);
    const error = tr.querySelector<HTMLElement>("[data-row-error]")!;
    error.id = `${id}-row-${n}-error`;
    input.setAttribute("aria-describedby", error.id);
    showFieldError(input, error, draft.error);
    tr.querySelector("[data-action=remove-row]")!.setAttribute("aria-label", `Remove example ${n}`);
    for (const control of tr.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(
      "input, select, button",
    ))
      control.disabled = false;
    return tr;
  });
  tbody.replaceChildren(...trs);
  const add = root.querySelector<HTMLButtonElement>("[data-action=add-row]");
  if (add && root.dataset.ready === "true") add.disabled = rows.length >= MAX_ROWS;
}

/** Recomputes every cell from the state's (last valid) values, and marks the table stale while a field is invalid. */
export function showResults(root: HTMLElement, state: ScenarioCalculatorState, stale: boolean): void {
  root.toggleAttribute("data-stale", stale);
  root.querySelector<HTMLElement>("[data-stale-note]")!.hidden = !stale;
  const add = root.querySelector<HTMLButtonElement>("[data-action=add-row]");
  if (add) add.disabled = state.rows.length >= MAX_ROWS;

  const table = scenarioExportTable(state);
  const showPrinted = isArticleSetting(state.alpha, state.gamma);
  for (const el of root.querySelectorAll<HTMLElement>("[data-printed-col]")) el.hidden = !showPrinted;
  for (const el of root.querySelectorAll("[data-caption-params]"))
    el.textContent = tableParamsText(state.alpha, state.gamma);
  const trs = root.querySelectorAll<HTMLTableRowElement>("[data-rows] > tr");
  state.rows.forEach((row, i) => {
    const tr = trs[i];
    const cells = table.rows[i];
    if (!tr || !cells) return;
    for (const [name, column] of Object.entries(CELL_COLUMNS)) {
      const cell = tr.querySelector(`[data-cell="${name}"]`);
      if (cell) cell.textContent = cells[column]!.text;
    }
    renderPrinted(tr.querySelector("[data-cell=printed]"), row.y, row.p);
  });
}

/** The article's printed values for a row, each marked as the math module judges it. */
function renderPrinted(cell: Element | null, y: Label, p: number): void {
  if (!cell) return;
  const printed = printedForRow(y, p);
  if (printed.length === 0) {
    cell.textContent = "—";
    return;
  }
  const list = document.createElement("ul");
  list.className = "scen-printed";
  for (const line of printedLines(printed)) {
    const li = document.createElement("li");
    li.className = `verdict-${line.verdict}`;
    const mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = VERDICT_MARKS[line.verdict];
    const words = document.createElement("span");
    words.className = "visually-hidden";
    words.textContent = `${VERDICT_WORDS[line.verdict]}:`;
    const text = document.createElement("span");
    setNoteText(text, line.text);
    li.append(mark, words, " ", text);
    list.append(li);
  }
  cell.replaceChildren(list);
}
