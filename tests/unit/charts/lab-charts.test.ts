import { describe, expect, it } from "vitest";
import { trainingCurveSvg } from "../../../src/charts/training-curve";
import { prCurveSvg } from "../../../src/charts/pr-curve";
import { lossCdfSvg } from "../../../src/charts/loss-cdf";
import { boundaryMarkup, boundarySegments, scatterMarkup } from "../../../src/charts/decision-boundary";
import { labView } from "../../../src/charts/lab-view";
import { LabRun } from "../../../src/lib/lab/lab-run";
import { DEFAULT_LAB_STATE } from "../../../src/lib/state/lab-state";
import { makeDataSet } from "../../../src/lib/lab/synthetic-data";

describe("lab charts", () => {
  it("draw a training curve with a path per series, and never write NaN, even for infinite or empty losses", () => {
    const svg = trainingCurveSvg([
      { id: "yours", label: "FL", points: [[0, 1.2], [1, 0.8], [2, 0.5]] },
      { id: "ce", label: "CE <b>", points: [[0, 14], [1, Infinity], [2, 9]] },
    ]);
    expect(svg.match(/<path class="series/g)).toHaveLength(2);
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(svg).toContain("CE &lt;b&gt;");
    expect(trainingCurveSvg([])).not.toMatch(/NaN|undefined|Infinity/);
  }, 60_000);

  it("draw a PR curve from recall 0 and the chance line at the positive rate", () => {
    const svg = prCurveSvg([{ id: "yours", label: "FL", points: [{ recall: 0.5, precision: 1 }, { recall: 1, precision: 0.5 }] }], 0.25);
    expect(svg).toMatch(/<line class="chance"/);
    expect(svg).not.toMatch(/NaN/);
  }, 60_000);

  it("draw one CDF curve per γ and skip empty ones", () => {
    const svg = lossCdfSvg([{ gamma: 0, points: [{ fraction: 0, cumulative: 0 }, { fraction: 1, cumulative: 1 }] }, { gamma: 2, points: [] }], "negatives");
    expect(svg.match(/data-gamma=/g)).toHaveLength(1);
  }, 60_000);

  it("trace a model's boundary where its logit is 0 and thin the scatter to the cap", () => {
    // A model with logit = x1 − 1: the boundary is the vertical line x1 = 1.
    const segments = boundarySegments({ weights: [1, 0, 0, 0, 0], bias: -1 });
    expect(segments.length).toBeGreaterThan(10);
    for (const s of segments) for (const [x1] of s) expect(x1).toBeCloseTo(1, 10);
    expect(boundaryMarkup([{ id: "yours", label: "m", model: { weights: [0, 0, 0, 0, 0], bias: -4 } }])).toContain('d=""');
    const data = makeDataSet(3, 10, 5000);
    const dots = scatterMarkup(data, 500);
    const negatives = (dots.match(/dots-negative" d="([^"]*)"/)![1]!.match(/M/g) ?? []).length;
    expect(negatives).toBeLessThanOrEqual(500);
    expect(negatives).toBeGreaterThan(400);
  }, 60_000);

  it("read a real snapshot: AP as three decimals, a diverged model as 'diverged', never NaN", () => {
    const run = new LabRun({ ...DEFAULT_LAB_STATE, ratio: 10, seed: 4 });
    run.step(3);
    const view = labView(run.snapshot(true));
    expect(view.step).toBe("3");
    expect(view.readouts.map((r) => r.id)).toEqual(["yours", "ce"]);
    for (const r of view.readouts) expect(r.ap).toMatch(/^\d\.\d{3}$/);
    const snapshot = run.snapshot(false);
    snapshot.models[1]!.diverged = true;
    expect(labView(snapshot).readouts[1]!.ap).toBe("diverged");
    expect(JSON.stringify(view)).not.toMatch(/NaN/);
  }, 60_000);
});
