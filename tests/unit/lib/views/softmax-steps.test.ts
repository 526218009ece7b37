import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SOFTMAX_STEP_VARIANTS,
  SOFTMAX_TEMPLATE_STATES,
  softmaxClassRows,
  softmaxSteps,
  type SoftmaxStepState,
} from "../../../../src/lib/views/softmax-steps";
import { stepText, type LossStep, type StepId } from "../../../../src/lib/views/loss-steps";
import { relativeError } from "../../../support/reference";
import { loadLocalReference } from "../../../support/local-reference";
import { CLASS_COUNT, GAMMA_CALCULATOR, LOGIT } from "../../../../src/lib/state/ranges";

interface SoftmaxCase {
  logits: number[];
  target: number;
  gamma: number;
  alpha: number | number[] | null;
  pt: number;
  one_minus_pt: number;
  ce: number;
  fl: number;
  grad: number[];
}
// The calculator takes a scalar α (or none), γ up to 10 and logits within ±100: the reference cases it can show.
const cases = loadLocalReference<{ softmax: SoftmaxCase[] }>("multiclass-focal.json").softmax.filter(
  (c): c is SoftmaxCase & { alpha: number | null } =>
    !Array.isArray(c.alpha) && c.logits.every((z) => Math.abs(z) <= LOGIT.max) && c.gamma <= GAMMA_CALCULATOR.max,
);
const step = (steps: LossStep[], id: StepId) => steps.find((s) => s.id === id)!;

describe("the multi-class calculator's steps against the 60-digit reference", () => {
  it("has cases to check, with K from 2 to 10", () => {
    expect(cases.length).toBeGreaterThan(50);
    expect(new Set(cases.map((c) => c.logits.length))).toEqual(new Set([2, 3, 5, 10]));
  });

  it("gives p_t, 1 − p_t, CE and FL within 1e-12, and every gradient within 1e-10", () => {
    for (const c of cases) {
      const steps = softmaxSteps(c);
      expect(relativeError(step(steps, "pt").value, c.pt)).toBeLessThan(1e-12);
      expect(relativeError(step(steps, "oneMinusPt").value, c.one_minus_pt)).toBeLessThan(1e-12);
      expect(relativeError(step(steps, "ce").value, c.ce)).toBeLessThan(1e-12);
      expect(relativeError(step(steps, "fl").value, c.fl)).toBeLessThan(1e-12);
      const rows = softmaxClassRows(c);
      rows.forEach((row, j) => {
        const err = Math.abs(row.gradient - c.grad[j]!) / Math.max(Math.abs(c.grad[j]!), 1e-300);
        expect(err === 0 || err < 1e-10 || Math.abs(row.gradient - c.grad[j]!) < 1e-300).toBe(true);
      });
      expect(rows.filter((r) => r.isTrue).map((r) => r.index)).toEqual([c.target]);
    }
  });
});

describe("the substituted formulas", () => {
  const EXAMPLE: SoftmaxStepState = { logits: [2, 1, 0.1], target: 0, alpha: 0.25, gamma: 2 };

  it("work the calculator's first multi-class example", () => {
    const steps = softmaxSteps(EXAMPLE);
    const e = [2, 1, 0.1].map(Math.exp);
    const total = e[0]! + e[1]! + e[2]!;
    expect(stepText(step(steps, "pt"))).toBe(
      `p_t = e^(z_c) / Σ_j e^(z_j) = e^(2) / ${total.toFixed(4)} = ${(e[0]! / total).toPrecision(5)}`,
    );
    expect(stepText(step(steps, "oneMinusPt"))).toBe(
      `1 − p_t = Σ_(j≠c) e^(z_j) / Σ_j e^(z_j) = ${(e[1]! + e[2]!).toFixed(4)} / ${total.toFixed(4)} = ${((e[1]! + e[2]!) / total).toFixed(4)}`,
    );
    expect(stepText(step(steps, "alphaT"))).toBe("α_t = α = 0.25");
    expect(stepText(step(steps, "fl"))).toMatch(
      /^FL = α_t \(1 − p_t\)\^γ CE = 0\.25 × 0\.\d{4} × 0\.\d{4} = 0\.\d{4}$/,
    );
  });

  it("weighs nothing with α off, and says so", () => {
    const alpha = step(softmaxSteps({ ...EXAMPLE, alpha: null }), "alphaT");
    expect(stepText(alpha)).toBe("α_t = 1");
    expect(alpha.note).toMatch(/α is off/);
  });

  it("writes 1 − p_t exactly when p_t rounds to 1", () => {
    const steps = softmaxSteps({ logits: [60, 0, -5], target: 0, alpha: null, gamma: 2 });
    expect(step(steps, "pt").value).toBe(1);
    expect(relativeError(step(steps, "oneMinusPt").value, Math.exp(-60) + Math.exp(-65))).toBeLessThan(1e-12);
    expect(stepText(step(steps, "oneMinusPt"))).toMatch(/= 8\.8155 × 10⁻²⁷$/);
  });

  it("produce only variants that have a template, and the template states produce them all", () => {
    const seen = new Set(SOFTMAX_TEMPLATE_STATES.flatMap((s) => softmaxSteps(s).map((st) => `${st.id}:${st.variant}`)));
    expect([...seen].sort()).toEqual([...SOFTMAX_STEP_VARIANTS].sort());
    const state = fc.record({
      logits: fc.array(fc.double({ min: LOGIT.min, max: LOGIT.max, noNaN: true }), {
        minLength: CLASS_COUNT.min,
        maxLength: CLASS_COUNT.max,
      }),
      alpha: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      gamma: fc.double({ min: 0, max: GAMMA_CALCULATOR.max, noNaN: true }),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(state, ({ pick, ...s }) => {
        const steps = softmaxSteps({ ...s, target: pick % s.logits.length });
        return steps.every(
          (st) => SOFTMAX_STEP_VARIANTS.includes(`${st.id}:${st.variant}`) && !/NaN|undefined/.test(stepText(st)),
        );
      }),
    );
  });
});
