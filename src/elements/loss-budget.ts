/**
 * <loss-budget>: upgrades the server-rendered loss budget. Sliders and the
 * scenario menu patch the page's budget store (restored from and mirrored
 * to the URL, relative to the preset the figure was built with); the bars,
 * the reading and the data table are recomputed from the loss-math module,
 * at most once a frame.
 */
import { BUDGET_PRESETS, budgetScenario, describeBudgets, lossBudgets } from "../lib/views/loss-budget";
import {
  BUDGET_CONTROLS,
  BUDGET_STATE,
  budgetFocal,
  budgetInputs,
  type BudgetControl,
  type BudgetState,
} from "../lib/state/budget-controls";
import { budgetBarRows, renderLossBudgetBars } from "../charts/loss-budget-bars";
import { budgetTable } from "../lib/views/loss-budget-table";
import { pageStore, type Store } from "./page-store";
import { defineElement } from "./define-element";
import { frameCoalescer } from "./frame";

/** The preset whose inputs the state has, or "custom". */
function presetOf(state: BudgetState): string {
  return BUDGET_PRESETS.find((p) => BUDGET_STATE.equals(BUDGET_STATE.coerce(p.inputs, state), state))?.id ?? "custom";
}

class LossBudgetElement extends HTMLElement {
  private store!: Store<BudgetState>;
  private unsubscribe: (() => void) | null = null;
  private readonly schedule = frameCoalescer(() => this.draw());

  connectedCallback() {
    // data-state is the built preset in the budget's own query form; the URL is read relative to it.
    this.store = pageStore(BUDGET_STATE.withDefaults(BUDGET_STATE.parse(this.dataset.state)));
    this.unsubscribe = this.store.subscribe(() => {
      this.syncControls();
      this.schedule();
    });
    this.addEventListener("input", this.onInput);
    this.addEventListener("change", this.onInput);
    // A link with its own budget replaces the built one at once.
    if (!BUDGET_STATE.equals(this.store.state, BUDGET_STATE.parse(this.dataset.state))) {
      this.syncControls();
      this.draw();
    }
    this.dataset.ready = "true";
  }

  disconnectedCallback() {
    this.removeEventListener("input", this.onInput);
    this.removeEventListener("change", this.onInput);
    this.unsubscribe?.();
  }

  private control(name: string | undefined): BudgetControl | undefined {
    return BUDGET_CONTROLS.find((c) => c.name === name);
  }

  /** Which control an element is, from data-control (names carry the figure's id, unique on the page). */
  private controlName(element: Element): string | undefined {
    return element.closest<HTMLElement>("[data-control]")?.dataset.control;
  }

  private readonly onInput = (event: Event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const name = this.controlName(target);
    if (target instanceof HTMLSelectElement && name === "preset") {
      const preset = BUDGET_PRESETS.find((p) => p.id === target.value);
      if (preset) this.store.update(preset.inputs, this);
    } else if (target instanceof HTMLInputElement && target.type === "range") {
      const control = this.control(name);
      if (control) this.store.update({ [control.name]: control.fromSlider(Number(target.value)) }, this);
    }
  };

  /** Slider positions, their read-outs and the scenario menu follow the state (a preset moves several at once). */
  private syncControls() {
    const values: Record<string, number> = this.store.state;
    const menu = this.querySelector<HTMLSelectElement>('[data-control="preset"] select');
    if (menu) menu.value = presetOf(this.store.state);
    for (const slider of this.querySelectorAll<HTMLElement>(".slider[data-control]")) {
      const control = this.control(slider.dataset.control);
      const input = slider.querySelector("input");
      const output = slider.querySelector("output");
      if (!control || !input || !output) continue;
      const value = values[control.name]!;
      if (document.activeElement !== input) input.value = String(control.toSlider(value));
      output.textContent = control.format(value);
      input.setAttribute("aria-valuetext", control.format(value));
    }
  }

  private draw() {
    const inputs = budgetInputs(this.store.state);
    const focal = budgetFocal(this.store.state);
    const budgets = lossBudgets(inputs, focal);
    const scenario = budgetScenario(inputs);
    const bars = this.querySelector<HTMLElement>("[data-budget-bars]");
    if (bars) renderLossBudgetBars(bars, budgetBarRows(budgets, scenario.positives.count));
    const reading = this.querySelector("[data-budget-reading]");
    if (reading) reading.textContent = describeBudgets(budgets);
    const table = budgetTable(budgets, {
      easyNegatives: scenario.easyNegatives.pt,
      hardNegatives: scenario.hardNegatives.pt,
      positives: scenario.positives.pt,
    });
    this.querySelectorAll("[data-budget-table] tbody tr").forEach((tr, r) => {
      tr.querySelectorAll("th, td").forEach((cell, c) => {
        cell.textContent = table.rows[r]?.[c] ?? "";
      });
    });
  }
}

defineElement("loss-budget", LossBudgetElement);
