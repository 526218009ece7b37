import { describe, expect, it } from "vitest";
import { DETECTOR_LAB_STATE } from "../../../../src/lib/state/detector-lab-state";
import { DetectorSession, thinIndices } from "../../../../src/lib/detector-lab/detector-session";
import { collapsed, compareDetectorAp } from "../../../../src/lib/detector-lab/detector-facts";
import { detectorView } from "../../../../src/lib/views/detector-lab-view";
import { ANCHOR_COUNT } from "../../../../src/lib/detector-lab/anchor-grid";

describe("thinIndices", () => {
  it("keeps everything up to the limit, then an even subset with the first and the last", () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const kept = thinIndices(1000, 160);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(999);
    expect(kept.length).toBeLessThanOrEqual(160);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });
});

describe("DetectorSession", () => {
  it("trains to its step count, then stops, and its snapshot describes that run", () => {
    const state = { ...DETECTOR_LAB_STATE.defaults, steps: 100 as const };
    const session = new DetectorSession(state);
    session.advance(3);
    const snap = session.snapshot(true);
    expect(snap.step).toBe(3);
    expect(snap.finished).toBe(false);
    expect(snap.atStep).toEqual([1, 2, 3]);
    expect(snap.ce.loss.length).toBe(3);
    expect(snap.ce.lossMap.length).toBe(ANCHOR_COUNT);
    expect(snap.ce.ap).toBeGreaterThan(snap.chanceAp);
    expect(snap.positivesPerScene).toBeGreaterThan(1);
    expect(snap.negativesPerScene / snap.positivesPerScene).toBeGreaterThan(30);
    // Without metrics, AP is not measured again after new steps.
    session.advance(1);
    expect(session.snapshot(false).ce.ap).toBeNull();
  });
});

describe("detectorView", () => {
  it("pairs each kept step with its value and formats the read-outs", () => {
    const session = new DetectorSession({ ...DETECTOR_LAB_STATE.defaults, steps: 100 as const });
    session.advance(2);
    const view = detectorView(session.snapshot(true), 2, 0.25);
    expect(view.loss.map((s) => s.id)).toEqual(["ce", "yours"]);
    expect(view.loss[0]!.points.map(([step]) => step)).toEqual([1, 2]);
    expect(view.readouts[1]!.label).toBe("Focal loss (γ = 2.0, α = 0.25)");
    expect(view.readouts[0]!.ap).toMatch(/^0\.\d{3}$/);
    expect(view.readouts[0]!.easyLossShare).toMatch(/%$/);
  });
});

describe("detector facts", () => {
  it("compares APs in words, level within 0.01", () => {
    expect(compareDetectorAp(0.5, 0.505)).toBe("level with");
    expect(compareDetectorAp(0.6, 0.5)).toBe("ahead of");
    expect(compareDetectorAp(0.4, 0.5)).toBe("behind");
    expect(collapsed(0.01, 0.006)).toBe(true);
    expect(collapsed(0.3, 0.006)).toBe(false);
  });
});
