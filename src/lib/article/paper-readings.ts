/**
 * The paper's own reading of its Figure 1 ("with γ = 2, an example classified
 * with p_t = 0.9 would have 100× lower loss compared with CE and with
 * p_t ≈ 0.968 it would have 1000× lower loss"; and at most 4× for p_t ≤ 0.5),
 * recomputed by the loss-math module for any γ, with the short texts the
 * figures show under the chart.
 */
import { formatNumber } from "../text/format";
import { crossEntropy, focalLossOfPt } from "../math/loss";

export interface PaperReadings {
  gamma: number;
  /** CE / FL at p_t = 0.9 (α off): 100 for γ = 2 */
  ratioAtPt09: number;
  /** where CE / FL reaches 1000: p_t ≈ 0.968 for γ = 2; null for γ = 0, where it never does */
  ptAtRatio1000: number | null;
  /** 1 − that p_t, kept separately because for small γ it is far below what 1 − p_t can hold in a double */
  qAtRatio1000: number | null;
  /** the largest factor by which FL scales an example with p_t ≤ 0.5 down: 2^γ (4 for γ = 2) */
  maxScaleDownAtOrBelowHalf: number;
}

export const READING_PT = 0.9;
export const READING_RATIO = 1000;
export const READING_HARD_LIMIT = 0.5;

/** CE / FL at p_t for γ, without α: how many times smaller focal loss makes the example's loss. */
export function scaleDown(pt: number, gamma: number): number {
  return crossEntropy(pt, 1) / focalLossOfPt(pt, { gamma, alpha: null });
}

export function paperReadings(gamma: number): PaperReadings {
  // CE/FL = (1 − p_t)^−γ, so it reaches R where 1 − p_t = R^(−1/γ); expm1 keeps p_t exact near 1.
  const logR = Math.log(READING_RATIO);
  return {
    gamma,
    ratioAtPt09: scaleDown(READING_PT, gamma),
    ptAtRatio1000: gamma > 0 ? -Math.expm1(-logR / gamma) : null,
    qAtRatio1000: gamma > 0 ? Math.exp(-logR / gamma) : null,
    // (1 − p_t)^γ is smallest on p_t ≤ 0.5 at p_t = 0.5, so the scale-down there is the largest.
    maxScaleDownAtOrBelowHalf: scaleDown(READING_HARD_LIMIT, gamma),
  };
}

/** A factor for reading: 4, 12.6, 2.46, 100, 1.0 × 10⁵ — whole numbers stay whole. */
export function formatFactor(factor: number): string {
  if (!Number.isFinite(factor)) return formatNumber(factor);
  if (factor >= 1e5) return formatNumber(factor, { notation: "scientific", digits: 1 });
  if (Math.abs(factor - Math.round(factor)) < 1e-9 * factor || factor >= 100)
    return formatNumber(factor, { notation: "fixed", digits: 0 });
  return formatNumber(factor, { notation: "fixed", digits: factor >= 10 ? 1 : 2 });
}

/** p_t where the factor reaches 1000: three decimals, or 1 − q when p_t rounds to 1. */
function formatPtNearOne(pt: number, q: number): string {
  if (q >= 5e-4) return formatNumber(pt, { notation: "fixed", digits: 3 });
  return `1 − ${formatNumber(q, { notation: "scientific", digits: 1 })}`;
}

/** A number in the readings that follows γ; the page rewrites only these as γ moves. */
export type ReadingSlot = "ratioAtPt09" | "ptAtRatio1000" | "maxScaleDown";
/** A piece of a reading: words, math (typeset at build time, never in the browser), or a number slot. */
export type ReadingPart = { text: string } | { tex: string } | { slot: ReadingSlot };
/** Which set of sentences holds: γ = 0 is cross-entropy, where there is nothing to scale down. */
export type ReadingVariant = "focusing" | "cross-entropy";

const fixed1 = (v: number) => formatNumber(v, { notation: "fixed", digits: 1 });

/**
 * The three readings of each variant, as parts. The math is constant (the numbers in it are the
 * paper's fixed points), so it is typeset once at build time and the page only swaps variants and
 * rewrites the slots: the readings are typeset like the rest of the page without KaTeX in its script.
 */
export const READING_SENTENCES: Record<ReadingVariant, ReadingPart[][]> = {
  focusing: [
    [
      { text: "At " },
      { tex: `p_t = ${fixed1(READING_PT)}` },
      { text: ", the loss is " },
      { slot: "ratioAtPt09" },
      { text: "× smaller than CE." },
    ],
    [
      { text: `It is ${formatFactor(READING_RATIO)}× smaller when ` },
      { tex: "p_t" },
      { text: " is about " },
      { slot: "ptAtRatio1000" },
      { text: "." },
    ],
    [
      { text: "Hard examples (" },
      { tex: `p_t \\le ${fixed1(READING_HARD_LIMIT)}` },
      { text: ") are scaled down at most " },
      { slot: "maxScaleDown" },
      { text: "×." },
    ],
  ],
  "cross-entropy": [
    [{ text: "With " }, { tex: "\\gamma = 0" }, { text: ", focal loss is cross-entropy: no example is scaled down." }],
    [{ text: "So no " }, { tex: "p_t" }, { text: ` gives a loss ${formatFactor(READING_RATIO)}× smaller than CE.` }],
    [
      { text: "Hard examples (" },
      { tex: `p_t \\le ${fixed1(READING_HARD_LIMIT)}` },
      { text: ") keep their full loss." },
    ],
  ],
};

export function readingVariant(r: PaperReadings): ReadingVariant {
  return r.gamma === 0 ? "cross-entropy" : "focusing";
}

/** The slots' texts for γ (for γ = 0, whose sentences have no slots, what the slots would hold is unused). */
export function readingNumbers(r: PaperReadings): Record<ReadingSlot, string> {
  return {
    ratioAtPt09: formatFactor(r.ratioAtPt09),
    ptAtRatio1000: r.ptAtRatio1000 === null ? "" : formatPtNearOne(r.ptAtRatio1000, r.qAtRatio1000!),
    maxScaleDown: formatFactor(r.maxScaleDownAtOrBelowHalf),
  };
}
