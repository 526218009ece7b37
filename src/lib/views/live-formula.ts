/**
 * What the live focal-loss formula shows: the loss at the reader's p_t, γ
 * and α, cross-entropy at the same p_t, and how many times smaller focal loss
 * is. Shared by the build-time formula and the browser element.
 */
import { formatNumber, formatNumberTex } from "../text/format";
import { crossEntropy, focalLossOfPt } from "../math/loss";
import { formatFactor } from "../article/paper-readings";

/** The p_t the formula is evaluated at before the reader moves it: the paper's 0.9. */
export const FORMULA_DEFAULT_PT = 0.9;

export interface FormulaValues {
  fl: number;
  ce: number;
  /** CE / FL: infinite when α = 0 silences the loss */
  factor: number;
}

export function formulaValues(pt: number, gamma: number, alpha: number | null): FormulaValues {
  const fl = focalLossOfPt(pt, { gamma, alpha });
  const ce = crossEntropy(pt, 1);
  return { fl, ce, factor: ce / fl };
}

/** The values as plain text, for the browser to write into the typeset formula. */
export function formulaTexts(v: FormulaValues): { fl: string; ce: string; factor: string } {
  return {
    fl: formatNumber(v.fl, { notation: "significant", digits: 4 }),
    ce: formatNumber(v.ce, { notation: "significant", digits: 4 }),
    factor: formatFactor(v.factor),
  };
}

/** The values as KaTeX source, for the formula typeset at build time. */
export function formulaTex(v: FormulaValues): { fl: string; ce: string; factor: string } {
  // formatFactor's text is plain digits below 10⁵; above, and for ∞, TeX needs its own notation.
  const factor =
    !Number.isFinite(v.factor) || v.factor >= 1e5
      ? formatNumberTex(v.factor, { notation: "scientific", digits: 1 })
      : formatFactor(v.factor);
  return {
    fl: formatNumberTex(v.fl, { notation: "significant", digits: 4 }),
    ce: formatNumberTex(v.ce, { notation: "significant", digits: 4 }),
    factor,
  };
}
