import { describe, expect, it } from "vitest";
import { CARD_SIZE, socialCardPng, socialCardScene, socialCardSvg, wrapWords } from "../../../src/build/social-card";
import { FIGURE1_GAMMAS, focalLossOfPt } from "../../../src/lib/math/loss";
import { focalCurvesLayout } from "../../../src/charts/focal-curves";
import { THEME_TOKENS } from "../../../src/lib/site/theme-tokens";
import { allNodes, nodeAt, subpaths } from "../charts/svg-paths";

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("wrapWords", () => {
  it.each([
    ["Why focal loss is needed", 12, ["Why focal", "loss is", "needed"]],
    ["Cross-entropy", 5, ["Cross-entropy"]],
    ["  a  b  ", 10, ["a b"]],
  ])("wraps %j at %i characters", (text, max, lines) => {
    expect(wrapWords(text, max)).toEqual(lines);
  });
});

describe("socialCardScene", () => {
  const scene = socialCardScene({ title: "Loss <&> gradients", kicker: "Chapter 4 of 7" });

  it("sets the title and kicker as text, and escapes them when printed", () => {
    expect(nodeAt(scene, "text", "kicker").text).toBe("Chapter 4 of 7");
    expect(
      nodeAt(scene, "text", "title")
        .children!.map((t) => t.text)
        .join(" "),
    ).toBe("Loss <&> gradients");
    expect(socialCardSvg({ title: "Loss <&> gradients", kicker: "Chapter 4 of 7" })).toContain(
      "Loss &lt;&amp;&gt; gradients",
    );
  });

  it("draws Figure 1 with the figure's own scene: one curve per γ, in the light theme's curve colours and dashes, no reader's curve", () => {
    const curves = nodeAt(scene, "g", "curves", "figure-1").children!;
    expect(curves.map((c) => c.key)).toEqual(FIGURE1_GAMMAS.map((g) => `g${String(g).replace(".", "")}`));
    const colours = curves.map((c) => c.attrs?.stroke);
    expect(colours).toEqual(
      ["--curve-g0", "--curve-g05", "--curve-g1", "--curve-g2", "--curve-g5"].map(
        (t) => THEME_TOKENS.light[t as "--curve-g0"],
      ),
    );
    expect(nodeAt(scene, "path", "g2", "figure-1").attrs?.["stroke-dasharray"]).toBe("12 3 2 3");
    expect(allNodes(scene).some((n) => n.key === "reader" || n.key === "legend")).toBe(false);
  });

  it("puts the γ = 2 curve where the loss module puts it", () => {
    const layout = focalCurvesLayout({ width: 270, height: 250, yScale: "linear" });
    const vertices = subpaths(String(nodeAt(scene, "path", "g2", "figure-1").attrs!.d)).flat();
    let compared = 0;
    for (const [px, py] of vertices) {
      if (py <= layout.box.top + 0.02) continue;
      const pt = layout.x.invert(px);
      expect(Math.abs(layout.y(focalLossOfPt(pt, { gamma: 2, alpha: null })) - py)).toBeLessThan(0.5);
      compared++;
    }
    // Curves get points where they bend (sampleAdaptively); how closely they follow is curve-pixel-error.test.ts's.
    expect(compared).toBeGreaterThan(20);
  });
});

describe("socialCardPng", () => {
  it("is a 1200×630 PNG well under the 200 KB image budget", () => {
    const png = socialCardPng({ title: "What focal loss is", kicker: "Chapter 2 of 7" });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(pngSize(png)).toEqual(CARD_SIZE);
    expect(png.byteLength).toBeLessThan(200 * 1024);
  });
});
