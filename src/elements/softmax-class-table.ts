/**
 * The multi-class calculator's class table in the browser: one row per
 * logit, rebuilt from the module's values (text only, never markup), and
 * hidden in binary mode. Its build-time markup is SoftmaxClassTable.astro.
 */
import { classRowText, type ClassRow } from "../lib/views/softmax-steps";

const TRUE_CLASS = " (true class)";

function rowElement(row: ClassRow): HTMLTableRowElement {
  const text = classRowText(row);
  const tr = document.createElement("tr");
  tr.classList.toggle("calc-true-class", row.isTrue);
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = text.index;
  if (row.isTrue) {
    const mark = document.createElement("span");
    mark.className = "calc-unit";
    mark.textContent = TRUE_CLASS;
    th.append(mark);
  }
  tr.append(th);
  for (const cell of [text.logit, text.probability, text.gradient]) {
    const td = document.createElement("td");
    td.className = "num";
    td.textContent = cell;
    tr.append(td);
  }
  return tr;
}

/** Shows the rows, or (rows = null) hides the table. */
export function renderClassTable(root: ParentNode, rows: ClassRow[] | null): void {
  const table = root.querySelector<HTMLElement>("[data-class-table]");
  const body = root.querySelector<HTMLElement>("[data-class-rows]");
  if (!table || !body) return;
  table.hidden = rows === null;
  if (rows) body.replaceChildren(...rows.map(rowElement));
}
