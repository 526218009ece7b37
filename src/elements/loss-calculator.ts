/**
 * <loss-calculator>: makes the server-rendered loss calculator live. Its
 * state is the page's loss store (restored from and mirrored to the URL);
 * it validates every field as the reader types, and
 * recomputes the worked steps with the loss-math module; KaTeX's build-time
 * HTML is refilled in place (katex-slots.ts). An invalid field keeps the last
 * valid results on screen, marked stale, until it is fixed.
 */
import { LOSS_STATE, type LossCalculatorState } from "../lib/state/calculator-state";
import { formatNumber } from "../lib/text/format";
import {
  lossSteps,
  RATIO_FORMAT,
  slotParts,
  slotShape,
  stepSlots,
  stepText,
  type LossStep,
} from "../lib/views/loss-steps";
import {
  ALPHA_FIELD,
  formatInputValue,
  GAMMA_FIELD,
  P_FIELD,
  parseNumberInput,
  type NumberFieldSpec,
} from "../lib/state/number-input";
import { fillSlot, readFragments, type Fragments } from "./katex-slots";
import { showFieldError } from "./field-errors";
import { pageStore, type Store } from "./page-store";
import { setNoteText } from "./note-text";

type TextField = "p" | "alpha" | "gamma";
const SPECS: Record<TextField, NumberFieldSpec> = { p: P_FIELD, alpha: ALPHA_FIELD, gamma: GAMMA_FIELD };

class LossCalculatorElement extends HTMLElement {
  private store!: Store<LossCalculatorState>;
  /** α as last typed, kept while weighting is switched off so switching back restores it */
  private alphaTyped = LOSS_STATE.defaults.alpha ?? 0.25;
  private errors = new Map<TextField, string>();
  private fragments: Fragments | null = null;
  private variants = new Map<string, HTMLTemplateElement>();

  connectedCallback(): void {
    if (this.dataset.ready === "true") return;
    this.fragments = readFragments(this);
    for (const t of this.querySelectorAll<HTMLTemplateElement>("template[data-variant]"))
      this.variants.set(t.dataset.variant!, t);
    this.store = pageStore(LOSS_STATE);
    const { alpha } = this.store.state;
    if (alpha !== null) this.alphaTyped = alpha;
    this.writeInputs();
    this.render();
    this.addEventListener("input", (e) => this.onInput(e));
    this.addEventListener("change", (e) => this.onInput(e));
    this.querySelector('[data-action="reset"]')?.addEventListener("click", () => this.reset());
    this.querySelector<HTMLFieldSetElement>(".calc-fields")!.disabled = false;
    this.dataset.ready = "true";
  }

  private input(name: string): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`[data-input="${name}"]`)!;
  }

  private slider(name: string): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`[data-slider="${name}"]`);
  }

  /** Puts the state into every control (on load and on reset). */
  private writeInputs(): void {
    const { p, y, alpha, gamma } = this.store.state;
    this.input("p").value = formatInputValue(p);
    this.input("gamma").value = formatInputValue(gamma);
    this.input("alpha").value = formatInputValue(this.alphaTyped);
    this.input("alpha").disabled = alpha === null;
    this.input("alpha-on").checked = alpha !== null;
    for (const radio of this.querySelectorAll<HTMLInputElement>('[data-input="y"]'))
      radio.checked = radio.value === String(y);
    this.slider("p")!.value = String(p);
    this.slider("gamma")!.value = String(gamma);
    for (const field of ["p", "alpha", "gamma"] as const) this.setError(field, null);
  }

  private setError(field: TextField, message: string | null): void {
    if (message === null) this.errors.delete(field);
    else this.errors.set(field, message);
    showFieldError(this.input(field), this.querySelector(`[data-error="${field}"]`), message);
  }

  private readText(field: TextField): number | undefined {
    const parsed = parseNumberInput(this.input(field).value, SPECS[field]);
    this.setError(field, parsed.ok ? null : parsed.message);
    return parsed.ok ? parsed.value : undefined;
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const next = { ...this.store.state };
    if (target.dataset.slider === "p" || target.dataset.slider === "gamma") {
      const field = target.dataset.slider;
      const value = Number(target.value);
      this.input(field).value = formatInputValue(value);
      this.setError(field, null);
      next[field] = value;
    } else {
      switch (target.dataset.input) {
        case "p": {
          const v = this.readText("p");
          if (v !== undefined) {
            next.p = v;
            this.slider("p")!.value = String(v);
          }
          break;
        }
        case "gamma": {
          const v = this.readText("gamma");
          if (v !== undefined) {
            next.gamma = v;
            this.slider("gamma")!.value = String(v);
          }
          break;
        }
        case "y":
          if (event.type !== "change" || !target.checked) return;
          next.y = target.value === "0" ? 0 : 1;
          break;
        case "alpha": {
          const v = this.readText("alpha");
          if (v !== undefined) {
            this.alphaTyped = v;
            next.alpha = v;
          }
          break;
        }
        case "alpha-on": {
          if (event.type !== "change") return;
          this.input("alpha").disabled = !target.checked;
          if (!target.checked) {
            this.setError("alpha", null);
            next.alpha = null;
          } else {
            const v = this.readText("alpha");
            next.alpha = v ?? this.alphaTyped;
          }
          break;
        }
        default:
          return;
      }
    }
    this.store.update(next, this);
    this.render();
  }

  private reset(): void {
    this.store.update(LOSS_STATE.defaults, this);
    this.alphaTyped = LOSS_STATE.defaults.alpha ?? 0.25;
    this.writeInputs();
    this.render();
  }

  /** Shows the state's results, or, while a field is invalid, marks the last results stale. */
  private render(): void {
    const stale = this.errors.size > 0;
    this.toggleAttribute("data-stale", stale);
    const staleNote = this.querySelector<HTMLElement>("[data-stale-note]");
    if (staleNote) staleNote.hidden = !stale;
    if (stale) return;
    const steps = lossSteps(this.store.state);
    for (const step of steps) this.renderStep(step);
    this.renderSummary(steps);
  }

  private renderSummary(steps: LossStep[]): void {
    const byId = new Map(steps.map((s) => [s.id, s]));
    for (const dd of this.querySelectorAll<HTMLElement>("[data-result]")) {
      const step = byId.get(dd.dataset.result as LossStep["id"]);
      if (!step) continue;
      dd.textContent = formatNumber(step.value, step.id === "ceOverFl" ? RATIO_FORMAT : {});
    }
    // The one-line reason next to the results when the loss is infinite or the ratio has no value.
    const explain = this.querySelector<HTMLElement>("[data-explain]");
    if (explain) {
      const note = byId.get("ce")?.note ?? byId.get("fl")?.note ?? byId.get("ceOverFl")?.note;
      setNoteText(explain, note ?? "");
      explain.hidden = !note;
    }
  }

  private renderStep(step: LossStep): void {
    const item = this.querySelector(`[data-step="${step.id}"]`);
    const math = item?.querySelector<HTMLElement>(".calc-step-math");
    if (!item || !math || !this.fragments) return;
    const key = `${step.id}:${step.variant}`;
    if (math.dataset.variant !== key) {
      const template = this.variants.get(key);
      if (!template) return;
      math.replaceChildren(template.content.cloneNode(true));
      math.dataset.variant = key;
    }
    for (const slot of stepSlots(step)) {
      for (const el of math.querySelectorAll<HTMLElement>(`[data-slot="${slot.name}"]`)) {
        fillSlot(el, slotParts(slot), slotShape(slot), this.fragments);
      }
    }
    const text = item.querySelector("[data-step-text]");
    if (text) text.textContent = stepText(step);
    const note = item.querySelector<HTMLElement>("[data-step-note]");
    if (note) {
      setNoteText(note, step.note ?? "");
      note.hidden = !step.note;
    }
  }
}

if (!customElements.get("loss-calculator")) customElements.define("loss-calculator", LossCalculatorElement);
