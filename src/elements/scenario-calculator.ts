/**
 * <scenario-calculator>: makes the server-rendered scenario table editable.
 * α and γ for the whole table, p and the class per row, rows added and
 * removed, a reset to the article's examples; every change recomputed with the
 * loss-math module through the same table model the copy buttons serialise.
 * The table's state is the page's table store (restored from and mirrored to
 * the URL); an invalid field keeps the last valid numbers, marked stale.
 */
import { MAX_ROWS, TABLE_STATE, type ScenarioCalculatorState, type ScenarioRow } from "../lib/state/calculator-state";
import type { Label } from "../lib/math/loss";
import { ALPHA_FIELD, formatInputValue, GAMMA_FIELD, P_FIELD, parseNumberInput } from "../lib/state/number-input";
import {
  isArticleSetting,
  printedForRow,
  printedLines,
  scenarioExportTable,
  tableParamsText,
  VERDICT_MARKS,
  VERDICT_WORDS,
} from "../lib/views/scenario-table";
import { toCsv, toLatexTabular, toMarkdown } from "../lib/text/table-export";
import { showFieldError } from "./field-errors";
import { pageStore, type Store } from "./page-store";
import { setNoteText } from "./note-text";
import { copyText, downloadBlob, offerManualCopy } from "./clipboard";

/** What the reader typed into a row's p, beside the store's last valid p. */
interface RowDraft {
  text: string;
  error: string | null;
}

type Format = "markdown" | "csv" | "latex";
const FORMAT_NAMES: Record<Format, string> = { markdown: "Markdown", csv: "CSV", latex: "LaTeX" };
const NEW_ROW: Readonly<{ y: Label; p: number }> = { y: 1, p: 0.5 };
const CELL_COLUMNS = { name: 0, pt: 3, ce: 4, balancedCe: 5, fl: 6, ceOverFl: 7 } as const;

class ScenarioCalculatorElement extends HTMLElement {
  private store!: Store<ScenarioCalculatorState>;
  private alphaTyped = 0.25;
  /** one per row of the store's state, in order */
  private drafts: RowDraft[] = [];
  private errors = new Map<"alpha" | "gamma", string>();
  private rowTemplate: HTMLTableRowElement | null = null;

  connectedCallback(): void {
    if (this.dataset.ready === "true") return;
    const firstRow = this.querySelector<HTMLTableRowElement>("[data-rows] > tr");
    this.rowTemplate = firstRow ? (firstRow.cloneNode(true) as HTMLTableRowElement) : null;
    this.store = pageStore(TABLE_STATE);
    this.load();
    this.addEventListener("input", (e) => this.onInput(e));
    this.addEventListener("change", (e) => this.onInput(e));
    this.addEventListener("click", (e) => this.onClick(e));
    this.querySelector<HTMLFieldSetElement>(".calc-fields")!.disabled = false;
    for (const b of this.querySelectorAll<HTMLButtonElement>(".scen-toolbar button")) b.disabled = false;
    this.dataset.ready = "true";
    this.update();
  }

  private get id_(): string {
    return this.dataset.id ?? "scen-calc";
  }

  private get rows(): ScenarioRow[] {
    return this.store.state.rows;
  }

  private setRows(rows: ScenarioRow[], drafts: RowDraft[]): void {
    this.drafts = drafts;
    this.store.update({ rows }, this);
  }

  private input(name: string): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`[data-input="${name}"]`)!;
  }

  /** Takes the store's state (from the URL or a reset) into every control and rebuilds the rows. */
  private load(): void {
    const state = this.store.state;
    if (state.alpha !== null) this.alphaTyped = state.alpha;
    this.drafts = state.rows.map((r) => ({ text: formatInputValue(r.p), error: null }));
    this.input("alpha").value = formatInputValue(this.alphaTyped);
    this.input("alpha").disabled = state.alpha === null;
    this.input("alpha-on").checked = state.alpha !== null;
    this.input("gamma").value = formatInputValue(state.gamma);
    this.querySelector<HTMLInputElement>('[data-slider="gamma"]')!.value = String(state.gamma);
    for (const f of ["alpha", "gamma"] as const) this.setError(f, null);
    this.buildRows();
  }

  private setError(field: "alpha" | "gamma", message: string | null): void {
    if (message === null) this.errors.delete(field);
    else this.errors.set(field, message);
    showFieldError(this.input(field), this.querySelector(`[data-error="${field}"]`), message);
  }

  private rowIndex(el: Element): number {
    const tr = el.closest("tr[data-row]");
    return tr ? [...this.querySelectorAll("[data-rows] > tr")].indexOf(tr) : -1;
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const rowField = target.dataset.rowInput;
    if (rowField) {
      const i = this.rowIndex(target);
      const row = this.rows[i];
      const draft = this.drafts[i];
      if (!row || !draft) return;
      const rows = this.rows.map((r) => ({ ...r }));
      if (rowField === "y") {
        if (event.type !== "change") return;
        rows[i]!.y = target.value === "0" ? 0 : 1;
      } else {
        draft.text = target.value;
        const parsed = parseNumberInput(target.value, P_FIELD);
        draft.error = parsed.ok ? null : parsed.message;
        if (parsed.ok) rows[i]!.p = parsed.value;
        showFieldError(
          target as HTMLInputElement,
          target.closest("td")!.querySelector("[data-row-error]"),
          draft.error,
        );
      }
      this.store.update({ rows }, this);
      this.update();
      return;
    }
    switch (target.dataset.input ?? target.dataset.slider) {
      case "alpha": {
        const parsed = parseNumberInput(target.value, ALPHA_FIELD);
        this.setError("alpha", parsed.ok ? null : parsed.message);
        if (parsed.ok) {
          this.store.update({ alpha: parsed.value }, this);
          this.alphaTyped = parsed.value;
        }
        break;
      }
      case "alpha-on": {
        if (event.type !== "change") return;
        const on = (target as HTMLInputElement).checked;
        this.input("alpha").disabled = !on;
        if (!on) {
          this.setError("alpha", null);
          this.store.update({ alpha: null }, this);
        } else {
          const parsed = parseNumberInput(this.input("alpha").value, ALPHA_FIELD);
          this.setError("alpha", parsed.ok ? null : parsed.message);
          this.store.update({ alpha: parsed.ok ? parsed.value : this.alphaTyped }, this);
        }
        break;
      }
      case "gamma": {
        if (target.dataset.slider === "gamma") {
          this.store.update({ gamma: Number(target.value) }, this);
          this.input("gamma").value = formatInputValue(this.store.state.gamma);
          this.setError("gamma", null);
          break;
        }
        const parsed = parseNumberInput(target.value, GAMMA_FIELD);
        this.setError("gamma", parsed.ok ? null : parsed.message);
        if (parsed.ok) {
          this.store.update({ gamma: parsed.value }, this);
          this.querySelector<HTMLInputElement>('[data-slider="gamma"]')!.value = String(parsed.value);
        }
        break;
      }
      default:
        return;
    }
    this.update();
  }

  private onClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    if (!button || button.disabled) return;
    switch (button.dataset.action) {
      case "add-row":
        if (this.rows.length >= MAX_ROWS) return;
        this.setRows(
          [...this.rows, { ...NEW_ROW }],
          [...this.drafts, { text: formatInputValue(NEW_ROW.p), error: null }],
        );
        this.buildRows();
        this.update();
        this.querySelector<HTMLInputElement>("[data-rows] > tr:last-child [data-row-input=p]")?.focus();
        break;
      case "remove-row": {
        const i = this.rowIndex(button);
        if (i < 0) return;
        this.setRows(
          this.rows.filter((_, j) => j !== i),
          this.drafts.filter((_, j) => j !== i),
        );
        this.buildRows();
        this.update();
        // Keep the keyboard where it was: the next row's Remove, or the one before, or Add.
        const buttons = this.querySelectorAll<HTMLButtonElement>("[data-action=remove-row]");
        (
          buttons[Math.min(i, buttons.length - 1)] ?? this.querySelector<HTMLButtonElement>("[data-action=add-row]")
        )?.focus();
        break;
      }
      case "reset":
        this.store.update(TABLE_STATE.defaults, this);
        this.load();
        this.update();
        break;
      case "copy":
        void this.copy(button.dataset.format as Format);
        break;
      case "download":
        this.download();
        break;
    }
  }

  /** One row's controls from the template, numbered by position. */
  private buildRows(): void {
    const tbody = this.querySelector("[data-rows]")!;
    if (!this.rowTemplate) return;
    const rows = this.rows.map((row, i) => {
      const draft = this.drafts[i] ?? { text: formatInputValue(row.p), error: null };
      const tr = this.rowTemplate!.cloneNode(true) as HTMLTableRowElement;
      const n = i + 1;
      const select = tr.querySelector<HTMLSelectElement>("[data-row-input=y]")!;
      select.value = String(row.y);
      select.setAttribute("aria-label", `Class of example ${n}`);
      const input = tr.querySelector<HTMLInputElement>("[data-row-input=p]")!;
      input.value = draft.text;
      input.setAttribute("aria-label", `p of example ${n}`);
      const error = tr.querySelector<HTMLElement>("[data-row-error]")!;
      error.id = `${this.id_}-row-${n}-error`;
      input.setAttribute("aria-describedby", error.id);
      showFieldError(input, error, draft.error);
      tr.querySelector("[data-action=remove-row]")!.setAttribute("aria-label", `Remove example ${n}`);
      for (const control of tr.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(
        "input, select, button",
      ))
        control.disabled = false;
      return tr;
    });
    tbody.replaceChildren(...rows);
    const add = this.querySelector<HTMLButtonElement>("[data-action=add-row]");
    if (add && this.dataset.ready === "true") add.disabled = this.rows.length >= MAX_ROWS;
  }

  /** Recomputes every cell from the last valid values, and marks the table stale while a field is invalid. */
  private update(): void {
    const stale = this.errors.size > 0 || this.drafts.some((d) => d.error !== null);
    this.toggleAttribute("data-stale", stale);
    this.querySelector<HTMLElement>("[data-stale-note]")!.hidden = !stale;
    const add = this.querySelector<HTMLButtonElement>("[data-action=add-row]");
    if (add) add.disabled = this.rows.length >= MAX_ROWS;

    const state = this.store.state;
    const table = scenarioExportTable(state);
    const showPrinted = isArticleSetting(state.alpha, state.gamma);
    for (const el of this.querySelectorAll<HTMLElement>("[data-printed-col]")) el.hidden = !showPrinted;
    for (const el of this.querySelectorAll("[data-caption-params]"))
      el.textContent = tableParamsText(state.alpha, state.gamma);
    const trs = this.querySelectorAll<HTMLTableRowElement>("[data-rows] > tr");
    state.rows.forEach((row, i) => {
      const tr = trs[i];
      const cells = table.rows[i];
      if (!tr || !cells) return;
      for (const [name, column] of Object.entries(CELL_COLUMNS)) {
        const cell = tr.querySelector(`[data-cell="${name}"]`);
        if (cell) cell.textContent = cells[column]!.text;
      }
      this.renderPrinted(tr.querySelector("[data-cell=printed]"), row.y, row.p);
    });
  }

  private renderPrinted(cell: Element | null, y: Label, p: number): void {
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

  private serialise(format: Format): string {
    const table = scenarioExportTable(this.store.state);
    return format === "markdown" ? toMarkdown(table) : format === "csv" ? toCsv(table) : toLatexTabular(table);
  }

  private status(message: string): void {
    const status = this.querySelector("[data-copy-status]");
    if (status) status.textContent = message;
  }

  private async copy(format: Format): Promise<void> {
    const text = this.serialise(format);
    const fallback = this.querySelector<HTMLElement>("[data-copy-fallback]")!;
    const stale = this.hasAttribute("data-stale") ? " (the last valid values)" : "";
    try {
      await copyText(text);
      fallback.hidden = true;
      this.status(`Copied the table as ${FORMAT_NAMES[format]}${stale}.`);
    } catch {
      // Clipboard refused (permissions, an insecure page, an embedding frame): hand the text over selected instead.
      fallback.hidden = false;
      offerManualCopy(this.querySelector<HTMLTextAreaElement>("[data-copy-text]")!, text);
      this.status(`Could not copy automatically: the ${FORMAT_NAMES[format]} is selected below for you to copy.`);
    }
  }

  private download(): void {
    // A byte-order mark so spreadsheet programs read the file as UTF-8 (γ, ∞, −).
    downloadBlob("focal-loss-scenarios.csv", "text/csv;charset=utf-8", "\ufeff" + this.serialise("csv"));
    this.status("Downloaded focal-loss-scenarios.csv.");
  }
}

if (!customElements.get("scenario-calculator")) customElements.define("scenario-calculator", ScenarioCalculatorElement);
