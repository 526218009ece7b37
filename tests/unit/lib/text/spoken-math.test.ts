import { describe, expect, it } from "vitest";
import { spokenMath } from "../../../../src/lib/text/spoken-math";
import { lossSteps, stepText, TEMPLATE_STATES } from "../../../../src/lib/views/loss-steps";
import { softmaxSteps, SOFTMAX_TEMPLATE_STATES } from "../../../../src/lib/views/softmax-steps";
import { loadReference } from "../../../support/reference";

/** The article's easy foreground example (p = 0.95, y = 1, α = 0.25, γ = 2) at 60 digits, from ../shared/reference. */
const easyForeground = loadReference<{ cases: { scenario: string; y: number; ce: number; fl: number }[] }>(
  "article-examples.json",
).cases.find((c) => c.scenario === "easy" && c.y === 1)!;

describe("a formula read aloud", () => {
  it("speaks subscripts, exponents, sums and powers of ten as words", () => {
    expect(spokenMath("p_t = p = 0.95")).toBe("p sub t = p = 0.95");
    expect(spokenMath("CE_α = −α_t ln p_t")).toBe("CE sub α = −α sub t ln p sub t");
    expect(spokenMath("(1 − p_t)^γ = (1 − 0.95)^2 = 0.0025")).toBe(
      "(1 − p sub t) to the power γ = (1 − 0.95) squared = 0.0025",
    );
    // The calculator's own CE / FL step, heard as words. Expected: the reference's
    // numbers written by the site's rules, worked out here: a loss to four decimals
    // (scientific below 10⁻³) and format.ts's RATIO_RULE (three significant digits,
    // whole number with thousands separators from 100 up).
    const [flMantissa, flExponent] = easyForeground.fl.toExponential(4).split("e");
    const ratio = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(
      easyForeground.ce / easyForeground.fl,
    );
    const ceOverFl = lossSteps({ p: 0.95, y: 1, alpha: 0.25, gamma: 2 }).find((s) => s.id === "ceOverFl")!;
    expect(spokenMath(stepText(ceOverFl))).toBe(
      `CE divided by FL = ${easyForeground.ce.toFixed(4)} divided by (${flMantissa} × 10 to the power ${flExponent!.replace("-", "−")}) = ${ratio}`,
    );
    expect(spokenMath("1 − p_t = Σ_(j≠c) e^(z_j) / Σ_j e^(z_j)")).toBe(
      "1 − p sub t = the sum over j≠c of e to the power z sub j divided by the sum over j of e to the power z sub j",
    );
    expect(spokenMath("e^(2) / 11.2125")).toBe("e to the power 2 divided by 11.2125");
  });

  it("leaves no underscore, caret or superscript digit in any step the calculator lists", () => {
    const steps = [...TEMPLATE_STATES.flatMap(lossSteps), ...SOFTMAX_TEMPLATE_STATES.flatMap(softmaxSteps)];
    expect(steps.length).toBeGreaterThan(10);
    for (const step of steps) {
      const spoken = spokenMath(stepText(step));
      expect(spoken, stepText(step)).not.toMatch(/[_^⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/u);
      expect(spoken).not.toMatch(/NaN|undefined/);
    }
  });
});
