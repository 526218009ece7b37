import { describe, expect, it } from "vitest";
import { detectionsScene } from "../../../src/charts/detector-detections";
import { MAP_SCALE } from "../../../src/charts/detector-lab";
import { anchorBox } from "../../../src/lib/detector-lab/anchor-grid";
import { sceneToMarkup, type SvgNode } from "../../../src/charts/scene";

const all = (n: SvgNode): SvgNode[] => [n, ...(n.children ?? []).flatMap(all)];

describe("detectionsScene", () => {
  const objects = [{ x0: 10, y0: 12, x1: 22, y1: 24, cls: 0 as const }];
  const detections = [
    { anchor: 200, cls: 0, score: 0.934 },
    { anchor: 500, cls: 1, score: 0.51 },
  ];
  const scene = detectionsScene("det-ce-0", "ce", "data:image/png;base64,", objects, detections, "CE on scene 1");

  it("draws each detection as its anchor's box, scaled, with its class and score", () => {
    const groups = all(scene).filter((n) => n.tag === "g" && String(n.attrs?.["class"]).startsWith("detection "));
    expect(groups.map((g) => g.attrs?.["data-score"])).toEqual(["0.93", "0.51"]);
    const box = anchorBox(200);
    const rect = groups[0]!.children!.find((c) => c.tag === "rect")!;
    expect(Number(rect.attrs?.x)).toBe(Math.max(0, box.x0) * MAP_SCALE);
    expect(Number(rect.attrs?.width)).toBe((Math.min(64, box.x1) - Math.max(0, box.x0)) * MAP_SCALE);
    expect(groups[1]!.children!.find((c) => c.tag === "text")!.text).toBe("ring 0.51");
    expect(groups[1]!.children!.find((c) => c.tag === "title")!.text).toBe("ring 0.51");
    expect(scene.attrs?.["data-detections"]).toBe(2);
  });

  it("outlines every object and labels the picture", () => {
    const truth = all(scene).filter((n) => n.attrs?.["class"] === "truth-box");
    expect(truth.map((t) => [t.attrs?.x, t.attrs?.y, t.attrs?.width])).toEqual([["40", "48", "48"]]);
    expect(sceneToMarkup(scene)).toContain('aria-label="CE on scene 1"');
  });
});
