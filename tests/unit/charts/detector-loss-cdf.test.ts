import { describe, expect, it } from "vitest";
import { LAB_FRAME } from "../../../src/charts/lab-frame";
import { lossCdfScene } from "../../../src/charts/loss-cdf";
import { attrsOf } from "./svg-paths";

describe("lossCdfScene in a frame other than the last one drawn", () => {
  it("draws the axes for its own margins even after the lab drew the same panel in the lab's frame", () => {
    const series = [
      {
        gamma: 2,
        points: [
          { fraction: 0, cumulative: 0 },
          { fraction: 1, cumulative: 1 },
        ],
      },
    ];
    // The same panel in the lab's narrow-margined frame first (the build renders many charts in one process), then in the CDFs' own.
    lossCdfScene(series, "positives", LAB_FRAME);
    const wide = { ...LAB_FRAME, margin: { ...LAB_FRAME.margin, right: 22 } };
    const scene = lossCdfScene(series, "positives", wide);
    const right = wide.width - wide.margin.right;
    expect(Number(attrsOf(scene, "line", "domain", "x-axis").x2)).toBe(right);
    // The curve ends at the same right edge as the axis.
    expect(String(attrsOf(scene, "path", "g2", "marks").d)).toMatch(new RegExp(`L${right},`));
  });
});
