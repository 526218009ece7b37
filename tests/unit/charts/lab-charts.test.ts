import { describe, expect, it } from "vitest";
import { trainingCurveScene } from "../../../src/charts/training-curve";
import { prCurveScene } from "../../../src/charts/pr-curve";
import { LOSS_CDF_FRAME, lossCdfScene } from "../../../src/charts/loss-cdf";
import { boundarySegments, decisionBoundaryScene, scatterNode } from "../../../src/charts/decision-boundary";
import { LAB_FRAME } from "../../../src/charts/lab-frame";
import { sceneToMarkup } from "../../../src/charts/scene";
import { labView } from "../../../src/lib/views/lab-view";
import { LabRun } from "../../../src/lib/lab/lab-run";
import { DEFAULT_LAB_STATE } from "../../../src/lib/state/lab-state";
import { makeDataSet } from "../../../src/lib/lab/synthetic-data";
import { allNodes, attrsOf, badValues, find, nodeAt, snapshotSvg, subpaths } from "./svg-paths";

const plotBox = {
  left: LAB_FRAME.margin.left,
  right: LAB_FRAME.width - LAB_FRAME.margin.right,
  top: LAB_FRAME.margin.top,
  bottom: LAB_FRAME.height - LAB_FRAME.margin.bottom,
};

describe("trainingCurveScene", () => {
  const series = [
    {
      id: "yours",
      label: "FL",
      points: [
        [0, 1.2],
        [1, 0.8],
        [2, 0.5],
      ] as [number, number][],
    },
    {
      id: "ce",
      label: "CE <b>",
      points: [
        [0, 14],
        [1, Infinity],
        [2, 9],
      ] as [number, number][],
    },
  ];

  it("draws one path per model, named by its <title>, and a gap where a loss is infinite", () => {
    const scene = trainingCurveScene(series);
    const marks = nodeAt(scene, "g", "marks").children!;
    expect(marks.map((m) => [m.key, m.attrs?.["data-series"], nodeAt(m, "title", "title").text])).toEqual([
      ["yours", "yours", "FL"],
      ["ce", "ce", "CE <b>"],
    ]);
    // CE's step 1 is infinite: its line breaks there into two one-point subpaths.
    expect(subpaths(attrsOf(scene, "path", "ce", "marks").d!)).toHaveLength(2);
    expect(badValues(scene)).toEqual([]);
    // Labels are escaped when printed.
    expect(sceneToMarkup(scene)).toContain("CE &lt;b&gt;");
  });

  it("puts every vertex inside the plot, the lowest loss lowest, on a log axis labelled at powers of ten", () => {
    const scene = trainingCurveScene(series);
    const vertices = subpaths(attrsOf(scene, "path", "yours", "marks").d!).flat();
    for (const [x, y] of vertices) {
      expect(x).toBeGreaterThanOrEqual(plotBox.left);
      expect(x).toBeLessThanOrEqual(plotBox.right);
      expect(y).toBeGreaterThanOrEqual(plotBox.top);
      expect(y).toBeLessThanOrEqual(plotBox.bottom);
    }
    expect(vertices.map(([, y]) => y)).toEqual([...vertices.map(([, y]) => y)].sort((a, b) => a - b));
    const yLabels = nodeAt(scene, "g", "y-axis")
      .children!.filter((n) => n.attrs?.class === "tick")
      .map((t) => nodeAt(t, "text", "label").text);
    expect(yLabels).toEqual(["0.1", "1", "10", "100"]);
    expect(nodeAt(scene, "text", "title", "y-axis").text).toBe("training loss (log)");
  });

  it("draws empty axes for no data, without NaN", () => {
    const scene = trainingCurveScene([]);
    expect(nodeAt(scene, "g", "marks").children).toEqual([]);
    expect(badValues(scene)).toEqual([]);
  });
});

describe("prCurveScene", () => {
  it("starts each curve at recall 0 and puts the chance line at the positive rate", () => {
    const scene = prCurveScene(
      [
        {
          id: "yours",
          label: "FL",
          points: [
            { recall: 0.5, precision: 1 },
            { recall: 1, precision: 0.5 },
          ],
        },
      ],
      0.25,
    );
    const chance = attrsOf(scene, "line", "chance");
    // y runs from precision 0 at the bottom of the plot to 1 at its top.
    expect(Number(chance.y1)).toBeCloseTo(plotBox.bottom - 0.25 * (plotBox.bottom - plotBox.top), 6);
    const start = /^M(-?[\d.]+),(-?[\d.]+)/.exec(attrsOf(scene, "path", "yours", "marks").d!)!;
    // Recall 0 at the left edge, with the first point's precision (1, the top).
    expect([Number(start[1]), Number(start[2])]).toEqual([plotBox.left, plotBox.top]);
    expect(badValues(scene)).toEqual([]);
  });

  it("labels the origin once, on the precision axis", () => {
    const scene = prCurveScene([{ id: "ce", label: "CE", points: [] }], 0.1);
    const tickTexts = (axis: string) =>
      nodeAt(scene, "g", axis)
        .children!.filter((t) => t.tag === "g")
        .map((t) => nodeAt(t, "text", "label").text);
    expect(tickTexts("y-axis")[0]).toBe("0.0");
    expect(tickTexts("x-axis")).toEqual(["", "0.2", "0.4", "0.6", "0.8", "1.0"]);
  });

  it("leaves out a model with no points yet", () => {
    const scene = prCurveScene([{ id: "ce", label: "CE", points: [] }], 0.1);
    expect(find(scene, (n) => n.key === "ce")).toBeUndefined();
  });
});

describe("lossCdfScene", () => {
  it("draws one curve per γ with points, labelled by γ, and skips empty ones", () => {
    const scene = lossCdfScene(
      [
        {
          gamma: 0,
          points: [
            { fraction: 0, cumulative: 0 },
            { fraction: 1, cumulative: 1 },
          ],
        },
        { gamma: 2, points: [] },
      ],
      "negatives",
    );
    const marks = nodeAt(scene, "g", "marks").children!;
    expect(marks.map((m) => m.attrs?.["data-gamma"])).toEqual([0]);
    expect(nodeAt(marks[0]!, "title", "title").text).toBe("γ = 0");
    expect(nodeAt(scene, "text", "panel-label").text).toBe("negatives");
    // One "0%" at the origin, the y axis's: the x axis's first label is left out, the others read 20% … 100%.
    const tickTexts = (axis: string) =>
      nodeAt(scene, "g", axis)
        .children!.filter((t) => t.tag === "g")
        .map((t) => nodeAt(t, "text", "label").text);
    expect(tickTexts("y-axis")[0]).toBe("0%");
    expect(tickTexts("x-axis")).toEqual(["", "20%", "40%", "60%", "80%", "100%"]);
    // "100%" is centred on the plot's right edge: half of it (13-unit type, about 0.6 em a character) must fit in the margin.
    const lastTick = nodeAt(scene, "g", "x-axis")
      .children!.filter((t) => t.tag === "g")
      .at(-1)!;
    const lastX = Number(/translate\(([\d.]+),/.exec(String(lastTick.attrs!.transform))![1]);
    expect(lastX + ("100%".length * 0.6 * 13) / 2).toBeLessThanOrEqual(LAB_FRAME.width);
    // The diagonal from (0, 0) to (1, 1): bottom left of the plot to top right.
    expect(subpaths(attrsOf(scene, "path", "g0", "marks").d!)[0]).toEqual([
      [plotBox.left, plotBox.bottom],
      [LOSS_CDF_FRAME.width - LOSS_CDF_FRAME.margin.right, plotBox.top],
    ]);
  });
});

describe("decisionBoundaryScene", () => {
  it("traces a model's boundary where its logit is 0", () => {
    // A model with logit = x1 − 1: the boundary is the vertical line x1 = 1.
    const segments = boundarySegments({ weights: [1, 0, 0, 0, 0], bias: -1 });
    expect(segments.length).toBeGreaterThan(10);
    for (const s of segments) for (const [x1] of s) expect(x1).toBeCloseTo(1, 10);
    const data = makeDataSet(3, 10, 500);
    const scene = decisionBoundaryScene(scatterNode(data), [
      { id: "yours", label: "m", model: { weights: [1, 0, 0, 0, 0], bias: -1 } },
    ]);
    const xs = new Set(
      subpaths(attrsOf(scene, "path", "yours", "boundaries").d!)
        .flat()
        .map(([x]) => x),
    );
    expect(xs.size).toBe(1);
    expect(nodeAt(scene, "title", "title", "yours").text).toBe("m: p = 0.5");
  });

  it("draws no boundary for a model whose logit never crosses 0 in the plane", () => {
    const scene = decisionBoundaryScene(scatterNode(makeDataSet(3, 10, 50)), [
      { id: "yours", label: "m", model: { weights: [0, 0, 0, 0, 0], bias: -4 } },
    ]);
    expect(attrsOf(scene, "path", "yours", "boundaries").d).toBe("");
  });

  it("thins the negatives to the cap and keeps every positive", () => {
    const data = makeDataSet(3, 10, 5000);
    const points = scatterNode(data, 500);
    const dots = (key: string) => (attrsOf(points, "path", key).d!.match(/M/g) ?? []).length;
    expect(dots("negative")).toBeLessThanOrEqual(500);
    expect(dots("negative")).toBeGreaterThan(400);
    expect(dots("positive")).toBeGreaterThan(0);
    expect(dots("positive")).toBeLessThanOrEqual(data.labels.filter((l) => l === 1).length);
  });

  it("hands the same points node back into the scene, so a redraw can skip it", () => {
    const points = scatterNode(makeDataSet(3, 10, 50));
    const scene = decisionBoundaryScene(points, []);
    expect(allNodes(scene)).toContain(points);
  });
});

describe("the lab's charts from a real run", () => {
  const run = new LabRun({ ...DEFAULT_LAB_STATE, ratio: 10, seed: 4 });
  run.step(20);
  const view = labView(run.snapshot(true));

  it("read a snapshot: AP as three decimals, a diverged model as 'diverged', never NaN", () => {
    expect(view.step).toBe("20");
    expect(view.readouts.map((r) => r.id)).toEqual(["yours", "ce"]);
    for (const r of view.readouts) expect(r.ap).toMatch(/^\d\.\d{3}$/);
    const snapshot = run.snapshot(false);
    snapshot.models[1]!.diverged = true;
    expect(labView(snapshot).readouts[1]!.ap).toBe("diverged");
    expect(JSON.stringify(view)).not.toMatch(/NaN/);
  });

  it("print as the committed SVGs", async () => {
    await expect(snapshotSvg(trainingCurveScene(view.curves))).toMatchFileSnapshot(
      "./__snapshots__/training-curve.svg",
    );
    await expect(snapshotSvg(prCurveScene(view.pr ?? [], run.snapshot(false).chanceAp))).toMatchFileSnapshot(
      "./__snapshots__/pr-curve.svg",
    );
    await expect(snapshotSvg(lossCdfScene(view.cdf?.negatives ?? [], "negatives"))).toMatchFileSnapshot(
      "./__snapshots__/loss-cdf.svg",
    );
    await expect(
      snapshotSvg(decisionBoundaryScene(scatterNode(run.split.train, 200), view.boundaries)),
    ).toMatchFileSnapshot("./__snapshots__/decision-boundary.svg");
  });
});
