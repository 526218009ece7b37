import { describe, expect, it } from "vitest";
import { locationShares, lossMapScene, shareCurveScene } from "../../../src/charts/detector-lab";
import { ANCHOR_COUNT, GRID } from "../../../src/lib/detector-lab/anchor-grid";
import type { SvgNode } from "../../../src/charts/scene";

const find = (n: SvgNode, key: string): SvgNode | undefined =>
  n.key === key ? n : (n.children ?? []).map((c) => find(c, key)).find(Boolean);

describe("locationShares", () => {
  it("sums each location's anchors and sums to 1", () => {
    const map = new Float32Array(ANCHOR_COUNT);
    map[0] = 1;
    map[1] = 1;
    map[5] = 2; // location 1
    const shares = locationShares(map);
    expect(shares.length).toBe(GRID * GRID);
    expect(shares[0]).toBeCloseTo(0.5, 12);
    expect(shares[1]).toBeCloseTo(0.5, 12);
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });
});

describe("lossMapScene", () => {
  it("shades only locations with loss, the largest share brightest, and outlines every object", () => {
    const map = new Float32Array(ANCHOR_COUNT);
    map[0] = 4;
    map[3] = 1;
    const scene = lossMapScene("ce", "data:image/png;base64,", map, [{ x0: 4, y0: 4, x1: 12, y1: 12, cls: 0 }], "test");
    const cells = find(scene, "cells")!.children!;
    expect(cells.map((c) => c.key)).toEqual(["c0", "c1"]);
    expect(Number(cells[0]!.attrs!["fill-opacity"])).toBeGreaterThan(Number(cells[1]!.attrs!["fill-opacity"]));
    expect(find(scene, "boxes")!.children!.length).toBe(1);
    expect(scene.attrs!["aria-label"]).toBe("test");
  });
});

describe("shareCurveScene", () => {
  it("draws one path per series on a 0–100 % axis", () => {
    const scene = shareCurveScene(
      [
        {
          id: "ce",
          label: "CE",
          points: [
            [1, 0.2],
            [2, 0.4],
          ],
        },
        {
          id: "yours",
          label: "FL",
          points: [
            [1, 0.1],
            [2, 0.05],
          ],
        },
      ],
      "share of loss",
    );
    const marks = find(scene, "marks")!.children!;
    expect(marks.map((m) => m.key)).toEqual(["ce", "yours"]);
    expect(String(marks[0]!.attrs!.d)).toMatch(/^M[\d.]+,[\d.]+L/);
  });
});
