import { describe, expect, it } from "vitest";
import { spokenMath } from "../../../../src/lib/text/spoken-math";
import { lossSteps, stepText, TEMPLATE_STATES } from "../../../../src/lib/views/loss-steps";
import { softmaxSteps, SOFTMAX_TEMPLATE_STATES } from "../../../../src/lib/views/softmax-steps";

describe("a formula read aloud", () => {
  it("speaks subscripts, exponents, sums and powers of ten as words", () => {
    expect(spokenMath("p_t = p = 0.95")).toBe("p sub t = p = 0.95");
    expect(spokenMath("CE_α = −α_t ln p_t")).toBe("CE sub α = −α sub t ln p sub t");
    expect(spokenMath("(1 − p_t)^γ = (1 − 0.95)^2 = 0.0025")).toBe(
      "(1 − p sub t) to the power γ = (1 − 0.95) squared = 0.0025",
    );
    expect(spokenMath("CE / FL = 0.0513 / (3.2058 × 10⁻⁵) = 1600.0")).toBe(
      "CE divided by FL = 0.0513 divided by (3.2058 × 10 to the power −5) = 1600.0",
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
