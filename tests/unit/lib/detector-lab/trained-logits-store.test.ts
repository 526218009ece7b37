import { describe, expect, it } from "vitest";
import {
  encodeTrainedRun,
  parseTrainedRun,
  runFromSnapshot,
  runSettingsText,
  TRAINED_LOGIT_COUNT,
  type TrainedRun,
} from "../../../../src/lib/detector-lab/trained-logits-store";
import { DETECTOR_LAB_STATE } from "../../../../src/lib/state/detector-lab-state";

/** A run with logits that are exactly representable and distinct, so a round trip can be checked bit for bit. */
function run(over: Partial<TrainedRun> = {}): TrainedRun {
  const ce = Float32Array.from({ length: TRAINED_LOGIT_COUNT }, (_, i) => -4.59375 + i / 1024);
  const focal = Float32Array.from({ length: TRAINED_LOGIT_COUNT }, (_, i) => 3.25 - i / 512);
  return {
    seed: 3,
    gamma: 2,
    alpha: 0.25,
    prior: true,
    steps: 200,
    planned: 200,
    savedAt: 1_800_000_000_000,
    logits: { ce, focal },
    ...over,
  };
}

/** The record's JSON with one field replaced (as a hand edit or another version would leave it). */
function edited(patch: Record<string, unknown>): string {
  return JSON.stringify({ ...(JSON.parse(encodeTrainedRun(run())) as object), ...patch });
}

describe("encodeTrainedRun / parseTrainedRun", () => {
  it("reads back what it wrote, every logit to the bit", () => {
    const original = run();
    const parsed = parseTrainedRun(encodeTrainedRun(original));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.run).toEqual(original);
    expect(parsed.run.logits.ce[0]).toBe(-4.59375);
    expect(parsed.run.logits.focal[TRAINED_LOGIT_COUNT - 1]).toBe(3.25 - (TRAINED_LOGIT_COUNT - 1) / 512);
  });

  it("says when nothing is stored", () => {
    for (const empty of [null, undefined, ""])
      expect(parseTrainedRun(empty)).toEqual({ ok: false, message: "No run is stored." });
  });

  const rejected: [string, string, RegExp][] = [
    ["not JSON", "{seed: 3", /not a record this site wrote/],
    ["an array", "[1, 2, 3]", /not a record this site wrote/],
    ["another version", edited({ v: 2 }), /another version/],
    ["a seed out of range", edited({ seed: -1 }), /seed/],
    ["a fractional seed", edited({ seed: 2.5 }), /seed/],
    ["a γ off the slider's grid", edited({ gamma: 2.05 }), /γ/],
    ["a γ above its range", edited({ gamma: 7 }), /γ/],
    ["an α that is text", edited({ alpha: "0.25" }), /α/],
    ["no prior setting", edited({ prior: "yes" }), /prior/],
    ["steps the lab does not offer", edited({ planned: 300 }), /steps/],
    ["more steps trained than planned", edited({ steps: 201 }), /steps trained/],
    ["zero steps trained", edited({ steps: 0 }), /steps trained/],
    ["a time that is not one", edited({ savedAt: "today" }), /time/],
    ["logits of the wrong length", edited({ ce: btoa("\u0000\u0000\u0080\u003f") }), /768|1536|numbers per model/],
    ["logits that are not base64", edited({ focal: "<script>" }), /numbers per model/],
    ["far too long a text", "x".repeat(70_000), /too long/],
  ];
  for (const [what, text, message] of rejected)
    it(`rejects ${what}, with a message`, () => {
      const parsed = parseTrainedRun(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });

  it("rejects logits that are not finite numbers", () => {
    const bad = run();
    bad.logits.focal[10] = Number.NaN;
    const parsed = parseTrainedRun(encodeTrainedRun(bad));
    expect(parsed).toEqual({
      ok: false,
      message: "The stored run cannot be used (some of its logits are not finite numbers)",
    });
  });

  it("accepts the build's default run, which has no time", () => {
    expect(parseTrainedRun(encodeTrainedRun(run({ savedAt: null }))).ok).toBe(true);
  });
});

describe("runFromSnapshot and runSettingsText", () => {
  it("takes the settings from the lab's state and the steps from the snapshot, copying the logits", () => {
    const state = { ...DETECTOR_LAB_STATE.defaults, seed: 3, gamma: 1.5, alpha: 0.5, prior: false };
    const logits = new Float32Array(TRAINED_LOGIT_COUNT).fill(-1);
    const r = runFromSnapshot(state, { step: 37, steps: 200, ce: { logits }, focal: { logits } }, 5);
    expect(r).toMatchObject({ seed: 3, gamma: 1.5, alpha: 0.5, prior: false, steps: 37, planned: 200, savedAt: 5 });
    logits[0] = 9;
    expect(r.logits.ce[0]).toBe(-1);
    expect(runSettingsText(r)).toBe("seed 3, γ 1.5, α 0.50, prior off, 37 of 200 steps");
    expect(runSettingsText({ ...r, steps: 200 })).toBe("seed 3, γ 1.5, α 0.50, prior off, 200 steps");
  });
});
