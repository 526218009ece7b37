/**
 * Checking a reader's answer to a "Check yourself" question: parsing what they
 * typed and comparing it with the exact value within a tolerance. Shared by the
 * build (which prints the tolerance) and the <self-check> island; it imports
 * nothing heavy, since it ships to the browser.
 */

export interface Tolerance {
  kind: "relative" | "absolute";
  /** a fraction of the answer (relative) or a distance in the answer's unit (absolute) */
  amount: number;
}

export interface NumericAnswer {
  value: number;
  tolerance: Tolerance;
  /** what the reader types the answer in: "" for a plain number, "%" for a percentage */
  unit: "" | "%";
  /** significant digits the answer is shown with */
  digits: number;
}

/**
 * A reader's number: "0.25", "−0.3" (a true minus), "1e-3", "1,600" (thousands
 * separators), "95%" for a percentage answer. Null when it is not a number.
 */
export function parseReaderNumber(text: string, unit: "" | "%"): number | null {
  let t = text
    .trim()
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/\s+/g, "");
  if (unit === "%" && t.endsWith("%")) t = t.slice(0, -1);
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

export type Verdict = "right" | "too-low" | "too-high";

export function checkNumber(guess: number, answer: Pick<NumericAnswer, "value" | "tolerance">): Verdict {
  const { value, tolerance } = answer;
  const allowed = tolerance.kind === "relative" ? tolerance.amount * Math.abs(value) : tolerance.amount;
  if (Math.abs(guess - value) <= allowed) return "right";
  return guess < value ? "too-low" : "too-high";
}

/** The tolerance in words, e.g. "within 10 %" or "within ±0.05". */
export function toleranceText(answer: NumericAnswer): string {
  const { tolerance, unit } = answer;
  if (tolerance.kind === "relative")
    return `within ${String(Number((tolerance.amount * 100).toPrecision(6)))}% of the exact value`;
  return `within ±${String(Number(tolerance.amount.toPrecision(6)))}${unit === "%" ? " percentage points" : ""} of the exact value`;
}
