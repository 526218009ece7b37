/**
 * KaTeX source for the chapters' worked examples: the inputs substituted into a
 * formula, every intermediate and the result computed by the loss-math module.
 * Inputs (p, α, γ) are written as given; everything derived from them is
 * computed here, so changing an input in a chapter changes every line.
 */
import type { Example, Quantity } from "./article-values";
import { exactValue } from "./errata";
import { formatNumberTex, numberParts, type FormatOptions } from "../text/format";
import { alphaT, oneMinusPt, pt } from "../math/loss";

/** The quantities a worked example can end in. */
export type WorkedQuantity = Exclude<Quantity, "ceOverFl">;

/**
 * A computed value that is a short decimal in disguise (1 − 0.05 = 0.95 in
 * binary is 0.95000000000000006…): shown with at most 12 significant digits,
 * so it reads as 0.95 rather than as a rounding artefact.
 */
export function shortDecimalTex(value: number): string {
  const parts = numberParts(value, { notation: "significant", digits: 12 });
  if (parts.invalid || parts.infinite) return formatNumberTex(value);
  const mantissa = parts.mantissa.includes(".") ? parts.mantissa.replace(/0+$/, "").replace(/\.$/, "") : parts.mantissa;
  const sign = parts.negative ? "-" : "";
  return parts.exponent === null ? sign + mantissa : `${sign}${mantissa} \\times 10^{${parts.exponent}}`;
}

/** An input as the reader typed it: the shortest decimal JavaScript prints. */
export function inputTex(value: number): string {
  if (!Number.isFinite(value)) return formatNumberTex(value);
  return String(value).replace(
    /e([-+]?)(\d+)$/,
    (_m, sign: string, exp: string) => ` \\times 10^{${sign === "-" ? "-" : ""}${exp}}`,
  );
}

/** p_t spelled out for an example: p itself for y = 1, 1 − p worked out for y = 0. */
export function ptStepTex({ p, y }: Example): string {
  const value = shortDecimalTex(pt(p, y));
  return y === 1 ? `p_t = p = ${value}` : `p_t = 1 - p = 1 - ${inputTex(p)} = ${value}`;
}

/** α_t spelled out: α for y = 1, 1 − α for y = 0. Null α means no weighting. */
export function alphaStepTex({ y, alpha }: Example): string {
  if (alpha === null) return "\\alpha_t = 1";
  const value = shortDecimalTex(alphaT(alpha, y));
  return y === 1 ? `\\alpha_t = \\alpha = ${value}` : `\\alpha_t = 1 - \\alpha = 1 - ${inputTex(alpha)} = ${value}`;
}

/** (1 − p_t)^γ with p_t substituted and the factor computed. */
export function modulatingStepTex(example: Example, format: FormatOptions = {}): string {
  const ptText = shortDecimalTex(pt(example.p, example.y));
  const factor = exactValue("modulating", example);
  return `(1 - p_t)^{\\gamma} = (1 - ${ptText})^{${inputTex(example.gamma)}} = ${formatNumberTex(factor, format)}`;
}

/**
 * The last line of a worked example: the formula, the numbers substituted,
 * and the result. The modulating factor enters as its computed value (shown
 * on the line before), so this line stays short enough for a phone.
 */
export function resultStepTex(quantity: WorkedQuantity, example: Example, format: FormatOptions = {}): string {
  const { p, y, alpha, gamma } = example;
  const ptText = shortDecimalTex(pt(p, y));
  const result = formatNumberTex(exactValue(quantity, example), format);
  const weight = alpha === null ? null : shortDecimalTex(alphaT(alpha, y));
  switch (quantity) {
    case "pt":
      return ptStepTex(example);
    case "modulating":
      return modulatingStepTex(example, format);
    case "ce":
      return `\\mathrm{CE} = -\\ln p_t = -\\ln ${ptText} = ${result}`;
    case "balancedCe":
      return weight === null
        ? `\\mathrm{CE}_\\alpha = -\\ln p_t = -\\ln ${ptText} = ${result}`
        : aligned("\\mathrm{CE}_\\alpha", ["-\\alpha_t \\ln p_t", `-${weight} \\times \\ln ${ptText}`, result]);
    case "fl": {
      const factor = formatNumberTex(Math.pow(oneMinusPt(p, y), gamma), format);
      const w = weight === null ? "" : `${weight} \\times `;
      const definition = weight === null ? "-(1 - p_t)^{\\gamma} \\ln p_t" : "-\\alpha_t (1 - p_t)^{\\gamma} \\ln p_t";
      return aligned("\\mathrm{FL}", [definition, `-${w}${factor} \\times \\ln ${ptText}`, result]);
    }
  }
}

/**
 * A chain of equalities set one step per row (aligned on =), so a long
 * substitution wraps into rows a phone can show instead of one wide line.
 */
export function aligned(lhs: string, steps: string[]): string {
  const rows = steps.map((step, i) => `${i === 0 ? lhs + " " : ""}&= ${step}`);
  return `\\begin{aligned}${rows.join(" \\\\ ")}\\end{aligned}`;
}

/**
 * Every line of a worked example, in reading order: p_t, then α_t if the
 * quantity is weighted, then the modulating factor if it is focal, then the result.
 */
export function workedExampleLines(quantity: WorkedQuantity, example: Example, format: FormatOptions = {}): string[] {
  const lines = [ptStepTex(example)];
  if (quantity === "pt") return lines;
  if ((quantity === "balancedCe" || quantity === "fl") && example.alpha !== null) lines.push(alphaStepTex(example));
  if (quantity === "fl") lines.push(modulatingStepTex(example, format));
  lines.push(resultStepTex(quantity, example, format));
  return lines;
}
