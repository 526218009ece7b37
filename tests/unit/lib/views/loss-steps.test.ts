import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import {
  isScientific,
  lossSteps,
  noteTokens,
  shortestFormat,
  STEP_VARIANTS,
  stepSlots,
  stepTemplateTex,
  stepTex,
  stepText,
  TEMPLATE_STATES,
  type LossStep,
  type StepId,
  type StepState,
} from "../../../../src/lib/views/loss-steps";
import { formatNumber } from "../../../../src/lib/text/format";
import { loadReference, relativeError } from "../../../support/reference";

interface ArticleCase {
  p: number;
  y: 0 | 1;
  alpha: number;
  gamma: number;
  ce: number;
  balanced_ce: number;
  fl: number;
  ce_over_fl: number;
}
const article = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;

const step = (steps: LossStep[], id: StepId) => steps.find((s) => s.id === id)!;
const ARTICLE: StepState = { p: 0.95, y: 1, alpha: 0.25, gamma: 2 };

const state = fc.record({
  p: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1e-7, 0.5, 0.95)),
  y: fc.constantFrom(0 as const, 1 as const),
  alpha: fc.option(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.25)), { nil: null }),
  gamma: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0, 2, 0.5, 10)),
});

describe("the substituted formulas", () => {
  it("work the article's example: FL = −0.25 × (1 − 0.95)² × ln 0.95 = 3.2058 × 10⁻⁵", () => {
    const fl = step(lossSteps(ARTICLE), "fl");
    expect(stepText(fl)).toBe("FL = −α_t (1 − p_t)^γ ln p_t = −0.25 × (1 − 0.95)^2 × ln 0.95 = 3.2058 × 10⁻⁵");
    expect(stepTex(fl)).toBe(
      "\\mathrm{FL} = -\\alpha_t {(1 - p_t)^{\\gamma}} \\ln p_t = -0.25 \\times {(1 - 0.95)^{2}} \\times \\ln 0.95 = 3.2058 \\times 10^{-5}",
    );
  });

  it("write CE, balanced CE and the ratio for the same example", () => {
    const steps = lossSteps(ARTICLE);
    expect(stepText(step(steps, "pt"))).toBe("p_t = p = 0.95");
    expect(stepText(step(steps, "alphaT"))).toBe("α_t = α = 0.25");
    expect(stepText(step(steps, "modulating"))).toBe("(1 − p_t)^γ = (1 − 0.95)^2 = 0.0025");
    expect(stepText(step(steps, "ce"))).toBe("CE = −ln p_t = −ln 0.95 = 0.0513");
    expect(stepText(step(steps, "balancedCe"))).toBe("CE_α = −α_t ln p_t = −0.25 × ln 0.95 = 0.0128");
    expect(stepText(step(steps, "ceOverFl"))).toBe("CE / FL = 0.0513 / (3.2058 × 10⁻⁵) = 1,600");
    // Typeset, 1,600 is one text run (one atom the page can refill), not 1, a comma and 600.
    expect(stepTex(step(steps, "ceOverFl"))).toMatch(/ = \\text\{1,600\}$/);
  });

  it("substitute p_t = 1 − p and α_t = 1 − α for a background example", () => {
    const steps = lossSteps({ p: 0.05, y: 0, alpha: 0.25, gamma: 2 });
    expect(stepText(step(steps, "pt"))).toBe("p_t = 1 − p = 1 − 0.05 = 0.95");
    expect(stepText(step(steps, "alphaT"))).toBe("α_t = 1 − α = 1 − 0.25 = 0.75");
    expect(stepText(step(steps, "fl"))).toBe(
      "FL = −α_t (1 − p_t)^γ ln p_t = −0.75 × (1 − 0.95)^2 × ln 0.95 = 9.6175 × 10⁻⁵",
    );
  });

  it("forgive the last bits of 1 − p: p = 0.3 in the background has p_t written 0.7", () => {
    expect(stepText(step(lossSteps({ p: 0.3, y: 0, alpha: 0.25, gamma: 2 }), "pt"))).toBe(
      "p_t = 1 − p = 1 − 0.3 = 0.7",
    );
  });

  it("put a tiny p in scientific notation, in parentheses where it is an operand", () => {
    const steps = lossSteps({ p: 1e-7, y: 0, alpha: null, gamma: 2 });
    expect(stepText(step(steps, "pt"))).toBe("p_t = 1 − p = 1 − (1 × 10⁻⁷) = 0.9999999");
    expect(stepText(step(steps, "alphaT"))).toBe("α_t = 1");
    expect(step(steps, "alphaT").note).toMatch(/α is off/);
  });

  it("hold each step's value to the 60-digit truth for the article's six examples", () => {
    for (const c of article) {
      const steps = lossSteps({ p: c.p, y: c.y, alpha: c.alpha, gamma: c.gamma });
      expect(relativeError(step(steps, "ce").value, c.ce)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(step(steps, "balancedCe").value, c.balanced_ce)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(step(steps, "fl").value, c.fl)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(step(steps, "ceOverFl").value, c.ce_over_fl)).toBeLessThanOrEqual(1e-12);
      // the printed result is the value as the site formats it
      expect(stepText(step(steps, "fl")).endsWith(`= ${formatNumber(c.fl)}`)).toBe(true);
    }
  });
});

describe("edge cases read as ∞ or as a ratio without a value, with a reason, never NaN", () => {
  it("p = 0 for a foreground example: CE and FL are ∞, explained", () => {
    const steps = lossSteps({ p: 0, y: 1, alpha: 0.25, gamma: 2 });
    expect(stepText(step(steps, "ce"))).toBe("CE = −ln p_t = −ln 0 = ∞");
    expect(stepText(step(steps, "fl"))).toMatch(/= ∞$/);
    expect(step(steps, "ce").note).toMatch(/ln 0 is −∞/);
    expect(step(steps, "fl").note).toMatch(/nothing damps/);
    const ratio = step(steps, "ceOverFl");
    expect(ratio.variant).toBe("no-value");
    expect(stepText(ratio)).toBe("CE / FL = ∞ / ∞");
    expect(ratio.note).toMatch(/tends to 1 \/ α_t = 4\.$/);
  });

  it("p = 1 for a background example is the same: p_t = 0", () => {
    const steps = lossSteps({ p: 1, y: 0, alpha: 0.25, gamma: 2 });
    expect(stepText(step(steps, "pt"))).toBe("p_t = 1 − p = 1 − 1 = 0");
    expect(stepText(step(steps, "balancedCe"))).toMatch(/= ∞$/);
  });

  it("p_t = 1: both losses 0, the ratio has no value", () => {
    const ratio = step(lossSteps({ p: 1, y: 1, alpha: 0.25, gamma: 2 }), "ceOverFl");
    expect(stepText(ratio)).toBe("CE / FL = 0.0000 / 0.0000");
    expect(ratio.note).toMatch(/p_t = 1/);
  });

  it("α_t = 0: FL is 0, so CE / FL is unbounded, and 0⁰ = 1 is explained", () => {
    const steps = lossSteps({ p: 0.5, y: 1, alpha: 0, gamma: 2 });
    expect(stepText(step(steps, "ceOverFl"))).toMatch(/= ∞$/);
    expect(step(steps, "ceOverFl").note).toMatch(/unbounded/);
    expect(step(lossSteps({ p: 1, y: 1, alpha: 0.25, gamma: 0 }), "modulating").note).toMatch(/0⁰ is taken as 1/);
  });

  it("never print NaN, undefined or Infinity, for any valid state", () => {
    fc.assert(
      fc.property(state, (s) => {
        for (const st of lossSteps(s)) {
          const all = `${stepText(st)} ${stepTex(st)} ${st.note ?? ""}`;
          if (/NaN|undefined|Infinity/.test(all)) return false;
          if (!Number.isNaN(st.value) && st.variant === "no-value") return false;
        }
        return true;
      }),
    );
  });
});

describe("templates", () => {
  it("the template states produce every variant, and random states produce no other", () => {
    const seen = new Set(TEMPLATE_STATES.flatMap((s) => lossSteps(s).map((st) => `${st.id}:${st.variant}`)));
    expect([...seen].sort()).toEqual([...STEP_VARIANTS].sort());
    fc.assert(fc.property(state, (s) => lossSteps(s).every((st) => STEP_VARIANTS.includes(`${st.id}:${st.variant}`))));
  });

  it("a variant has the same slots, in the same order, whatever the numbers", () => {
    const shape = (st: LossStep) =>
      stepSlots(st)
        .map((sl) => `${sl.name}/${sl.kind}/${sl.script ?? false}/${sl.group ?? false}`)
        .join(" ");
    const reference = new Map(
      TEMPLATE_STATES.flatMap((s) => lossSteps(s).map((st) => [`${st.id}:${st.variant}`, shape(st)] as const)),
    );
    fc.assert(
      fc.property(state, (s) => lossSteps(s).every((st) => shape(st) === reference.get(`${st.id}:${st.variant}`))),
    );
  });

  it("KaTeX typesets every step, and the slot-marked template reads the same as the plain formula", () => {
    const render = (tex: string) =>
      katex.renderToString(tex, {
        output: "html",
        trust: true,
        strict: (code: string) => (code === "htmlExtension" ? "ignore" : "error"),
        throwOnError: true,
      });
    const text = (html: string) => html.replace(/<[^>]+>/g, "");
    fc.assert(
      fc.property(state, (s) => {
        for (const st of lossSteps(s)) {
          const plain = render(stepTex(st));
          const template = render(stepTemplateTex(st));
          if (text(plain) !== text(template)) return false;
          if ((template.match(/data-slot=/g) ?? []).length !== stepSlots(st).length) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it("superscript slots never go scientific; operand slots in scientific notation get parentheses", () => {
    expect(shortestFormat(1e-9, true)).toEqual({ notation: "fixed", digits: 9 });
    const steps = lossSteps({ p: 0.95, y: 1, alpha: 0.25, gamma: 1e-9 });
    expect(stepText(step(steps, "modulating"))).toContain("^0.000000001");
    const grouped = stepSlots(step(lossSteps({ p: 0.95, y: 1, alpha: 0.25, gamma: 2 }), "ceOverFl")).find(
      (s) => s.name === "fl",
    )!;
    expect(isScientific(grouped)).toBe(true);
  });
});

describe("noteTokens", () => {
  it("splits p_t, α_t and ^γ out of a note, keeping the rest as text", () => {
    expect(noteTokens("p_t = 0: (1 − 0)^γ = 1 and 1 / α_t = 4")).toEqual([
      { variable: "p", sub: "t" },
      { text: " = 0: (1 − 0)" },
      { sup: "γ" },
      { text: " = 1 and 1 / " },
      { variable: "α", sub: "t" },
      { text: " = 4" },
    ]);
    expect(noteTokens("no variables")).toEqual([{ text: "no variables" }]);
  });
});
