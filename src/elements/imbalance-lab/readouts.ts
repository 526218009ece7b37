/**
 * The lab's read-outs (one line per model: AP and loss) and the same numbers
 * in its data table, kept in step with the models of the latest snapshot.
 */
import type { labView } from "../../lib/views/lab-view";

export function renderReadouts(root: HTMLElement, view: ReturnType<typeof labView>): void {
  const box = root.querySelector("[data-readouts]");
  const chance = root.querySelector("[data-chance]");
  if (chance) chance.textContent = view.chance;
  const tbody = root.querySelector("[data-lab-table] tbody");
  if (!box || !tbody) return;
  for (const old of box.querySelectorAll(".lab-readout"))
    if (!view.readouts.some((r) => r.id === (old as HTMLElement).dataset.model)) old.remove();
  for (const old of tbody.querySelectorAll("tr"))
    if (!view.readouts.some((r) => r.id === (old as HTMLElement).dataset.model)) old.remove();
  for (const r of view.readouts) {
    let p = box.querySelector<HTMLElement>(`.lab-readout[data-model="${r.id}"]`);
    if (!p) {
      p = readoutLine(r.id);
      box.insertBefore(p, box.querySelector(".lab-chance"));
    }
    p.querySelector(".readout-label")!.textContent = r.label;
    p.querySelector("[data-ap]")!.textContent = r.ap;
    p.querySelector("[data-loss]")!.textContent = r.loss;
    let row = tbody.querySelector<HTMLElement>(`tr[data-model="${r.id}"]`);
    if (!row) {
      row = element("tr");
      row.dataset.model = r.id;
      const header = element("th");
      header.scope = "row";
      row.append(header, element("td", "num"), element("td", "num"));
      tbody.append(row);
    }
    const cells = row.querySelectorAll("th, td");
    cells[0]!.textContent = r.label;
    cells[1]!.textContent = r.ap;
    cells[2]!.textContent = r.loss;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

/** A model's read-out line, as ImbalanceLab.astro prints it: key, label, AP and loss. */
function readoutLine(model: string): HTMLElement {
  const p = element("p", `lab-readout series-${model}`);
  p.dataset.model = model;
  const key = element("span", "key");
  key.setAttribute("aria-hidden", "true");
  const value = (name: string, field: string) => {
    const span = element("span");
    const strong = element("strong");
    strong.setAttribute(field, "");
    span.append(`${name} `, strong);
    return span;
  };
  p.append(key, element("span", "readout-label"), value("AP", "data-ap"), value("loss", "data-loss"));
  return p;
}
