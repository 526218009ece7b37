import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_LAB_STATE, LAB_LIMITS, parseLabState, serialiseLabState } from "../../../../src/lib/state/lab-state";

describe("parseLabState", () => {
  it("reads a valid query string", () => {
    expect(parseLabState("seed=42&ratio=100&loss=balanced&gamma=0.5&alpha=0.75&prior=0&compare=0")).toEqual({
      seed: 42, ratio: 100, loss: "balanced", gamma: 0.5, alpha: 0.75, prior: false, compare: false,
    });
  });
  it("falls back field by field on hostile values", () => {
    const s = parseLabState("seed=-3&ratio=abc&loss=<script>&gamma=-1&alpha=2&prior=yes&compare=");
    expect(s).toEqual(DEFAULT_LAB_STATE);
    expect(parseLabState("gamma=1.23456&seed=3.5").gamma).toBe(1.2);
    expect(parseLabState("seed=3.5").seed).toBe(DEFAULT_LAB_STATE.seed);
  });
  it("round-trips through the URL and keeps the default state out of it", () => {
    expect(serialiseLabState(DEFAULT_LAB_STATE)).toBe("");
    const s = { ...DEFAULT_LAB_STATE, seed: 7, ratio: 50, gamma: 1 };
    expect(parseLabState(serialiseLabState(s))).toEqual(s);
  });
  it("never throws and never leaves the documented ranges, whatever the query", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("seed", "ratio", "loss", "gamma", "alpha", "prior", "compare", "x"), fc.string()), (dict) => {
        const s = parseLabState(new URLSearchParams(dict));
        return (
          Number.isInteger(s.seed) && s.seed >= LAB_LIMITS.seed.min && s.seed <= LAB_LIMITS.seed.max &&
          s.ratio >= 10 && s.ratio <= 1000 && s.gamma >= 0 && s.gamma <= 5 && s.alpha >= 0 && s.alpha <= 1 &&
          ["focal", "balanced", "ce"].includes(s.loss)
        );
      }),
    );
  });
});
