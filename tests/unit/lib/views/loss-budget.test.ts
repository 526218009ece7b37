import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BUDGET_PARTS,
  BUDGET_PRESETS,
  budgetOfPredictions,
  budgetScenario,
  describeBudgets,
  formatCount,
  firstStepLoss,
  largestPart,
  lossBudget,
  lossBudgets,
  sanitiseBudgetInputs,
  type BudgetInputs,
} from "../../../../src/lib/views/loss-budget";
import { priorBias } from "../../../../src/lib/math/loss";
import { loadReference, relativeError } from "../../../support/reference";

const prior = BUDGET_PRESETS.find((p) => p.id === "prior")!.inputs;
const rl2 = { alpha: 0.25, gamma: 2 };

describe("lossBudgets", () => {
  it("splits CE by −ln p_t per example, computed here from the definition", () => {
    const inputs: BudgetInputs = {
      locations: 10_000,
      objects: 10,
      hardShare: 0.1,
      ptEasy: 0.99,
      ptHard: 0.6,
      ptPositive: 0.3,
    };
    const [ce] = lossBudgets(inputs, rl2);
    const negatives = 10_000 - 10;
    const hard = Math.round(negatives * 0.1);
    const expected = {
      easyNegatives: (negatives - hard) * -Math.log(0.99),
      hardNegatives: hard * -Math.log(0.6),
      positives: 10 * -Math.log(0.3),
    };
    const total = expected.easyNegatives + expected.hardNegatives + expected.positives;
    for (const part of BUDGET_PARTS) {
      expect(relativeError(ce!.parts[part].total, expected[part])).toBeLessThan(1e-12);
      expect(relativeError(ce!.parts[part].share, expected[part] / total)).toBeLessThan(1e-12);
    }
  });

  it("weights balanced CE by α_t and focal loss by α_t (1 − p_t)^γ as well", () => {
    const inputs: BudgetInputs = {
      locations: 1000,
      objects: 5,
      hardShare: 0.2,
      ptEasy: 0.95,
      ptHard: 0.7,
      ptPositive: 0.4,
    };
    const [, balanced, focal] = lossBudgets(inputs, { alpha: 0.4, gamma: 3 });
    expect(relativeError(balanced!.parts.positives.perExample, 0.25 * -Math.log(0.4))).toBeLessThan(1e-12);
    expect(relativeError(balanced!.parts.easyNegatives.perExample, 0.75 * -Math.log(0.95))).toBeLessThan(1e-12);
    expect(relativeError(focal!.parts.hardNegatives.perExample, 0.6 * 0.3 ** 3 * -Math.log(0.7))).toBeLessThan(1e-12);
    expect(relativeError(focal!.parts.positives.perExample, 0.4 * 0.6 ** 3 * -Math.log(0.4))).toBeLessThan(1e-12);
  });

  it("at the prior initialisation: easy negatives carry most of CE and almost none of FL (γ = 2, α = 0.25)", () => {
    const [ce, balanced, fl] = lossBudgets(prior, rl2);
    const negatives = prior.locations - prior.objects;
    const negCe = negatives * -Math.log1p(-0.01);
    const posCe = prior.objects * -Math.log(0.01);
    // hard negatives score like the easy ones at initialisation, so the two negative parts share CE in proportion to their counts
    const easyShare = (negCe / (negCe + posCe)) * (1 - Math.round(negatives * prior.hardShare) / negatives);
    expect(relativeError(ce!.parts.easyNegatives.share, easyShare)).toBeLessThan(1e-12);
    expect(ce!.parts.easyNegatives.share).toBeGreaterThan(0.5);
    expect(largestPart(ce!)).toBe("easyNegatives");
    expect(fl!.parts.easyNegatives.share).toBeLessThan(0.01);
    expect(largestPart(fl!)).toBe("positives");
    // α = 0.25 weights negatives by 0.75 and positives by 0.25: it raises the negatives' share rather than lowering it
    const easyCe = ce!.parts.easyNegatives.total;
    const hardCe = ce!.parts.hardNegatives.total;
    const posCeTotal = ce!.parts.positives.total;
    const balancedShare = (0.75 * easyCe) / (0.75 * (easyCe + hardCe) + 0.25 * posCeTotal);
    expect(relativeError(balanced!.parts.easyNegatives.share, balancedShare)).toBeLessThan(1e-12);
    expect(balanced!.parts.easyNegatives.share).toBeGreaterThan(ce!.parts.easyNegatives.share);
  });

  it("shares add up to 1 and are never NaN for any inputs, hostile ones included", () => {
    const anyValue = fc.oneof(fc.double(), fc.integer(), fc.constant(undefined), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.record({
          locations: anyValue,
          objects: anyValue,
          hardShare: anyValue,
          ptEasy: anyValue,
          ptHard: anyValue,
          ptPositive: anyValue,
        }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raw, gamma, alpha) => {
          const inputs = sanitiseBudgetInputs(raw as Partial<Record<keyof BudgetInputs, unknown>>);
          for (const b of lossBudgets(inputs, { alpha, gamma })) {
            const sum = BUDGET_PARTS.reduce((s, p) => s + b.parts[p].share, 0);
            if (!BUDGET_PARTS.every((p) => Number.isFinite(b.parts[p].share))) return false;
            if (b.total > 0 && Math.abs(sum - 1) > 1e-12) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe("sanitiseBudgetInputs", () => {
  it("clamps to the documented ranges and replaces non-numbers by the defaults", () => {
    const s = sanitiseBudgetInputs({
      locations: 1e9,
      objects: -4,
      hardShare: 3,
      ptEasy: "0.9",
      ptHard: Number.NaN,
      ptPositive: 2,
    });
    expect(s.locations).toBe(1e6);
    expect(s.objects).toBe(1);
    expect(s.hardShare).toBe(0.5);
    expect(s.ptEasy).toBe(prior.ptEasy);
    expect(s.ptHard).toBe(prior.ptHard);
    expect(s.ptPositive).toBe(0.9999);
  });
  it("keeps at least nine negatives per object", () => {
    const s = sanitiseBudgetInputs({ locations: 1000, objects: 1000 });
    expect(s.objects).toBe(100);
    const scenario = budgetScenario(s);
    expect(scenario.easyNegatives.count + scenario.hardNegatives.count + scenario.positives.count).toBe(1000);
  });
});

describe("firstStepLoss", () => {
  it("without the prior (b = 0) every location scores ½: CE = N·ln 2 / P", () => {
    const r = firstStepLoss(100_000, 100, 0, { alpha: null, gamma: 0 });
    expect(r.score).toBe(0.5);
    expect(relativeError(r.loss, (100_000 * Math.LN2) / 100)).toBeLessThan(1e-12);
    // d/db: each negative pulls by σ(b) = ½, each positive by σ(b) − 1 = −½
    expect(relativeError(r.biasGradient, (99_900 * 0.5 - 100 * 0.5) / 100)).toBeLessThan(1e-12);
  });
  it("with the prior π = 0.01 the first CE loss is many times smaller, and so is the push on the bias", () => {
    const b = priorBias(0.01);
    const withPrior = firstStepLoss(100_000, 100, b, { alpha: null, gamma: 0 });
    const without = firstStepLoss(100_000, 100, 0, { alpha: null, gamma: 0 });
    expect(withPrior.score).toBeCloseTo(0.01, 14);
    const expected = (99_900 * -Math.log(0.99) + 100 * -Math.log(0.01)) / 100;
    expect(relativeError(withPrior.loss, expected)).toBeLessThan(1e-12);
    expect(without.loss / withPrior.loss).toBeGreaterThan(10);
    expect(Math.abs(without.biasGradient) / Math.abs(withPrior.biasGradient)).toBeGreaterThan(10);
  });
});

describe("budgetOfPredictions", () => {
  it("splits negatives at p_t = 0.9 by the model's own scores", () => {
    // logits: a negative at −5 (p_t = σ(5) ≈ 0.993: easy), a negative at 0 (p_t = ½: hard), a positive at 1
    const b = budgetOfPredictions([-5, 0, 1], [0, 0, 1], "ce", { alpha: null, gamma: 0 });
    expect(b.parts.easyNegatives.count).toBe(1);
    expect(b.parts.hardNegatives.count).toBe(1);
    expect(relativeError(b.parts.easyNegatives.total, Math.log1p(Math.exp(-5)))).toBeLessThan(1e-12);
    expect(relativeError(b.parts.hardNegatives.total, Math.LN2)).toBeLessThan(1e-12);
    expect(relativeError(b.parts.positives.total, Math.log1p(Math.exp(-1)))).toBeLessThan(1e-12);
  });
});

describe("describeBudgets and formatCount", () => {
  it("reads the prior preset: CE's easy-negative share and FL's largest part, as the numbers say", () => {
    const budgets = lossBudgets(prior, rl2);
    const text = describeBudgets(budgets);
    const ceShare = (budgets[0]!.parts.easyNegatives.share * 100).toFixed(1);
    expect(text).toContain(`easy negatives carry ${ceShare}% of the loss`);
    expect(text).toContain("γ = 2, α = 0.25");
    expect(text).toContain("while positives carry");
    expect(text).not.toMatch(/NaN|undefined/);
  });
  it("never prints a tiny share as 0%", () => {
    const text = describeBudgets(lossBudgets({ ...prior, ptEasy: 0.9999 }, { alpha: 0.25, gamma: 5 }));
    expect(text).toMatch(/they carry less than 0\.05%/);
  });
  it("writes counts with thousands separators", () => {
    expect(formatCount(100000)).toBe("100,000");
    expect(formatCount(999.6)).toBe("1,000");
    expect(formatCount(Number.NaN)).toBe("—");
  });
});

// ---- groups of identical examples (the chapters' static tables)

interface GridCase {
  p: number;
  y: 0 | 1;
  alpha: number | null;
  gamma: number;
  ce: number;
  fl: number;
}
const grid = loadReference<{ cases: GridCase[] }>("probability-grid.json").cases;
const ref = (p: number, y: 0 | 1, alpha: number | null, gamma: number) =>
  grid.find((c) => c.p === p && c.y === y && c.alpha === alpha && c.gamma === gamma)!;

describe("lossBudget", () => {
  const groups = [
    { count: 99900, p: 0.01, y: 0 as const },
    { count: 100, p: 0.5, y: 1 as const },
  ];

  it("cross-entropy: per-example losses are the reference, totals multiply, shares sum to 1", () => {
    const [bg, fg] = lossBudget(groups, { alpha: null, gamma: 0 });
    expect(relativeError(bg!.each, ref(0.01, 0, null, 0).ce)).toBeLessThan(1e-12);
    expect(relativeError(fg!.each, ref(0.5, 1, null, 0).ce)).toBeLessThan(1e-12);
    expect(relativeError(bg!.total, 99900 * ref(0.01, 0, null, 0).ce)).toBeLessThan(1e-12);
    expect(bg!.share + fg!.share).toBeCloseTo(1, 12);
    // the point of chapter 1: easy background dominates the summed cross-entropy
    expect(bg!.share).toBeGreaterThan(0.9);
  });

  it("focal loss hands the majority of the loss to the objects", () => {
    const [bg, fg] = lossBudget(groups, { alpha: 0.25, gamma: 2 });
    expect(relativeError(bg!.each, ref(0.01, 0, 0.25, 2).fl)).toBeLessThan(1e-12);
    expect(fg!.share).toBeGreaterThan(0.5);
  });

  it("an empty group costs nothing even if each example would cost ∞", () => {
    const rows = lossBudget(
      [
        { count: 0, p: 0, y: 1 },
        { count: 3, p: 0.5, y: 1 },
      ],
      { alpha: null, gamma: 0 },
    );
    expect(rows[0]!.total).toBe(0);
    expect(rows[1]!.share).toBe(1);
  });

  it("rejects a fractional or negative count", () => {
    expect(() => lossBudget([{ count: 1.5, p: 0.5, y: 1 }], { alpha: null, gamma: 0 })).toThrow(
      /count must be a non-negative integer; got 1.5/,
    );
    expect(() => lossBudget([{ count: -1, p: 0.5, y: 1 }], { alpha: null, gamma: 0 })).toThrow(RangeError);
  });
});
