/**
 * The loss calculator's working: each quantity as its formula, the formula with
 * the reader's numbers substituted, and the result, e.g.
 * FL = −α_t (1 − p_t)^γ ln p_t = −0.25 × (1 − 0.95)² × ln 0.95 = 3.2058 × 10⁻⁵.
 *
 * Every number is a slot: a value from the loss-math module with the notation
 * it is printed in. From the same parts come the KaTeX source (`tex`), a plain
 * text reading (`text`, for screen readers and tests) and a template
 * (`templateTex`) whose slots KaTeX marks with data attributes, so the page can
 * typeset a step once at build time and later change only its numbers.
 */
import type { Example } from "../article/article-values";
import { formatNumber, formatNumberTex, numberParts, type FormatOptions, type NumberParts } from "../text/format";
import { alphaT, balancedCrossEntropy, crossEntropy, focalLoss, modulatingFactor, oneMinusPt, pt } from "../math/loss";

/** A worked example's inputs: the same four numbers the article's printed values are about. */
export type StepState = Example;

/** How a slot's number is written. */
export type SlotKind =
  /** a value the reader typed (or one exactly derived from it): shortest decimal that reads back the same */
  | "input"
  /** a computed loss: the site's four decimals, scientific below 10⁻³ */
  | "result"
  /** a ratio such as CE / FL: the one ratio format (format.ts's RATIO_RULE) */
  | "ratio"
  /** a probability worked out as a quotient (softmax's p_t): five significant digits */
  | "quotient";

export interface Slot {
  /** names a place in the formula; a name may occur more than once (p_t does) */
  name: string;
  value: number;
  kind: SlotKind;
  /** in a superscript: always plain decimal, so the exponent never holds an exponent */
  script?: boolean;
  /** an operand: wrapped in parentheses when printed in scientific notation, so "ln (1 × 10⁻⁷)" cannot misread */
  group?: boolean;
}

/** A piece of fixed formula: its KaTeX source and its plain-text reading. */
export interface Fixed {
  tex: string;
  text: string;
}

export type StepPart = Fixed | Slot;

export type StepId =
  "pt" | "oneMinusPt" | "alphaT" | "modulating" | "ce" | "balancedCe" | "fl" | "ceOverFl" | "balancedCeOverFl";

export interface LossStep {
  id: StepId;
  /** which shape of formula: the template to typeset depends on it, never on the numbers */
  variant: string;
  /** what the step computes, in words */
  label: string;
  parts: StepPart[];
  /** the quantity's value, from the module; NaN only where a ratio has no value (0/0, ∞/∞) */
  value: number;
  /** a one-line explanation where the result needs one (∞, a ratio without a value, 0⁰) */
  note?: string;
}

const MAX_INPUT_DECIMALS = 12;

function isSlot(part: StepPart): part is Slot {
  return "kind" in part;
}

/**
 * Notation for a slot. Inputs get the fewest decimals that give the number back
 * (0.95, not 0.9500; 1 − 0.3 as 0.7, forgiving the last bits of a
 * subtraction), up to twelve; tiny inputs go scientific with the fewest
 * significant digits, so 1e-7 reads 1 × 10⁻⁷.
 */
export function slotFormat(slot: Pick<Slot, "value" | "kind" | "script">): FormatOptions {
  const { value, kind, script } = slot;
  if (kind === "result" && !script) return {};
  if (kind === "ratio" && !script) return RATIO_FORMAT;
  if (kind === "quotient" && !script) return { notation: "significant", digits: 5 };
  return shortestFormat(value, script === true);
}

/** Ratios such as CE / FL, written as the tables write them (1,600, 4.43; format.ts's RATIO_RULE). */
export const RATIO_FORMAT: FormatOptions = { notation: "ratio" };

/**
 * The fewest decimals that give the number back, up to twelve (a value with
 * more is shown to twelve); below 10⁻⁶ the fewest significant digits in
 * scientific notation, unless `fixedOnly`.
 */
export function shortestFormat(value: number, fixedOnly = false): FormatOptions {
  if (!Number.isFinite(value) || value === 0) return { notation: "fixed", digits: 0 };
  const tolerance = 4 * Number.EPSILON * Math.abs(value);
  const readsBack = (text: string) => Math.abs(Number(text) - value) <= tolerance;
  if (fixedOnly || Math.abs(value) >= 1e-6) {
    for (let digits = 0; digits < MAX_INPUT_DECIMALS; digits++) {
      if (readsBack(value.toFixed(digits))) return { notation: "fixed", digits };
    }
    return { notation: "fixed", digits: MAX_INPUT_DECIMALS };
  }
  for (let digits = 1; digits < 17; digits++) {
    if (readsBack(value.toPrecision(digits))) return { notation: "significant", digits };
  }
  return { notation: "significant", digits: 17 };
}

/** The slot's number split for typesetting: mantissa, optional power of ten, ∞. */
export function slotParts(slot: Slot): NumberParts {
  return numberParts(slot.value, slotFormat(slot));
}

/** True when the slot prints as mantissa × 10^exponent (and so, as an operand, inside parentheses). */
export function isScientific(slot: Slot): boolean {
  return slotParts(slot).exponent !== null;
}

/** How a slot is typeset: one run of digits (or ∞), a power of ten, or a power of ten in parentheses. */
export type SlotShape = "plain" | "sci" | "sci-group";

export function slotShape(slot: Slot): SlotShape {
  if (!isScientific(slot)) return "plain";
  return slot.group ? "sci-group" : "sci";
}

function slotTex(slot: Slot): string {
  const tex = formatNumberTex(slot.value, slotFormat(slot));
  // KaTeX sets 1{,}600 as three atoms, and the page refills a slot's first atom only (katex-slots.ts): as one text run it stays one.
  const number = tex.includes("{,}") ? `\\text{${tex.replaceAll("{,}", ",")}}` : tex;
  return slot.group && isScientific(slot) ? `(${number})` : number;
}

function slotText(slot: Slot): string {
  const text = formatNumber(slot.value, slotFormat(slot));
  return slot.group && isScientific(slot) ? `(${text})` : text;
}

/** The step as KaTeX source with the numbers in. */
export function stepTex(step: LossStep): string {
  return step.parts.map((part) => (isSlot(part) ? slotTex(part) : part.tex)).join("");
}

/** The step as plain text, e.g. "FL = −α_t (1 − p_t)^γ ln p_t = −0.25 × (1 − 0.95)^2 × ln 0.95 = 3.2058 × 10⁻⁵". */
export function stepText(step: LossStep): string {
  return step.parts.map((part) => (isSlot(part) ? slotText(part) : part.text)).join("");
}

/**
 * KaTeX source with each slot wrapped in \htmlData{slot=name, shape=…}{…} (it
 * needs KaTeX's `trust` option for htmlData): typeset once, the slots can be
 * found and refilled without typesetting again.
 */
export function stepTemplateTex(step: LossStep): string {
  return step.parts
    .map((part) =>
      isSlot(part) ? `\\htmlData{slot=${part.name}, shape=${slotShape(part)}}{${slotTex(part)}}` : part.tex,
    )
    .join("");
}

/** The slots of a step, in formula order. */
export function stepSlots(step: LossStep): Slot[] {
  return step.parts.filter(isSlot);
}

// ------------------------------------------------------------------ steps

/** A piece of fixed formula; these and the ratio steps are shared with the multi-class steps (softmax-steps.ts). */
export const f = (tex: string, text: string): Fixed => ({ tex, text });
export const EQ = f(" = ", " = ");
export const TIMES = f(" \\times ", " × ");
export const MINUS_SIGN = f("-", "−");
export const OVER = f(" / ", " / ");
export const LN = f("\\ln ", "ln ");
// Braces make (1 − p_t)^γ one group, so KaTeX never breaks the line inside the parentheses.
const OPEN_ONE_MINUS = f("{(1 - ", "(1 − ");
const CLOSE = f(")", ")");
export const SUP_OPEN = f("^{", "^");
export const SUP_CLOSE = f("}}", "");

function ratioNote(numeratorName: string, num: number, den: number, at: number): string | undefined {
  if (num === 0 && den === 0) {
    return at === 0
      ? `α_t = 0 switches this example off: both losses are 0, so their ratio is not defined.`
      : `Both losses are 0 when p_t = 1 (a perfect prediction), so their ratio is not defined.`;
  }
  if (num === Infinity && den === Infinity) {
    return `Both losses are infinite when p_t = 0, so their ratio is not defined; as p_t approaches 0 it tends to ${
      numeratorName === "CE" ? `1 / α_t = ${formatNumber(1 / at, RATIO_FORMAT)}` : "1"
    }.`;
  }
  if (den === 0) return `FL is 0 here while ${numeratorName} is not, so the ratio is unbounded.`;
  return undefined;
}

export function ratioStep(id: StepId, label: string, name: Fixed, num: Slot, den: Slot, at: number): LossStep {
  const undefinedRatio = (num.value === 0 && den.value === 0) || (num.value === Infinity && den.value === Infinity);
  const value = undefinedRatio ? NaN : den.value === 0 ? Infinity : num.value / den.value;
  const parts: StepPart[] = [name, EQ, num, OVER, den];
  if (!undefinedRatio) parts.push(EQ, { name: "ratio", value, kind: "ratio" });
  const note = ratioNote(num.name === "ce" ? "CE" : "balanced CE", num.value, den.value, at);
  return { id, variant: undefinedRatio ? "no-value" : "value", label, parts, value, ...(note ? { note } : {}) };
}

/** A step of the working, its note only where it has one. */
function step(id: StepId, variant: string, label: string, value: number, parts: StepPart[], note?: string): LossStep {
  return { id, variant, label, value, parts, ...(note ? { note } : {}) };
}

/** α_t with α off (binary and softmax alike): every class weighs 1. */
export function alphaOffStep(at: number): LossStep {
  const slot: Slot = { name: "at", value: at, kind: "input", group: false };
  return {
    id: "alphaT",
    variant: "off",
    label: "Class weight",
    value: at,
    parts: [f("\\alpha_t", "α_t"), EQ, slot],
    note: "α is off: no class weighting.",
  };
}

/**
 * Every step of the calculator for a state, from the loss-math module.
 * Throws (from the module) on a state outside the inputs' ranges: callers
 * validate first.
 */
export function lossSteps({ p, y, alpha, gamma }: StepState): LossStep[] {
  const ptValue = pt(p, y);
  const q = oneMinusPt(p, y);
  const at = alphaT(alpha, y);
  const mf = modulatingFactor(p, y, gamma);
  const ce = crossEntropy(p, y);
  const bce = balancedCrossEntropy(p, y, alpha);
  const fl = focalLoss(p, y, { alpha, gamma });

  const P: Slot = { name: "p", value: p, kind: "input", group: true };
  const PT: Slot = { name: "pt", value: ptValue, kind: "input", group: true };
  const AT: Slot = { name: "at", value: at, kind: "input", group: true };
  const G: Slot = { name: "gamma", value: gamma, kind: "input", script: true };

  const ptStep = step(
    "pt",
    y === 1 ? "foreground" : "background",
    "Probability of the true class",
    ptValue,
    y === 1
      ? [f("p_t = p", "p_t = p"), EQ, { ...P, group: false }]
      : [f("p_t = 1 - p", "p_t = 1 − p"), EQ, f("1 - ", "1 − "), P, EQ, { ...PT, group: false }],
  );

  const alphaStep =
    alpha === null
      ? alphaOffStep(at)
      : step(
          "alphaT",
          y === 1 ? "foreground" : "background",
          "Class weight",
          at,
          y === 1
            ? [f("\\alpha_t = \\alpha", "α_t = α"), EQ, { ...AT, group: false }]
            : [
                f("\\alpha_t = 1 - \\alpha", "α_t = 1 − α"),
                EQ,
                f("1 - ", "1 − "),
                { name: "alpha", value: alpha, kind: "input", group: true },
                EQ,
                { ...AT, group: false },
              ],
        );

  const modulatingStep = step(
    "modulating",
    "main",
    "Modulating factor",
    mf,
    [
      f("{(1 - p_t)^{\\gamma}}", "(1 − p_t)^γ"),
      EQ,
      OPEN_ONE_MINUS,
      PT,
      CLOSE,
      SUP_OPEN,
      G,
      SUP_CLOSE,
      EQ,
      { name: "mf", value: mf, kind: "result" },
    ],
    q === 0 && gamma === 0 ? "0⁰ is taken as 1, so γ = 0 leaves cross-entropy unchanged even at p_t = 1." : undefined,
  );

  const pt0 = ptValue === 0;
  const ceStep = step(
    "ce",
    "main",
    "Cross-entropy",
    ce,
    [
      f("\\mathrm{CE} = -\\ln p_t", "CE = −ln p_t"),
      EQ,
      MINUS_SIGN,
      LN,
      PT,
      EQ,
      { name: "ce", value: ce, kind: "result" },
    ],
    pt0
      ? "p_t = 0: the model gave the true class no probability at all, and ln 0 is −∞, so the loss is infinite."
      : undefined,
  );

  const bceNote = pt0
    ? at === 0
      ? "α_t = 0 switches this example off, so even its infinite cross-entropy counts 0."
      : "p_t = 0, so −ln p_t is infinite, and weighting by α_t does not make it finite."
    : undefined;
  const balancedStep = step(
    "balancedCe",
    "main",
    "Balanced cross-entropy",
    bce,
    [
      f("\\mathrm{CE}_{\\alpha} = -\\alpha_t \\ln p_t", "CE_α = −α_t ln p_t"),
      EQ,
      MINUS_SIGN,
      AT,
      TIMES,
      LN,
      PT,
      EQ,
      { name: "bce", value: bce, kind: "result" },
    ],
    bceNote,
  );

  const flNote = pt0
    ? at === 0
      ? "α_t = 0 switches this example off, so even its infinite cross-entropy counts 0."
      : "p_t = 0: the modulating factor is (1 − 0)^γ = 1, so nothing damps the infinite −ln 0."
    : undefined;
  const flStep = step(
    "fl",
    "main",
    "Focal loss",
    fl,
    [
      f("\\mathrm{FL} = -\\alpha_t {(1 - p_t)^{\\gamma}} \\ln p_t", "FL = −α_t (1 − p_t)^γ ln p_t"),
      EQ,
      MINUS_SIGN,
      AT,
      TIMES,
      OPEN_ONE_MINUS,
      PT,
      CLOSE,
      SUP_OPEN,
      G,
      SUP_CLOSE,
      TIMES,
      LN,
      PT,
      EQ,
      { name: "fl", value: fl, kind: "result" },
    ],
    flNote,
  );

  return [ptStep, alphaStep, modulatingStep, ceStep, balancedStep, flStep, ...ratioSteps(ce, bce, fl, at)];
}

/** The two closing ratios of a worked example, CE / FL and balanced CE / FL (binary and softmax alike). */
export function ratioSteps(ce: number, bce: number, fl: number, at: number): LossStep[] {
  const ceSlot: Slot = { name: "ce", value: ce, kind: "result", group: true };
  const bceSlot: Slot = { name: "bce", value: bce, kind: "result", group: true };
  const flSlot: Slot = { name: "fl", value: fl, kind: "result", group: true };
  return [
    ratioStep(
      "ceOverFl",
      "How many times smaller FL is than CE",
      f("\\mathrm{CE} / \\mathrm{FL}", "CE / FL"),
      ceSlot,
      flSlot,
      at,
    ),
    ratioStep(
      "balancedCeOverFl",
      "How many times smaller FL is than balanced CE",
      f("\\mathrm{CE}_{\\alpha} / \\mathrm{FL}", "CE_α / FL"),
      bceSlot,
      flSlot,
      at,
    ),
  ];
}

/**
 * States that between them produce every (step, variant) pair, so a page can
 * typeset every template at build time. A unit test holds this list complete.
 */
export const TEMPLATE_STATES: readonly StepState[] = [
  { p: 0.95, y: 1, alpha: 0.25, gamma: 2 },
  { p: 0.05, y: 0, alpha: 0.25, gamma: 2 },
  { p: 0.95, y: 1, alpha: null, gamma: 2 },
  { p: 1, y: 1, alpha: 0.25, gamma: 2 },
];

/** Every step variant any state can produce, as `id:variant`. */
export const STEP_VARIANTS: readonly string[] = [
  "pt:foreground",
  "pt:background",
  "alphaT:foreground",
  "alphaT:background",
  "alphaT:off",
  "modulating:main",
  "ce:main",
  "balancedCe:main",
  "fl:main",
  "ceOverFl:value",
  "ceOverFl:no-value",
  "balancedCeOverFl:value",
  "balancedCeOverFl:no-value",
];

/** A piece of a note: plain text, a variable with a subscript (p_t, α_t), or a superscript (^γ). */
export type NoteToken = { text: string } | { variable: string; sub: string } | { sup: string };

/**
 * Splits a note's plain text into pieces a page can set as real sub- and
 * superscripts (p_t → p with subscript t), without putting markup in the text.
 */
export function noteTokens(note: string): NoteToken[] {
  const tokens: NoteToken[] = [];
  const pattern = /([pα])_t|\^([γ0-9])/g;
  let last = 0;
  for (const match of note.matchAll(pattern)) {
    if (match.index > last) tokens.push({ text: note.slice(last, match.index) });
    if (match[1]) tokens.push({ variable: match[1], sub: "t" });
    else tokens.push({ sup: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < note.length) tokens.push({ text: note.slice(last) });
  return tokens;
}
