/**
 * The loss budget's state table and its sliders as data. The state holds the
 * model inputs (counts, shares, p_t, γ, α) under `budget.` parameters; each
 * slider says the range it moves over and how a slider position maps to a
 * state value. Counts move on a log scale, since 10³ to 10⁶ locations is the
 * range that matters. The component renders the sliders from this table and
 * the element reads them back through it, so the two can never disagree on a scale.
 */
import {
  BUDGET_LIMITS,
  DEFAULT_BUDGET_INPUTS,
  formatCount,
  sanitiseBudgetInputs,
  type BudgetInputs,
} from "../views/loss-budget";
import { formatNumber } from "../text/format";
import { ALPHA_COARSE, GAMMA, PT_EASY, PT_SLIDER, type NumberRange } from "./ranges";
import { defineState, numberField, type StateOf } from "./state";

export const DEFAULT_FOCAL = { alpha: 0.25, gamma: 2 } as const;

const D = DEFAULT_BUDGET_INPUTS;
const L = BUDGET_LIMITS;

/** Defaults are the first preset (the prior initialisation); a figure built from another preset makes that its defaults. */
export const BUDGET_STATE = defineState(
  {
    locations: numberField("locations", { ...L.locations, integer: true }, { defaultValue: D.locations }),
    objects: numberField("objects", { ...L.objects, integer: true }, { defaultValue: D.objects }),
    hardShare: numberField("hardShare", { ...L.hardShare, step: 0.005 }, { defaultValue: D.hardShare }),
    ptEasy: numberField("ptEasy", PT_EASY, { defaultValue: D.ptEasy }),
    ptHard: numberField("ptHard", PT_SLIDER, { defaultValue: D.ptHard }),
    ptPositive: numberField("ptPositive", PT_SLIDER, { defaultValue: D.ptPositive }),
    gamma: numberField("gamma", GAMMA, { defaultValue: DEFAULT_FOCAL.gamma }),
    alpha: numberField("alpha", ALPHA_COARSE, { defaultValue: DEFAULT_FOCAL.alpha }),
  },
  // The model's own rule (at least ten locations per object) holds for a link too.
  { prefix: "budget.", normalise: (s) => ({ ...s, ...sanitiseBudgetInputs(s) }) },
);

export type BudgetState = StateOf<typeof BUDGET_STATE.fields>;

/** The model inputs of a budget state. */
export function budgetInputs(s: BudgetState): BudgetInputs {
  const { gamma: _gamma, alpha: _alpha, ...inputs } = s;
  return inputs;
}

/** The focal-loss parameters of a budget state. */
export function budgetFocal(s: BudgetState): { alpha: number; gamma: number } {
  return { alpha: s.alpha, gamma: s.gamma };
}

export type BudgetControlName = keyof BudgetState;

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
/** A slider over the state's own range, its value shown to `digits` decimals. */
const linear = (name: BudgetControlName, label: string, range: NumberRange, digits: number): BudgetControl => ({
  name,
  label,
  min: range.min,
  max: range.max,
  step: range.step!,
  toSlider: identity,
  fromSlider: identity,
  format: fixed(digits),
});

export const BUDGET_CONTROLS: readonly BudgetControl[] = [
  {
    name: "locations",
    label: "Candidate locations",
    min: 3,
    max: 6,
    step: 0.1,
    toSlider: log10,
    fromSlider: pow10,
    format: formatCount,
  },
  {
    name: "objects",
    label: "Positives",
    min: 0,
    max: 3,
    step: 0.05,
    toSlider: log10,
    fromSlider: pow10,
    format: formatCount,
  },
  {
    name: "hardShare",
    label: "Hard share of negatives",
    min: 0,
    max: 50,
    step: 0.5,
    toSlider: (v) => v * 100,
    fromSlider: (p) => p / 100,
    format: (v) => `${formatNumber(v * 100, { notation: "fixed", digits: 1 })}%`,
  },
  { ...linear("ptEasy", "of an easy negative", PT_EASY, 4), ptSymbol: true },
  { ...linear("ptHard", "of a hard negative", PT_SLIDER, 2), ptSymbol: true },
  { ...linear("ptPositive", "of a positive", PT_SLIDER, 2), ptSymbol: true },
  linear("gamma", "Focal loss γ", GAMMA, 1),
  linear("alpha", "Focal loss α", ALPHA_COARSE, 2),
];
