import { describe, expect, it } from "vitest";
import { DETECTOR_LAB_STATE, type DetectorLabState } from "../../../../src/lib/state/detector-lab-state";
import { DetectorSession } from "../../../../src/lib/detector-lab/detector-session";
import { runSeed, spreadSeeds, summariseSeeds } from "../../../../src/lib/detector-lab/seed-spread";
import { seedRow, spreadSummary } from "../../../../src/lib/views/detector-results-view";
import seedFile from "../../../../src/lib/detector-lab/data/seed-spread.json";
import { DEFAULT_DETECTOR_STATE, NO_PRIOR_STATE } from "../../../../src/lib/detector-lab/detector-facts";

describe("spreadSeeds", () => {
  it("is the reader's seed and the next four, wrapping inside the seed range", () => {
    expect(spreadSeeds(1)).toEqual([1, 2, 3, 4, 5]);
    expect(spreadSeeds(999_998)).toEqual([999_998, 999_999, 0, 1, 2]);
  });
});

describe("summariseSeeds", () => {
  const outcomes = [
    { seed: 1, ce: 0.8, focal: 0.5, chance: 0.01 },
    { seed: 2, ce: 0.6, focal: 0.7, chance: 0.02 },
    { seed: 3, ce: 0.4, focal: 0.405, chance: 0.03 },
  ];
  it("gives each model's mean, lowest and highest AP, and who was ahead on how many seeds", () => {
    const s = summariseSeeds(outcomes);
    expect(s.ce.mean).toBeCloseTo(0.6, 12);
    expect([s.ce.min, s.ce.max]).toEqual([0.4, 0.8]);
    expect(s.focal.mean).toBeCloseTo(1.605 / 3, 12);
    expect([s.focal.min, s.focal.max]).toEqual([0.405, 0.7]);
    expect([s.focalAhead, s.focalBehind, s.level]).toEqual([1, 1, 1]);
    expect(spreadSummary(s)).toBe(
      "Over 3 seeds, held-out AP: cross-entropy 0.600 (0.400 to 0.800), focal loss 0.535 (0.405 to 0.700), " +
        "chance 0.020 (0.010 to 0.030). Focal loss ahead on 1 of 3 seeds, behind on 1 of 3, level on 1 of 3.",
    );
    expect(outcomes.map(seedRow).map((r) => r.verdict)).toEqual(["cross-entropy", "focal loss", "level"]);
  });
  it("refuses an empty list", () => {
    expect(() => summariseSeeds([])).toThrow(RangeError);
  });
});

describe("runSeed", () => {
  it("trains that seed to the state's steps and reports that session's held-out AP", { timeout: 180_000 }, () => {
    const state = { ...DETECTOR_LAB_STATE.defaults, steps: 2 } as unknown as DetectorLabState;
    const a = runSeed(state, 3);
    const session = new DetectorSession({ ...state, seed: 3 });
    session.advance(2);
    const snap = session.snapshot(true);
    expect(a).toEqual({ seed: 3, ce: snap.ce.ap, focal: snap.focal.ap, chance: snap.chanceAp });
  });
});

describe("the committed five-seed file", () => {
  it("was made with the chapter's two settings, on the five seeds from the default seed", () => {
    expect(seedFile.prior.state).toEqual(DEFAULT_DETECTOR_STATE);
    expect(seedFile.noPrior.state).toEqual(NO_PRIOR_STATE);
    expect(seedFile.prior.outcomes.map((o) => o.seed)).toEqual(spreadSeeds(DEFAULT_DETECTOR_STATE.seed));
    expect(seedFile.noPrior.outcomes.map((o) => o.seed)).toEqual(spreadSeeds(NO_PRIOR_STATE.seed));
  });
});
