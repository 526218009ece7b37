/**
 * The loss budget's sliders as data: the range each slider moves over and how
 * a slider position maps to a model input. Counts move on a log scale, since
 * 10³ to 10⁶ locations is the range that matters. The component renders the
 * sliders from this table and the element reads them back through it, so the
 * two can never disagree on a scale.
 */
import { BUDGET_LIMITS, formatCount, type BudgetInputs } from "../views/loss-budget";
import { formatNumber } from "../text/format";
import type { FocalParams } from "../math/loss";

export type BudgetControlName = keyof BudgetInputs | "gamma" | "alpha";

export interface BudgetControl {
  name: BudgetControlName;
  label: string;
  /** the label starts with the symbol p_t (typeset as p with a subscript t) */
  ptSymbol?: boolean;
  min: number;
  max: number;
  step: number;
  /** slider position for a value */
  toSlider: (value: number) => number;
  /** value for a slider position */
  fromSlider: (position: number) => number;
  /** the value as the reader sees it next to the slider */
  format: (value: number) => string;
}

const identity = (v: number) => v;
const log10 = (v: number) => Math.log10(v);
const pow10 = (v: number) => Math.round(10 ** v);
const fixed = (digits: number) => (v: number) => formatNumber(v, { notation: "fixed", digits });

export const BUDGET_CONTROLS: readonly BudgetControl[] = [
  { name: "locations", label: "Candidate locations", min: 3, max: 6, step: 0.1, toSlider: log10, fromSlider: pow10, format: formatCount },
  { name: "objects", label: "Positives", min: 0, max: 3, step: 0.05, toSlider: log10, fromSlider: pow10, format: formatCount },
  {
    name: "hardShare", label: "Hard share of negatives", min: 0, max: 50, step: 0.5,
    toSlider: (v) => v * 100, fromSlider: (p) => p / 100, format: (v) => `${formatNumber(v * 100, { notation: "fixed", digits: 1 })}%`,
  },
  { name: "ptEasy", label: "of an easy negative", ptSymbol: true, min: 0.9, max: BUDGET_LIMITS.pt.max, step: 0.0001, toSlider: identity, fromSlider: identity, format: fixed(4) },
  { name: "ptHard", label: "of a hard negative", ptSymbol: true, min: 0.01, max: 0.99, step: 0.01, toSlider: identity, fromSlider: identity, format: fixed(2) },
  { name: "ptPositive", label: "of a positive", ptSymbol: true, min: 0.01, max: 0.99, step: 0.01, toSlider: identity, fromSlider: identity, format: fixed(2) },
  { name: "gamma", label: "Focal loss γ", min: 0, max: 5, step: 0.1, toSlider: identity, fromSlider: identity, format: fixed(1) },
  { name: "alpha", label: "Focal loss α", min: 0, max: 1, step: 0.05, toSlider: identity, fromSlider: identity, format: fixed(2) },
];

export const DEFAULT_FOCAL: FocalParams & { alpha: number } = { alpha: 0.25, gamma: 2 };

/** A slider position rounded to its step, as the browser would report it. */
export function snapToStep(control: BudgetControl, position: number): number {
  const clamped = Math.min(control.max, Math.max(control.min, position));
  const steps = Math.round((clamped - control.min) / control.step);
  // toFixed trims the binary noise of min + k·step (0.30000000000000004).
  return Number((control.min + steps * control.step).toFixed(6));
}
