/**
 * Checks the article's printed values against the loss-math module. A printed
 * value agrees when it is what the exact value rounds to at the precision the
 * article printed; "last digit" when it is the exact value truncated at that
 * precision (9.6175 × 10⁻⁵ printed 9.61 × 10⁻⁵); otherwise it differs. Rounding
 * up is not a last-digit slip: 4.432 gives 4.4 by any rounding, never 4.5.
 * Digits beyond what a double carries (16 significant) are noise in both the
 * article and here, so a few ulps of the exact value are forgiven.
 */
import { balancedCrossEntropy, crossEntropy, focalLoss, modulatingFactor, pt } from "../math/loss";
import { articlePrintedValues, type Example, type PrintedValue, type Quantity } from "./article-values";

export type Verdict = "agrees" | "last-digit" | "differs";

export interface CheckedValue {
  entry: PrintedValue;
  printed: number;
  exact: number;
  /** one unit in the last printed digit */
  unit: number;
  verdict: Verdict;
}

/** The exact value of a quantity for an example, from the module. */
export function exactValue(quantity: Quantity, { p, y, alpha, gamma }: Example): number {
  switch (quantity) {
    case "pt":
      return pt(p, y);
    case "ce":
      return crossEntropy(p, y);
    case "balancedCe":
      return balancedCrossEntropy(p, y, alpha);
    case "modulating":
      return modulatingFactor(p, y, gamma);
    case "fl":
      return focalLoss(p, y, { alpha, gamma });
    case "ceOverFl":
      return crossEntropy(p, y) / focalLoss(p, y, { alpha, gamma });
  }
}

/**
 * One unit in the last printed digit: "0.0128" → 1e-4, "3.2058308992219E-5" →
 * 1e-18, "40000" → 1 (a printed integer is taken at face value).
 */
export function lastDigitUnit(text: string): number {
  const match = /^[-+]?(\d*)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`printed value must be a decimal number; got ${text}`);
  const decimals = match[2]?.length ?? 0;
  const exponent = Number(match[3] ?? 0);
  return 10 ** (exponent - decimals);
}

export function checkPrintedValue(entry: PrintedValue): CheckedValue {
  const printed = Number(entry.printedText);
  const exact = exactValue(entry.quantity, entry.example);
  const unit = lastDigitUnit(entry.printedText);
  const noise = 4 * Number.EPSILON * Math.abs(exact);
  const off = Math.max(0, Math.abs(exact - printed) - noise) / unit;
  const truncated = Math.trunc((exact + Math.sign(exact) * noise) / unit) * unit;
  const isTruncation = Math.abs(printed - truncated) <= 1e-6 * unit;
  const verdict: Verdict = off <= 0.5 ? "agrees" : isTruncation ? "last-digit" : "differs";
  return { entry, printed, exact, unit, verdict };
}

/** Every printed value of the article, checked. */
export function checkedArticleValues(): CheckedValue[] {
  return articlePrintedValues.map(checkPrintedValue);
}

/** The printed values that do not agree with the exact ones. */
export function articleErrata(): CheckedValue[] {
  return checkedArticleValues().filter((c) => c.verdict !== "agrees");
}

/** The checked printed value with this id; throws for an unknown id so a typo in a page fails the build. */
export function checkedValue(id: string): CheckedValue {
  const entry = articlePrintedValues.find((e) => e.id === id);
  if (!entry) throw new RangeError(`no printed value with id ${id}`);
  return checkPrintedValue(entry);
}
