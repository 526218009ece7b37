/**
 * Reading numbers the way readers type or paste them: spaces (also thin and
 * no-break spaces between digit groups), a comma as decimal separator when it
 * cannot mean anything else, a typographic minus, scientific notation. Anything
 * that could be read two ways is refused with a message that says what to
 * type instead, rather than guessed.
 */

import { ALPHA, CLASS_COUNT, GAMMA_CALCULATOR, LOGIT, P, SEED, type NumberRange } from "./ranges";

/** The bounds and wording for one input field. */
export interface NumberFieldSpec extends NumberRange {
  /** how the message names the field, e.g. "p" or "γ" */
  readonly name: string;
  /** what is allowed, in words, completing "Enter …" */
  readonly allowed: string;
}

export const P_FIELD: NumberFieldSpec = {
  name: "p",
  ...P,
  allowed: `a probability from ${P.min} to ${P.max}, such as 0.95`,
};
export const ALPHA_FIELD: NumberFieldSpec = {
  name: "α",
  ...ALPHA,
  allowed: `a weight from ${ALPHA.min} to ${ALPHA.max}, such as 0.25 (or switch α off)`,
};
export const GAMMA_FIELD: NumberFieldSpec = {
  name: "γ",
  ...GAMMA_CALCULATOR,
  allowed: `a number from ${GAMMA_CALCULATOR.min} to ${GAMMA_CALCULATOR.max}, such as 2`,
};
export const SEED_FIELD: NumberFieldSpec = {
  name: "The seed",
  ...SEED,
  allowed: `a whole number from ${SEED.min} to ${SEED.max}, such as 42`,
};

/** One logit of the multi-class calculator's list. */
export const LOGIT_FIELD: NumberFieldSpec = {
  name: "A logit",
  ...LOGIT,
  allowed: `${CLASS_COUNT.min} to ${CLASS_COUNT.max} logits from ${LOGIT.min} to ${LOGIT.max}, separated by commas or spaces, such as 2, 1, 0.1`,
};

/** The true class among `classes` logits, counted from 0. */
export function classFieldSpec(classes: number): NumberFieldSpec {
  return {
    name: "The class",
    min: 0,
    max: classes - 1,
    integer: true,
    allowed: `a whole number from 0 to ${classes - 1} (one of the ${classes} logits, counted from 0)`,
  };
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** Longest input we try to read; a longer paste is not a number anyone meant. */
const MAX_LENGTH = 64;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function refuse(spec: NumberFieldSpec, problem: string): ParsedNumber {
  return { ok: false, message: `${problem} Enter ${spec.allowed}.` };
}

/**
 * The reader's text in plain decimal notation, or why it is ambiguous.
 * Messages never quote the reader's text back: it could be "NaN" or markup,
 * and neither belongs on the page.
 */
function normalise(raw: string): { text: string } | { problem: string } {
  // All Unicode spaces go: "0.000 05", " 0,95 " and a pasted "1 000" are digit groups, not two numbers.
  let text = raw.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, "");
  // A typographic minus (U+2212) or dash pasted from a document reads as a minus sign.
  text = text.replace(/[\u2212\u2012\u2013\ufe63\uff0d]/g, "-");
  const commas = (text.match(/,/g) ?? []).length;
  if (commas === 0) return { text };
  if (commas > 1 || text.includes(".")) {
    return { problem: "It mixes commas and points, so the decimal separator is unclear." };
  }
  // "1,000" could be one thousand or 1.000; "0,950" and "2,5" can only be decimals.
  if (/^[+-]?[1-9]\d{0,2},\d{3}(?:e|$)/i.test(text)) {
    return { problem: "Its comma could separate thousands or decimals." };
  }
  return { text: text.replace(",", ".") };
}

/** Parses the reader's text for one field: a finite number within the field's range, or a message. */
export function parseNumberInput(raw: string, spec: NumberFieldSpec): ParsedNumber {
  if (typeof raw !== "string" || raw.trim() === "") return refuse(spec, `${spec.name} is empty.`);
  if (raw.length > MAX_LENGTH) return refuse(spec, `That is too long to be a number.`);
  const normalised = normalise(raw);
  if ("problem" in normalised) return refuse(spec, normalised.problem);
  if (!DECIMAL.test(normalised.text)) return refuse(spec, "That is not a number.");
  const value = Number(normalised.text);
  if (!Number.isFinite(value)) return refuse(spec, "That number is too large to compute with.");
  if (value < spec.min || value > spec.max) {
    return refuse(
      spec,
      value < spec.min ? `${spec.name} cannot be below ${spec.min}.` : `${spec.name} cannot be above ${spec.max}.`,
    );
  }
  if (spec.integer && !Number.isInteger(value)) return refuse(spec, `${spec.name} must be a whole number.`);
  // -0 is 0 to every formula here, but would print as "-0" when written back.
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * A number as it should appear in an input field or a URL: the shortest text
 * that reads back as the same number ("0.95", "2", "1e-7").
 */
export function formatInputValue(value: number): string {
  if (!Number.isFinite(value)) return "";
  return String(value === 0 ? 0 : value);
}

export type ParsedList = { ok: true; value: number[] } | { ok: false; message: string };

/**
 * The reader's list of numbers (the logits): items separated by commas,
 * semicolons or spaces, each read like one field, their count within
 * `count`. A comma separates, so decimals take a point here. Messages name
 * the item by position and never quote it.
 */
export function parseNumberList(raw: string, spec: NumberFieldSpec, count: NumberRange): ParsedList {
  const refuseList = (problem: string): ParsedList => ({ ok: false, message: `${problem} Enter ${spec.allowed}.` });
  if (typeof raw !== "string" || raw.trim() === "") return refuseList("The list is empty.");
  if (raw.length > count.max * (MAX_LENGTH + 2)) return refuseList("That is too long to be a list of numbers.");
  const items = raw
    .trim()
    .split(/[\s,;]+/)
    .filter((item) => item !== "");
  if (items.length < count.min)
    return refuseList(`That is ${items.length} number; a softmax needs at least ${count.min}.`);
  if (items.length > count.max)
    return refuseList(`That is ${items.length} numbers; the calculator takes at most ${count.max}.`);
  const value: number[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = parseNumberInput(item, spec);
    if (!parsed.ok) {
      const reason = parsed.message.slice(0, parsed.message.indexOf(" Enter "));
      return refuseList(`Item ${i + 1}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
    }
    value.push(parsed.value);
  }
  return { ok: true, value };
}
