/**
 * The loss calculator's results on screen: the summary values, the one-line
 * explanation, and each worked step, whose KaTeX build-time HTML is refilled
 * in place (katex-slots.ts) or swapped for another pre-typeset variant. A
 * step the current mode does not have is hidden.
 */
import { formatNumber } from "../lib/text/format";
import { RATIO_FORMAT, slotParts, slotShape, stepSlots, stepText, type LossStep } from "../lib/views/loss-steps";
import { fillSlot, readFragments, type Fragments } from "./katex-slots";
import { setNoteText } from "./note-text";
import { spokenMath } from "../lib/text/spoken-math";

export class CalculatorStepsView {
  private readonly fragments: Fragments | null;
  private readonly variants = new Map<string, HTMLTemplateElement>();

  constructor(private readonly root: HTMLElement) {
    this.fragments = readFragments(root);
    for (const t of root.querySelectorAll<HTMLTemplateElement>("template[data-variant]"))
      this.variants.set(t.dataset.variant!, t);
  }

  render(steps: LossStep[]): void {
    const shown = new Set(steps.map((s) => s.id));
    for (const item of this.root.querySelectorAll<HTMLElement>("[data-step]"))
      item.hidden = !shown.has(item.dataset.step as LossStep["id"]);
    for (const step of steps) this.renderStep(step);
    this.renderSummary(steps);
  }

  private renderSummary(steps: LossStep[]): void {
    const byId = new Map(steps.map((s) => [s.id, s]));
    for (const dd of this.root.querySelectorAll<HTMLElement>("[data-result]")) {
      const step = byId.get(dd.dataset.result as LossStep["id"]);
      if (!step) continue;
      dd.textContent = formatNumber(step.value, step.id === "ceOverFl" ? RATIO_FORMAT : {});
    }
    // The one-line reason next to the results when the loss is infinite or the ratio has no value.
    const explain = this.root.querySelector<HTMLElement>("[data-explain]");
    if (explain) {
      const note = byId.get("ce")?.note ?? byId.get("fl")?.note ?? byId.get("ceOverFl")?.note;
      setNoteText(explain, note ?? "");
      explain.hidden = !note;
    }
  }

  private renderStep(step: LossStep): void {
    const item = this.root.querySelector(`[data-step="${step.id}"]`);
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
    const label = item.querySelector("[data-step-label]");
    if (label) label.textContent = step.label;
    const text = item.querySelector("[data-step-text]");
    if (text) text.textContent = spokenMath(stepText(step));
    const note = item.querySelector<HTMLElement>("[data-step-note]");
    if (note) {
      setNoteText(note, step.note ?? "");
      note.hidden = !step.note;
    }
  }
}
