/**
 * Writes rows of plain cells (src/lib/detector/anchor-map-tables.ts) into a
 * <tbody> with DOM calls. Cells whose shape is unchanged keep their element
 * and only their text is rewritten, so a drag that updates the table every
 * frame does not rebuild it (nor disturb a reader's selection in it).
 */
import type { TableCell, TableRow } from "../lib/detector/anchor-map-tables";

function writeCell(tr: HTMLTableRowElement, index: number, cell: TableCell): void {
  const tag = cell.header ? "th" : "td";
  let el = tr.cells[index];
  if (!el || el.localName !== tag) {
    const fresh = document.createElement(tag);
    if (el) el.replaceWith(fresh);
    else tr.append(fresh);
    el = fresh;
  }
  if (cell.header) el.setAttribute("scope", "row");
  else el.removeAttribute("scope");
  const span = cell.colSpan ?? 1;
  if (el.colSpan !== span) el.colSpan = span;
  if (el.textContent !== cell.text) el.textContent = cell.text;
}

export function writeTableRows(tbody: HTMLTableSectionElement, rows: readonly TableRow[]): void {
  rows.forEach((row, r) => {
    const tr = tbody.rows[r] ?? tbody.appendChild(document.createElement("tr"));
    if (row.className) tr.className = row.className;
    else tr.removeAttribute("class");
    row.cells.forEach((cell, c) => writeCell(tr, c, cell));
    while (tr.cells.length > row.cells.length) tr.cells[tr.cells.length - 1]!.remove();
  });
  while (tbody.rows.length > rows.length) tbody.rows[tbody.rows.length - 1]!.remove();
}
