import { describe, expect, it } from "vitest";
import { DEFAULT_LAB_STATE, LAB_STATE } from "../../../../src/lib/state/lab-state";

describe("the lab's state in the URL", () => {
  it("reads a valid query string, every parameter prefixed with lab.", () => {
    expect(
      LAB_STATE.parse(
        "lab.seed=42&lab.ratio=100&lab.loss=balanced&lab.gamma=0.5&lab.alpha=0.75&lab.prior=0&lab.compare=0",
      ),
    ).toEqual({
      seed: 42,
      ratio: 100,
      loss: "balanced",
      gamma: 0.5,
      alpha: 0.75,
      prior: false,
      compare: false,
    });
  });
  it("never reads the figures' unprefixed parameters, so a page with both cannot mix them up", () => {
    expect(LAB_STATE.parse("seed=42&gamma=0.5&alpha=0.75&loss=ce")).toEqual(DEFAULT_LAB_STATE);
  });
  it("falls back field by field on hostile values", () => {
    const s = LAB_STATE.parse(
      "lab.seed=-3&lab.ratio=abc&lab.loss=<script>&lab.gamma=-1&lab.alpha=2&lab.prior=yes&lab.compare=",
    );
    expect(s).toEqual(DEFAULT_LAB_STATE);
    expect(LAB_STATE.parse("lab.gamma=1.23456&lab.seed=3.5")).toEqual({ ...DEFAULT_LAB_STATE, gamma: 1.2 });
    expect(LAB_STATE.parse("lab.seed=1e999&lab.ratio=55.5&lab.alpha=0.33")).toEqual({
      ...DEFAULT_LAB_STATE,
      ratio: 56,
      alpha: 0.35,
    });
  });
  it("round-trips through the URL and keeps the default state out of it", () => {
    expect(LAB_STATE.serialise(DEFAULT_LAB_STATE)).toBe("");
    const s = { ...DEFAULT_LAB_STATE, seed: 7, ratio: 50, gamma: 1 };
    expect(LAB_STATE.serialise(s)).toBe("lab.seed=7&lab.ratio=50&lab.gamma=1");
    expect(LAB_STATE.parse(LAB_STATE.serialise(s))).toEqual(s);
  });
  it("coerces what a slider reports: the ratio's log position to a whole ratio, γ to its tenth", () => {
    expect(LAB_STATE.coerce({ ratio: 10 ** 2.05, gamma: 1.04 }, DEFAULT_LAB_STATE)).toEqual({
      ...DEFAULT_LAB_STATE,
      ratio: 112,
      gamma: 1,
    });
  });
});
