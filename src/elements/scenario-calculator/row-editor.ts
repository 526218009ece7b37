/**
 * The scenario table's rows as the reader edits them: a row's class and p,
 * rows added and removed. What was typed into each p is kept beside the
 * store's last valid p, so an invalid p keeps its text and its message.
 */
import type { Label } from "../../lib/math/loss";
import { MAX_ROWS, type ScenarioCalculatorState, type ScenarioRow } from "../../lib/state/calculator-state";
import { formatInputValue, P_FIELD, parseNumberInput } from "../../lib/state/number-input";
import { showFieldError } from "../field-errors";
import type { Store } from "../page-store";
import { buildRows, type RowDraft } from "./scenario-rows";

const NEW_ROW: Readonly<{ y: Label; p: number }> = { y: 1, p: 0.5 };

export class RowEditor {
  /** one per row of the store's state, in order */
  private drafts: RowDraft[] = [];
  /** the server's first row, before any edit: each row's controls are a copy of it */
  private readonly template: HTMLTableRowElement | null;

  constructor(
    private readonly root: HTMLElement,
    private readonly store: Store<ScenarioCalculatorState>,
    /** recomputes the table after a change */
    private readonly changed: () => void,
  ) {
    const firstRow = root.querySelector<HTMLTableRowElement>("[data-rows] > tr");
    this.template = firstRow ? (firstRow.cloneNode(true) as HTMLTableRowElement) : null;
  }

  /** Some row's p is invalid. */
  get invalid(): boolean {
    return this.drafts.some((d) => d.error !== null);
  }

  private get rows(): ScenarioRow[] {
    return this.store.state.rows;
  }

  /** Takes the store's rows (from the URL or a reset) into fresh controls. */
  load(): void {
    this.drafts = this.rows.map((r) => ({ text: formatInputValue(r.p), error: null }));
    this.build();
  }

  private build(): void {
    buildRows(this.root, this.template, this.rows, this.drafts, this.root.dataset.id ?? "scen-calc");
  }

  private setRows(rows: ScenarioRow[], drafts: RowDraft[]): void {
    this.drafts = drafts;
    this.store.update({ rows }, this.root);
  }

  private rowIndex(el: Element): number {
    const tr = el.closest("tr[data-row]");
    return tr ? [...this.root.querySelectorAll("[data-rows] > tr")].indexOf(tr) : -1;
  }

  /** A row's class or p: p parsed as typed, the last valid p kept while it is invalid. */
  onInput(event: Event, target: HTMLInputElement | HTMLSelectElement): void {
    const i = this.rowIndex(target);
    const row = this.rows[i];
    const draft = this.drafts[i];
    if (!row || !draft) return;
    const rows = this.rows.map((r) => ({ ...r }));
    if (target.dataset.rowInput === "y") {
      if (event.type !== "change") return;
      rows[i]!.y = target.value === "0" ? 0 : 1;
    } else {
      draft.text = target.value;
      const parsed = parseNumberInput(target.value, P_FIELD);
      draft.error = parsed.ok ? null : parsed.message;
      if (parsed.ok) rows[i]!.p = parsed.value;
      showFieldError(target as HTMLInputElement, target.closest("td")!.querySelector("[data-row-error]"), draft.error);
    }
    this.store.update({ rows }, this.root);
    this.changed();
  }

  add(): void {
    if (this.rows.length >= MAX_ROWS) return;
    this.setRows([...this.rows, { ...NEW_ROW }], [...this.drafts, { text: formatInputValue(NEW_ROW.p), error: null }]);
    this.build();
    this.changed();
    this.root.querySelector<HTMLInputElement>("[data-rows] > tr:last-child [data-row-input=p]")?.focus();
  }

  /** Removes the row of `button`, its Remove button. */
  remove(button: Element): void {
    const i = this.rowIndex(button);
    if (i < 0) return;
    this.setRows(
      this.rows.filter((_, j) => j !== i),
      this.drafts.filter((_, j) => j !== i),
    );
    this.build();
    this.changed();
    // Keep the keyboard where it was: the next row's Remove, or the one before, or Add.
    const buttons = this.root.querySelectorAll<HTMLButtonElement>("[data-action=remove-row]");
    (
      buttons[Math.min(i, buttons.length - 1)] ?? this.root.querySelector<HTMLButtonElement>("[data-action=add-row]")
    )?.focus();
  }
}
