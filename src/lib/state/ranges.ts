/**
 * The range of every number a reader can set on the site, defined once. The
 * state tables validate URLs against them, the typed-text parser checks fields
 * against them, and the components print each control's min, max and step
 * from them, so a slider, its URL parameter and its error message cannot
 * disagree.
 */

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** the grid values snap to, from min; none keeps full precision */
  readonly step?: number;
  /** only whole numbers (a seed, a count) */
  readonly integer?: boolean;
}

/** γ of the figures: the paper's Figure 1 spans 0 to 5, and a tenth is a visible change. */
export const GAMMA = { min: 0, max: 5, step: 0.1 } as const satisfies NumberRange;

/** γ in the calculators, where a reader may try values past any figure's axis; typed, so full precision. */
export const GAMMA_CALCULATOR = { min: 0, max: 10, step: 0.1 } as const satisfies NumberRange;

/** α of the figures, in hundredths. */
export const ALPHA = { min: 0, max: 1, step: 0.01 } as const satisfies NumberRange;

/** α on sliders whose results do not move visibly for a hundredth (the lab, the loss budget). */
export const ALPHA_COARSE = { min: 0, max: 1, step: 0.05 } as const satisfies NumberRange;

/** A probability a reader types or slides: the calculators' p. */
export const P = { min: 0, max: 1, step: 0.01 } as const satisfies NumberRange;

/** p_t on a slider: short of 0 and 1, where a loss is infinite or exactly zero and a ratio has no value. */
export const PT_SLIDER = { min: 0.01, max: 0.99, step: 0.01 } as const satisfies NumberRange;

/** p_t of an easy negative: confident, and it is the fourth decimal that matters there. */
export const PT_EASY = { min: 0.9, max: 0.9999, step: 0.0001 } as const satisfies NumberRange;

/** Text size of an embed or a standalone element: projectors need bigger text; beyond 3× the figure no longer fits a slide. */
export const FONT_SCALE = { min: 0.75, max: 3, step: 0.01 } as const satisfies NumberRange;

/** The lab's data-set seed: any whole number a reader could type and remember. */
export const SEED = { min: 0, max: 999_999, step: 1, integer: true } as const satisfies NumberRange;

/**
 * A logit of the multi-class calculator. Past ±100 a softmax probability is
 * within e⁻¹⁰⁰ of 0 or 1 already, and e^z of every logit in range (ten of
 * them summed) still fits a double, so each substituted number prints.
 */
export const LOGIT = { min: -100, max: 100 } as const satisfies NumberRange;

/** How many logits the multi-class calculator takes: a softmax needs two; past ten its class table no longer fits a phone. */
export const CLASS_COUNT = { min: 2, max: 10, integer: true } as const satisfies NumberRange;

/** The true class's index, counted from 0 as in PyTorch and the module; each state narrows it to the number of logits. */
export const CLASS_INDEX = { min: 0, max: CLASS_COUNT.max - 1, step: 1, integer: true } as const satisfies NumberRange;
