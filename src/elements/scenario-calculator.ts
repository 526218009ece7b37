/**
 * <scenario-calculator>: makes the server-rendered scenario table editable.
 * α and γ for the whole table, p and the class per row, rows added and
 * removed, a reset to the article's examples; every change recomputed with the
 * loss-math module through the same table model the copy buttons serialise.
 * The table's state is the page's table store (restored from and mirrored to
 * the URL); an invalid field keeps the last valid numbers, marked stale.
 */
import { TABLE_STATE, type ScenarioCalculatorState } from "../lib/state/calculator-state";
import { ALPHA_FIELD, formatInputValue, GAMMA_FIELD, parseNumberInput } from "../lib/state/number-input";
import { defineElement } from "./define-element";
import { showFieldError } from "./field-errors";
import { pageStore, type Store } from "./page-store";
import { RowEditor } from "./scenario-calculator/row-editor";
import { showResults } from "./scenario-calculator/scenario-rows";
import { copyTable, downloadTable, type Format } from "./scenario-calculator/table-copy";

class ScenarioCalculatorElement extends HTMLElement {
  private store!: Store<ScenarioCalculatorState>;
  private alphaTyped = 0.25;
  private rows!: RowEditor;
  private errors = new Map<"alpha" | "gamma", string>();

  connectedCallback(): void {
    if (this.dataset.ready === "true") return;
    this.store = pageStore(TABLE_STATE);
    this.rows = new RowEditor(this, this.store, () => this.update());
    this.load();
    this.addEventListener("input", (e) => this.onInput(e));
    this.addEventListener("change", (e) => this.onInput(e));
    this.addEventListener("click", (e) => this.onClick(e));
    this.querySelector<HTMLFieldSetElement>(".calc-fields")!.disabled = false;
    for (const b of this.querySelectorAll<HTMLButtonElement>(".scen-toolbar button")) b.disabled = false;
    this.dataset.ready = "true";
    this.update();
  }

  private input(name: string): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`[data-input="${name}"]`)!;
  }

  /** Takes the store's state (from the URL or a reset) into every control and rebuilds the rows. */
  private load(): void {
    const state = this.store.state;
    if (state.alpha !== null) this.alphaTyped = state.alpha;
    this.input("alpha").value = formatInputValue(this.alphaTyped);
    this.input("alpha").disabled = state.alpha === null;
    this.input("alpha-on").checked = state.alpha !== null;
    this.input("gamma").value = formatInputValue(state.gamma);
    this.querySelector<HTMLInputElement>('[data-slider="gamma"]')!.value = String(state.gamma);
    for (const f of ["alpha", "gamma"] as const) this.setError(f, null);
    this.rows.load();
  }

  private setError(field: "alpha" | "gamma", message: string | null): void {
    if (message === null) this.errors.delete(field);
    else this.errors.set(field, message);
    showFieldError(this.input(field), this.querySelector(`[data-error="${field}"]`), message);
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.dataset.rowInput) {
      this.rows.onInput(event, target);
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
        this.rows.add();
        break;
      case "remove-row":
        this.rows.remove(button);
        break;
      case "reset":
        this.store.update(TABLE_STATE.defaults, this);
        this.load();
        this.update();
        break;
      case "copy":
        void copyTable(this, this.store.state, button.dataset.format as Format);
        break;
      case "download":
        downloadTable(this, this.store.state);
        break;
    }
  }

  /** Recomputes every cell from the last valid values, and marks the table stale while a field is invalid. */
  private update(): void {
    const stale = this.errors.size > 0 || this.rows.invalid;
    showResults(this, this.store.state, stale);
  }
}

defineElement("scenario-calculator", ScenarioCalculatorElement);
