import { describe, expect, it } from "vitest";
import { assignAnchors, LABEL } from "../../../../src/lib/detector/assignment";
import { cellLabels, CELL_LABEL } from "../../../../src/lib/detector/cells";
import {
  describeLabAssignment,
  labLevelRows,
  labAnchorSet,
  labCellGrid,
  trainedLossCdfs,
  trainedScene,
  trainedSceneView,
} from "../../../../src/lib/detector/trained-scene";
import { lossCdfs } from "../../../../src/lib/detector/loss-map";
import { assignAnchors as labAssign, BACKGROUND, IGNORED } from "../../../../src/lib/detector-lab/anchor-grid";
import { heldOutScenes, lossTargets } from "../../../../src/lib/detector-lab/detector-run";
import { DetectorSession } from "../../../../src/lib/detector-lab/detector-session";
import { runFromSnapshot, type TrainedRun } from "../../../../src/lib/detector-lab/trained-logits-store";
import { createWorkspace, forward } from "../../../../src/lib/convnet/network";
import { focalLossBatch } from "../../../../src/lib/math/loss";
import { DETECTOR_LAB_STATE } from "../../../../src/lib/state/detector-lab-state";

const box = (set: ReturnType<typeof labAnchorSet>, i: number) => Array.from(set.boxes.subarray(4 * i, 4 * i + 4));

describe("labAnchorSet", () => {
  it("lays the lab's anchors in its order: location row-major, then sides 8, 12, 16 centred at (j + ½)·4", () => {
    const set = labAnchorSet();
    expect(set.count).toBe(768);
    expect(box(set, 0)).toEqual([-2, -2, 6, 6]); // row 0, column 0, side 8, centre (2, 2)
    expect(box(set, 2)).toEqual([-6, -6, 10, 10]); // side 16
    expect(box(set, 3)).toEqual([2, -2, 10, 6]); // row 0, column 1: centre (6, 2)
    expect(box(set, 48)).toEqual([-2, 2, 6, 10]); // row 1, column 0: centre (2, 6)
    expect(box(set, 767)).toEqual([54, 54, 70, 70]); // row 15, column 15, side 16: centre (62, 62)
  });

  it("folds onto 16 × 16 cells of 4 pixels, one per location", () => {
    const grid = labCellGrid();
    expect([grid.columns, grid.rows, grid.cellSize]).toEqual([16, 16, 4]);
    expect([grid.cellOf[0], grid.cellOf[2], grid.cellOf[3], grid.cellOf[767]]).toEqual([0, 0, 1, 255]);
  });
});

describe("the trained scene's assignment", () => {
  it("labels a hand-checked box: the 8-pixel anchor it fills is foreground, the 12-pixel one ignored, the rest background", () => {
    // Square of side 8 at (6, 6)–(14, 14), centred on location (row 2, column 2) at (10, 10):
    // its 8-anchor has IoU 1; its 12-anchor (4, 4)–(16, 16) has 64 / 144 = 0.444, ignored;
    // every other anchor stays under 0.4 (the next best: the 8-anchors one location over, 32 / 96 = 0.333).
    const a = assignAnchors(labAnchorSet(), [{ box: { x0: 6, y0: 6, x1: 14, y1: 14 }, classIndex: 1 }], 2);
    const fg = (2 * 16 + 2) * 3;
    expect(a.label[fg]).toBe(LABEL.foreground);
    expect(a.label[fg + 1]).toBe(LABEL.ignored);
    expect(a.label[fg + 2]).toBe(LABEL.background);
    expect(a.counts).toEqual({ foreground: 1, ignored: 1, background: 766 });
    expect(a.maxIou[fg + 1]).toBeCloseTo(64 / 144, 15);
    expect(a.maxIou[fg - 3]).toBeCloseTo(32 / 96, 15);
    const cells = cellLabels(labCellGrid(), a);
    expect(cells[2 * 16 + 2]).toBe(CELL_LABEL.foreground);
    expect(cells[0]).toBe(CELL_LABEL.background);
    // The words and the level table the map prints for it.
    const objects = [{ box: { x0: 6, y0: 6, x1: 14, y1: 14 }, classIndex: 1 }];
    const setup = { ...trainedScene({ seed: 1 } as TrainedRun), objects, assignment: a, positivesPerObject: [1] };
    expect(describeLabAssignment(setup)).toBe(
      "768 anchors on the 64 × 64 scene: 1 foreground (IoU ≥ 0.5), 1 ignored (0.4 ≤ IoU < 0.5), 766 background. Foreground anchors per object: object 1 (ring) 1.",
    );
    expect(
      labLevelRows(a.counts).map((r) => [r.stride, r.grid, r.anchors, r.foreground, r.ignored, r.background]),
    ).toEqual([
      [4, "16 × 16", "768", "1", "1", "766"],
      [0, "", "768", "1", "1", "766"],
    ]);
  });

  it("agrees with the lab's own labelling on held-out scenes of several seeds", () => {
    for (const seed of [1, 2, 3, 17, 999]) {
      const s = trainedScene({ seed } as TrainedRun);
      const lab = labAssign(heldOutScenes(seed, 1)[0]!.objects);
      for (let n = 0; n < 768; n++) {
        const l = s.assignment.label[n];
        const expected =
          lab[n] === IGNORED ? LABEL.ignored : lab[n] === BACKGROUND ? LABEL.background : LABEL.foreground;
        expect(l, `seed ${seed}, anchor ${n}`).toBe(expected);
        if (l === LABEL.foreground) expect(s.objects[s.assignment.object[n]!]!.classIndex).toBe(lab[n]);
      }
    }
  });
});

describe("trainedSceneView on a trained run's logits", () => {
  // A few steps are enough: the point is that the map's totals are the module's batch loss on the network's logits.
  const state = { ...DETECTOR_LAB_STATE.defaults, seed: 2, gamma: 1.5, alpha: 0.5, steps: 100 as const };
  const session = new DetectorSession(state);
  session.advance(3);
  const run = runFromSnapshot(state, session.snapshot(false), null);
  const setup = trainedScene(run);
  const scene = session.showcase;
  const targets = lossTargets(scene.assignment);
  /** The lab's own path: the network's head output, indexed as the lab's loss indexes it. */
  const labBatch = (which: "ce" | "focal") => {
    const head = forward(
      session.run.net,
      session.run.models[which].params,
      scene.image,
      createWorkspace(session.run.net),
    );
    return Float64Array.from(targets.index, (i) => head[i]!);
  };

  for (const model of ["ce", "focal"] as const)
    it(`has the module's batch loss for CE, balanced CE and FL on the ${model} model's logits`, () => {
      const view = trainedSceneView(setup, model, 0.5, 1.5);
      const logits = labBatch(model);
      expect(view.terms.labels).toEqual(targets.label);
      const expected = {
        ce: focalLossBatch(logits, targets.label, { alpha: null, gamma: 0 }).loss,
        balanced: focalLossBatch(logits, targets.label, { alpha: 0.5, gamma: 0 }).loss,
        focal: focalLossBatch(logits, targets.label, { alpha: 0.5, gamma: 1.5 }).loss,
      };
      for (const kind of ["ce", "balanced", "focal"] as const) {
        expect(view.maps[kind].total / expected[kind] - 1).toBeCloseTo(0, 12);
        expect(view.maps[kind].normaliser).toBe(targets.label.reduce((s, y) => s + y, 0));
      }
    });

  it("puts each anchor's loss where the lab's own loss map puts it, for each model under its own loss", () => {
    for (const [model, kind] of [
      ["ce", "ce"],
      ["focal", "focal"],
    ] as const) {
      const view = trainedSceneView(setup, model, state.alpha, state.gamma);
      const lab = session.run.lossMap(model, scene);
      for (let n = 0; n < 768; n++) expect(view.maps[kind].perAnchor[n]!).toBeCloseTo(lab[n]!, 5);
    }
  });

  it("draws Figure 4 from the same terms", () => {
    const view = trainedSceneView(setup, "focal", 0.25, 2);
    const { reference, reader } = trainedLossCdfs(view, 2);
    expect(reference).toEqual(lossCdfs(view.terms));
    expect(reader).toEqual(reference.find((c) => c.gamma === 2));
    expect(trainedLossCdfs(view, 3).reader.gamma).toBe(3);
  });
});
