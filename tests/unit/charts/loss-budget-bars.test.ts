import { describe, expect, it } from "vitest";
import { budgetBarRows } from "../../../src/charts/loss-budget-bars";
import { BUDGET_PRESETS, describeBudgets, lossBudgets } from "../../../src/lib/views/loss-budget";

const prior = BUDGET_PRESETS.find((p) => p.id === "prior")!.inputs;

describe("the loss-budget bars", () => {
  it("print each share as the sentence under them does: 0.07% beside 'they carry 0.07%', not 0.1%", () => {
    const budgets = lossBudgets(prior, { alpha: 0.25, gamma: 2 });
    const focal = budgetBarRows(budgets, prior.objects).find((r) => r.kind === "focal")!;
    const easy = focal.segments.find((s) => s.part === "easyNegatives")!;
    const share = budgets.find((b) => b.kind === "focal")!.parts.easyNegatives.share;
    // Below 1%, two decimals: what the module's share rounds to.
    expect(share).toBeLessThan(0.01);
    expect(easy.shareText).toBe(`${(share * 100).toFixed(2)}%`);
    expect(describeBudgets(budgets)).toContain(`carry ${easy.shareText}`);
    expect(focal.outsideText).toContain(`easy negatives: ${easy.shareText}`);
  });
});
