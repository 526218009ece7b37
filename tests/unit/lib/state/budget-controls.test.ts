import { describe, expect, it } from "vitest";
import { BUDGET_CONTROLS, BUDGET_STATE, budgetInputs } from "../../../../src/lib/state/budget-controls";
import { BUDGET_PRESETS } from "../../../../src/lib/views/loss-budget";

const preset = (id: string) => BUDGET_PRESETS.find((p) => p.id === id)!.inputs;

describe("the loss budget's state in the URL", () => {
  it("defaults to the prior-initialisation preset with α = 0.25, γ = 2, and writes nothing for it", () => {
    expect(budgetInputs(BUDGET_STATE.defaults)).toEqual(preset("prior"));
    expect(BUDGET_STATE.defaults).toMatchObject({ alpha: 0.25, gamma: 2 });
    expect(BUDGET_STATE.serialise(BUDGET_STATE.defaults)).toBe("");
  });

  it("is read relative to the preset a figure was built with", () => {
    const half = BUDGET_STATE.withDefaults(preset("half"));
    expect(half.serialise(half.defaults)).toBe("");
    const state = half.parse("budget.ptEasy=0.99&budget.gamma=5");
    expect(state).toEqual({ ...half.defaults, ptEasy: 0.99, gamma: 5 });
    expect(half.serialise(state)).toBe("budget.ptEasy=0.99&budget.gamma=5");
  });

  it("keeps at least ten locations per object, whatever the link says", () => {
    expect(BUDGET_STATE.parse("budget.locations=1000&budget.objects=1000")).toMatchObject({
      locations: 1000,
      objects: 100,
    });
  });

  it("falls back field by field on values outside the sliders' ranges", () => {
    expect(BUDGET_STATE.parse("budget.ptEasy=0.5&budget.ptHard=1&budget.hardShare=0.9&budget.alpha=0.33")).toEqual({
      ...BUDGET_STATE.defaults,
      alpha: 0.35,
    });
  });

  it("gives every slider the range of its state field (in slider units)", () => {
    for (const control of BUDGET_CONTROLS) {
      const field = BUDGET_STATE.fields[control.name];
      if (field.shape.kind !== "number") throw new Error(control.name);
      expect(control.fromSlider(control.min), control.name).toBeCloseTo(field.shape.range.min, 10);
      expect(control.fromSlider(control.max), control.name).toBeCloseTo(field.shape.range.max, 10);
    }
  });
});
