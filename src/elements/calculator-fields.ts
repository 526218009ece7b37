/**
 * The loss calculator's form: finding its controls, reading typed fields
 * with their messages, putting a state back into every control, and showing
 * one mode's fields. The element (loss-calculator.ts) decides what a change
 * means; this module only knows the markup of LossCalculator.astro.
 */
import type { LossCalculatorState, LossMode } from "../lib/state/calculator-state";
import {
  ALPHA_FIELD,
  classFieldSpec,
  formatInputValue,
  GAMMA_FIELD,
  LOGIT_FIELD,
  P_FIELD,
  parseNumberInput,
  parseNumberList,
  type NumberFieldSpec,
} from "../lib/state/number-input";
import { CLASS_COUNT } from "../lib/state/ranges";
import { showFieldError } from "./field-errors";

/** The fields a reader types into; each has its own message. */
export type TextField = "p" | "alpha" | "gamma" | "logits" | "target";
type NumberField = "p" | "alpha" | "gamma";
const SPECS: Record<NumberField, NumberFieldSpec> = { p: P_FIELD, alpha: ALPHA_FIELD, gamma: GAMMA_FIELD };
const MODE_FIELDS: Record<LossMode, readonly TextField[]> = { binary: ["p"], softmax: ["logits", "target"] };

export class CalculatorFields {
  readonly errors = new Map<TextField, string>();

  constructor(private readonly root: HTMLElement) {}

  input(name: string): HTMLInputElement {
    return this.root.querySelector<HTMLInputElement>(`[data-input="${name}"]`)!;
  }

  slider(name: string): HTMLInputElement | null {
    return this.root.querySelector<HTMLInputElement>(`[data-slider="${name}"]`);
  }

  setError(field: TextField, message: string | null): void {
    if (message === null) this.errors.delete(field);
    else this.errors.set(field, message);
    showFieldError(this.input(field), this.root.querySelector(`[data-error="${field}"]`), message);
  }

  /** A typed number, or undefined with the field's message shown. */
  readNumber(field: NumberField): number | undefined {
    const parsed = parseNumberInput(this.input(field).value, SPECS[field]);
    this.setError(field, parsed.ok ? null : parsed.message);
    return parsed.ok ? parsed.value : undefined;
  }

  /**
   * The logits and the true class, read together because the class must be
   * one of the logits; undefined (with each bad field's message) unless both
   * are valid. With the list invalid the class is checked against `classes`.
   */
  readSoftmax(classes: number): { logits: Array<{ z: number }>; target: number } | undefined {
    const list = parseNumberList(this.input("logits").value, LOGIT_FIELD, CLASS_COUNT);
    this.setError("logits", list.ok ? null : list.message);
    const k = list.ok ? list.value.length : classes;
    const target = parseNumberInput(this.input("target").value, classFieldSpec(k));
    this.setError("target", target.ok ? null : target.message);
    if (!list.ok || !target.ok) return undefined;
    return { logits: list.value.map((z) => ({ z })), target: target.value };
  }

  /** Puts a state into every control (on load and on reset). */
  write(state: LossCalculatorState, alphaTyped: number): void {
    const { y, alpha, gamma, mode } = state;
    this.writeModeFields("binary", state);
    this.writeModeFields("softmax", state);
    this.input("gamma").value = formatInputValue(gamma);
    this.slider("gamma")!.value = String(gamma);
    this.input("alpha").value = formatInputValue(alphaTyped);
    this.input("alpha").disabled = alpha === null;
    this.input("alpha-on").checked = alpha !== null;
    for (const radio of this.root.querySelectorAll<HTMLInputElement>('[data-input="y"]'))
      radio.checked = radio.value === String(y);
    for (const radio of this.root.querySelectorAll<HTMLInputElement>('[data-input="mode"]'))
      radio.checked = radio.value === mode;
    for (const field of ["alpha", "gamma"] as const) this.setError(field, null);
  }

  /** One mode's typed fields back to the state's values, without messages. */
  private writeModeFields(mode: LossMode, state: LossCalculatorState): void {
    if (mode === "binary") {
      this.input("p").value = formatInputValue(state.p);
      this.slider("p")!.value = String(state.p);
    } else {
      this.input("logits").value = state.logits.map((l) => formatInputValue(l.z)).join(", ");
      this.input("target").value = String(state.target);
    }
    for (const field of MODE_FIELDS[mode]) this.setError(field, null);
  }

  /**
   * Shows one mode's fields. The other mode's go back to the state's values:
   * a half-typed field the reader can no longer see must not hold the
   * results stale.
   */
  showMode(state: LossCalculatorState): void {
    for (const group of this.root.querySelectorAll<HTMLElement>("[data-mode-fields]"))
      group.hidden = group.dataset.modeFields !== state.mode;
    this.writeModeFields(state.mode === "binary" ? "softmax" : "binary", state);
  }
}
