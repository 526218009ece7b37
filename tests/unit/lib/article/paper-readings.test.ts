import { describe, expect, it } from "vitest";
import katex from "katex";
import {
  formatFactor,
  paperReadings,
  readingNumbers,
  readingVariant,
  READING_SENTENCES,
  scaleDown,
  type PaperReadings,
} from "../../../../src/lib/article/paper-readings";

/** The readings as a reader sees them for γ, with the typeset parts written back as $…$. */
function readingTexts(r: PaperReadings): string[] {
  const numbers = readingNumbers(r);
  return READING_SENTENCES[readingVariant(r)].map((parts) =>
    parts.map((p) => ("text" in p ? p.text : "tex" in p ? `$${p.tex}$` : numbers[p.slot])).join(""),
  );
}
import { crossEntropy, focalLossOfPt } from "../../../../src/lib/math/loss";

describe("scaleDown", () => {
  it("is CE / FL without α, which is (1 − p_t)^−γ", () => {
    expect(scaleDown(0.9, 2)).toBeCloseTo(100, 10);
    expect(scaleDown(0.5, 3)).toBeCloseTo(8, 12);
    expect(scaleDown(0.7, 0)).toBe(1);
    expect(scaleDown(0.9, 2)).toBe(crossEntropy(0.9, 1) / focalLossOfPt(0.9, { gamma: 2, alpha: null }));
  });
});

describe("paperReadings", () => {
  it("recovers the paper's reading of Figure 1 for γ = 2: 100× at 0.9, 1000× near 0.968, at most 4× for p_t ≤ 0.5", () => {
    const r = paperReadings(2);
    expect(r.ratioAtPt09).toBeCloseTo(100, 9);
    expect(r.ptAtRatio1000).toBeCloseTo(0.968, 3);
    expect(r.maxScaleDownAtOrBelowHalf).toBeCloseTo(4, 12);
  });

  it("the 1000× point really gives CE/FL = 1000, for any γ > 0", () => {
    for (const gamma of [0.5, 1, 2, 3.7, 5]) {
      const r = paperReadings(gamma);
      const p = r.ptAtRatio1000!;
      // CE/FL at that p_t, from the module's own definitions: (1 − p_t)^−γ.
      expect(Math.pow(r.qAtRatio1000!, -gamma)).toBeCloseTo(1000, 8);
      expect(1 - p).toBeCloseTo(r.qAtRatio1000!, 12);
    }
  });

  it("for γ = 0 focal loss is CE: ratio 1 everywhere and no 1000× point", () => {
    expect(paperReadings(0)).toMatchObject({
      ratioAtPt09: 1,
      ptAtRatio1000: null,
      qAtRatio1000: null,
      maxScaleDownAtOrBelowHalf: 1,
    });
  });

  it("reads as the paper does for γ = 2, with factors formatted for reading", () => {
    expect(readingTexts(paperReadings(2))).toEqual([
      "At $p_t = 0.9$, the loss is 100× smaller than CE.",
      "It is 1000× smaller when $p_t$ is about 0.968.",
      "Hard examples ($p_t \\le 0.5$) are scaled down at most 4×.",
    ]);
    expect(formatFactor(2 ** 0.5)).toBe("1.41");
    expect(formatFactor(10 ** 2.3)).toBe("200");
    expect(formatFactor(1e5)).toBe("1.0 × 10⁵");
  });

  it("says at γ = 0 that focal loss is cross-entropy, with no number to show", () => {
    expect(readingTexts(paperReadings(0))).toEqual([
      "With $\\gamma = 0$, focal loss is cross-entropy: no example is scaled down.",
      "So no $p_t$ gives a loss 1000× smaller than CE.",
      "Hard examples ($p_t \\le 0.5$) keep their full loss.",
    ]);
  });

  it("writes the 1000× point as 1 − q when p_t is indistinguishable from 1 at three decimals", () => {
    expect(readingTexts(paperReadings(0.5))[1]).toBe("It is 1000× smaller when $p_t$ is about 1 − 1.0 × 10⁻⁶.");
    expect(readingTexts(paperReadings(5))[1]).toBe("It is 1000× smaller when $p_t$ is about 0.749.");
  });

  it("never shows NaN, undefined, Infinity or an empty number for any γ on the slider", () => {
    for (let i = 0; i <= 50; i++) {
      for (const text of readingTexts(paperReadings(i / 10)))
        expect(text).not.toMatch(/NaN|undefined|Infinity|∞|about \./);
    }
  });

  it("has only math KaTeX typesets strictly", () => {
    for (const sentences of Object.values(READING_SENTENCES))
      for (const part of sentences.flat())
        if ("tex" in part)
          expect(() => katex.renderToString(part.tex, { throwOnError: true, strict: "error" })).not.toThrow();
  });
});
