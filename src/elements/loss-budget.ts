/**
 * <loss-budget>: upgrades the server-rendered loss budget. Sliders and the
 * scenario menu produce a new, sanitised state; the bars, the reading and the
 * data table are recomputed from the loss-math module, at most once a frame.
 */
import {
  BUDGET_PRESETS,
  budgetScenario,
  describeBudgets,
  lossBudgets,
  sanitiseBudgetInputs,
  type BudgetInputs,
} from "../lib/views/loss-budget";
import { BUDGET_CONTROLS, DEFAULT_FOCAL, type BudgetControl } from "../lib/state/budget-controls";
import type { FocalParams } from "../lib/math/loss";
import { budgetBarRows, renderLossBudgetBars } from "../charts/loss-budget-bars";
import { budgetTable } from "../lib/views/loss-budget-table";

interface BudgetState {
  inputs: BudgetInputs;
  focal: FocalParams & { alpha: number };
}

function clampUnit(v: unknown, lo: number, hi: number, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

function parseState(text: string | undefined): BudgetState {
  let raw: { inputs?: Partial<BudgetInputs>; focal?: Partial<FocalParams> } = {};
  try {
    raw = JSON.parse(text ?? "{}");
  } catch {
    // A broken attribute falls back to the defaults below.
  }
  return {
    inputs: sanitiseBudgetInputs(raw.inputs ?? {}),
    focal: {
      gamma: clampUnit(raw.focal?.gamma, 0, 5, DEFAULT_FOCAL.gamma),
      alpha: clampUnit(raw.focal?.alpha, 0, 1, DEFAULT_FOCAL.alpha),
    },
  };
}

class LossBudgetElement extends HTMLElement {
  private state!: BudgetState;
  private frame = 0;

  connectedCallback() {
    this.state = parseState(this.dataset.state);
    this.addEventListener("input", this.onInput);
    this.addEventListener("change", this.onInput);
    this.dataset.ready = "true";
  }

  disconnectedCallback() {
    this.removeEventListener("input", this.onInput);
    this.removeEventListener("change", this.onInput);
    cancelAnimationFrame(this.frame);
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
      if (!preset) return;
      this.state = { ...this.state, inputs: { ...preset.inputs } };
      this.syncSliders();
    } else if (target instanceof HTMLInputElement && target.type === "range") {
      const control = this.control(name);
      if (!control) return;
      const value = control.fromSlider(Number(target.value));
      if (control.name === "gamma" || control.name === "alpha") {
        this.state = { ...this.state, focal: { ...this.state.focal, [control.name]: value } };
      } else {
        this.state = { ...this.state, inputs: sanitiseBudgetInputs({ ...this.state.inputs, [control.name]: value }) };
        const menu = this.querySelector<HTMLSelectElement>('[data-control="preset"] select');
        if (menu) menu.value = "custom";
      }
      this.syncSliders();
    } else {
      return;
    }
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  };

  /** Slider positions and their read-outs follow the state (a preset moves several at once). */
  private syncSliders() {
    const values: Record<string, number> = { ...this.state.inputs, ...this.state.focal };
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
    const { inputs, focal } = this.state;
    const budgets = lossBudgets(inputs, focal);
    const scenario = budgetScenario(inputs);
    const bars = this.querySelector<HTMLElement>("[data-budget-bars]");
    if (bars) renderLossBudgetBars(bars, budgetBarRows(budgets, scenario.positives.count));
    const reading = this.querySelector("[data-budget-reading]");
    if (reading) reading.textContent = describeBudgets(budgets);
    const table = budgetTable(budgets, {
      easyNegatives: scenario.easyNegatives.pt, hardNegatives: scenario.hardNegatives.pt, positives: scenario.positives.pt,
    });
    this.querySelectorAll("[data-budget-table] tbody tr").forEach((tr, r) => {
      tr.querySelectorAll("th, td").forEach((cell, c) => { cell.textContent = table.rows[r]?.[c] ?? ""; });
    });
  }
}

if (!customElements.get("loss-budget")) customElements.define("loss-budget", LossBudgetElement);
