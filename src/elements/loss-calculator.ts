/**
 * <loss-calculator>: makes the server-rendered loss calculator live. Its
 * state is the page's loss store (restored from and mirrored to the URL); it
 * validates every field as the reader types and recomputes the worked steps
 * with the loss-math module, binary (p and a class) or multi-class (a softmax
 * over K logits and the true class). An invalid field keeps the last valid
 * results on screen, marked stale, until it is fixed. The form lives in
 * calculator-fields.ts, the steps in calculator-steps-view.ts, the class
 * table in softmax-class-table.ts.
 */
import { LOSS_STATE, type LossCalculatorState } from "../lib/state/calculator-state";
import { formatInputValue } from "../lib/state/number-input";
import { lossSteps } from "../lib/views/loss-steps";
import { softmaxClassRows, softmaxSteps, type SoftmaxStepState } from "../lib/views/softmax-steps";
import { CalculatorFields } from "./calculator-fields";
import { CalculatorStepsView } from "./calculator-steps-view";
import { defineElement } from "./define-element";
import { pageStore, type Store } from "./page-store";
import { renderClassTable } from "./softmax-class-table";

function softmaxInput(state: LossCalculatorState): SoftmaxStepState {
  return { logits: state.logits.map((l) => l.z), target: state.target, alpha: state.alpha, gamma: state.gamma };
}

class LossCalculatorElement extends HTMLElement {
  private store!: Store<LossCalculatorState>;
  /** α as last typed, kept while weighting is switched off so switching back restores it */
  private alphaTyped = LOSS_STATE.defaults.alpha ?? 0.25;
  private fields!: CalculatorFields;
  private view!: CalculatorStepsView;

  connectedCallback(): void {
    if (this.dataset.ready === "true") return;
    this.fields = new CalculatorFields(this);
    this.view = new CalculatorStepsView(this);
    this.store = pageStore(LOSS_STATE);
    const { alpha } = this.store.state;
    if (alpha !== null) this.alphaTyped = alpha;
    this.fields.write(this.store.state, this.alphaTyped);
    this.fields.showMode(this.store.state);
    this.render();
    this.addEventListener("input", (e) => this.onInput(e));
    this.addEventListener("change", (e) => this.onInput(e));
    this.querySelector('[data-action="reset"]')?.addEventListener("click", () => this.reset());
    this.querySelector<HTMLFieldSetElement>(".calc-fields")!.disabled = false;
    this.dataset.ready = "true";
  }

  /** The state a change makes, or null when the change is not one (an unchecked radio, a bad field). */
  private nextState(event: Event): LossCalculatorState | null {
    const target = event.target as HTMLInputElement;
    const fields = this.fields;
    const next = { ...this.store.state };
    const slider = target.dataset.slider;
    if (slider === "p" || slider === "gamma") {
      const value = Number(target.value);
      fields.input(slider).value = formatInputValue(value);
      fields.setError(slider, null);
      next[slider] = value;
      return next;
    }
    const isChange = event.type === "change";
    switch (target.dataset.input) {
      case "p":
      case "gamma": {
        const field = target.dataset.input;
        const v = fields.readNumber(field);
        if (v === undefined) return next;
        next[field] = v;
        fields.slider(field)!.value = String(v);
        return next;
      }
      case "y":
        if (!isChange || !target.checked) return null;
        next.y = target.value === "0" ? 0 : 1;
        return next;
      case "mode":
        if (!isChange || !target.checked) return null;
        next.mode = target.value === "softmax" ? "softmax" : "binary";
        fields.showMode(next);
        return next;
      case "logits":
      case "target": {
        const read = fields.readSoftmax(next.logits.length);
        return read ? { ...next, ...read } : next;
      }
      case "alpha": {
        const v = fields.readNumber("alpha");
        if (v !== undefined) {
          this.alphaTyped = v;
          next.alpha = v;
        }
        return next;
      }
      case "alpha-on": {
        if (!isChange) return null;
        fields.input("alpha").disabled = !target.checked;
        if (!target.checked) {
          fields.setError("alpha", null);
          next.alpha = null;
        } else {
          next.alpha = fields.readNumber("alpha") ?? this.alphaTyped;
        }
        return next;
      }
      default:
        return null;
    }
  }

  private onInput(event: Event): void {
    const next = this.nextState(event);
    if (next === null) return;
    this.store.update(next, this);
    this.render();
  }

  private reset(): void {
    this.store.update(LOSS_STATE.defaults, this);
    this.alphaTyped = LOSS_STATE.defaults.alpha ?? 0.25;
    this.fields.write(this.store.state, this.alphaTyped);
    this.fields.showMode(this.store.state);
    this.render();
  }

  /** Shows the state's results, or, while a field is invalid, marks the last results stale. */
  private render(): void {
    const stale = this.fields.errors.size > 0;
    this.toggleAttribute("data-stale", stale);
    const staleNote = this.querySelector<HTMLElement>("[data-stale-note]");
    if (staleNote) staleNote.hidden = !stale;
    if (stale) return;
    const state = this.store.state;
    if (state.mode === "softmax") {
      const input = softmaxInput(state);
      this.view.render(softmaxSteps(input));
      renderClassTable(this, softmaxClassRows(input));
    } else {
      this.view.render(lossSteps(state));
      renderClassTable(this, null);
    }
  }
}

defineElement("loss-calculator", LossCalculatorElement);
