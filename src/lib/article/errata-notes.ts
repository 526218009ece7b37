/**
 * What kind of slip a printed value is, worked out from the numbers rather
 * than written by hand: a misplaced power of ten, the other class's p_t, p_t^γ
 * in place of (1 − p_t)^γ, two neighbouring digits swapped, a quoted ratio
 * that its own quoted numbers do not give, a truncated last digit, or none of these.
 * The chapters turn the kind into a short neutral note.
 */
import type { CheckedValue } from "./errata";
import { formatNumber, type FormatOptions } from "../text/format";
import { pt } from "../math/loss";
import { quotedRatioOf } from "./quoted-ratios";

export type SlipKind =
  | "none"
  | "last-digit"
  | "power-of-ten"
  | "other-class-pt"
  | "pt-instead-of-one-minus-pt"
  | "transposed-digits"
  | "quoted-quotient"
  | "unexplained";

export interface Slip {
  kind: SlipKind;
  /** for power-of-ten slips: the printed value is the exact one times 10^powerOfTen */
  powerOfTen?: number;
}

/** True when a and b agree to within the given relative tolerance. */
function near(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Classifies a checked printed value. The tolerance is the printed value's own
 * rounding (one unit in its last digit, relative to its size) so that a value
 * printed to two digits is matched at two digits.
 */
export function classifySlip(checked: CheckedValue): Slip {
  if (checked.verdict === "agrees") return { kind: "none" };
  if (checked.verdict === "last-digit") return { kind: "last-digit" };
  const { printed, exact, unit, entry } = checked;
  const quoted = entry.quantity === "ceOverFl" ? quotedRatioOf(entry.id) : undefined;
  if (quoted && !quoted.quotientGivesRatio) return { kind: "quoted-quotient" };
  if (swappedNeighbours(entry.printedText, exactAtPrintedPrecision(checked))) return { kind: "transposed-digits" };
  const rel = Math.max(unit / Math.abs(printed), 1e-9);
  const { p, y, gamma } = entry.example;
  const truePt = pt(p, y);

  if (entry.quantity === "pt" && near(printed, 1 - truePt, rel)) return { kind: "other-class-pt" };
  if (entry.quantity === "modulating" && near(printed, Math.pow(truePt, gamma), rel)) {
    return { kind: "pt-instead-of-one-minus-pt" };
  }
  if (printed > 0 && exact > 0) {
    const k = Math.round(Math.log10(printed / exact));
    if (k !== 0 && near(printed, exact * 10 ** k, Math.max(rel, 1e-3))) return { kind: "power-of-ten", powerOfTen: k };
  }
  return { kind: "unexplained" };
}

/**
 * True when two decimals written to the same digits differ only by one pair of
 * neighbouring digits swapped: "0.667" and "0.676".
 */
export function swappedNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * The exact value at a precision that makes the comparison readable: two more
 * significant digits than the article printed, at least four.
 */
export function comparisonFormat(checked: CheckedValue): FormatOptions {
  const digits = Math.min(12, Math.max(4, significantDigits(checked.entry.printedText) + 2));
  // Below 10⁻³ a run of leading zeros hides the digits; scientific shows them.
  const abs = Math.abs(checked.exact);
  if (abs > 0 && abs < 1e-3) return { notation: "scientific", digits: digits - 1 };
  return { notation: "significant", digits };
}

/** Significant digits of a decimal as printed: "0.0128" → 3, "9.61E-5" → 3, "40000" → 1. */
export function significantDigits(text: string): number {
  const mantissa = text
    .trim()
    .replace(/^[-+]/, "")
    .replace(/[eE].*$/, "");
  const digits = mantissa.replace(".", "").replace(/^0+/, "");
  const significant = mantissa.includes(".") ? digits : digits.replace(/0+$/, "");
  return Math.max(1, significant.length);
}

/** The exact value rounded to the precision the article printed, for "it rounds to …". */
export function exactAtPrintedPrecision(checked: CheckedValue): string {
  const { exact, unit } = checked;
  const decimals = Math.max(0, -Math.round(Math.log10(unit)));
  const fixed = (Math.round(exact / unit) * unit).toFixed(decimals);
  // A value the article printed in E notation is compared in scientific notation too.
  if (/e/i.test(checked.entry.printedText) || decimals > 8)
    return formatNumber(exact, { notation: "scientific", digits: significantDigits(checked.entry.printedText) - 1 });
  return fixed;
}

/**
 * The exact value as the notes print it: a probability p_t is a short decimal
 * (0.05, not 0.05000); a loss gets comparisonFormat's digits.
 */
export function exactText(checked: CheckedValue): string {
  if (checked.entry.quantity === "pt") return String(Number(checked.exact.toPrecision(12)));
  return formatNumber(checked.exact, comparisonFormat(checked));
}
