/**
 * Build-time typesetting for the calculators. KaTeX runs here, in Node, and
 * never ships to the browser: the loss calculator's formulas are typeset once
 * per shape, with each number inside a \htmlData slot, and the browser only
 * refills the numbers (src/elements/katex-slots.ts). See LossCalculator.astro
 * for why.
 */
import katex from "katex";
import {
  lossSteps,
  stepTemplateTex,
  TEMPLATE_STATES,
  type LossStep,
  type Slot,
  type SlotShape,
} from "../lib/views/loss-steps";
import { SOFTMAX_TEMPLATE_STATES, softmaxSteps } from "../lib/views/softmax-steps";

/** KaTeX options: HTML only (the element adds a plain-text reading), htmlData trusted and nothing else. */
const OPTIONS: katex.KatexOptions = {
  output: "html",
  throwOnError: true,
  trust: (context) => context.command === "\\htmlData",
  strict: (code: string) => (code === "htmlExtension" ? "ignore" : "error"),
};

/** Inline math (so a long step wraps after = or × on a phone) for KaTeX source; HTML only, hidden from screen readers. */
export function renderInlineTex(tex: string): string {
  return katex.renderToString(tex, OPTIONS);
}

/** Inline math for a label or a header: with KaTeX's MathML, so screen readers read the symbol. */
export function renderLabelTex(tex: string): string {
  return katex.renderToString(tex, { ...OPTIONS, output: "htmlAndMathml" });
}

export function renderStepTemplate(step: LossStep): string {
  return renderInlineTex(stepTemplateTex(step));
}

/** Every step variant's template, binary and multi-class, typeset, keyed `id:variant`. */
export function stepVariantTemplates(): Map<string, string> {
  const templates = new Map<string, string>();
  const stepLists = [...TEMPLATE_STATES.map(lossSteps), ...SOFTMAX_TEMPLATE_STATES.map(softmaxSteps)];
  for (const steps of stepLists) {
    for (const step of steps) {
      const key = `${step.id}:${step.variant}`;
      if (!templates.has(key)) templates.set(key, renderStepTemplate(step));
    }
  }
  return templates;
}

/** One number typeset in each shape a slot can take; the browser clones these and changes the digits. */
export function slotFragments(): Record<SlotShape, string> {
  const sample = (value: number, group: boolean): Slot => ({ name: "fragment", value, kind: "result", group });
  const render = (slot: Slot) =>
    renderStepTemplate({ id: "fl", variant: "fragment", label: "", value: slot.value, parts: [slot] });
  return {
    plain: render(sample(0.5, true)),
    sci: render(sample(1.5e-5, false)),
    "sci-group": render(sample(1.5e-5, true)),
  };
}
