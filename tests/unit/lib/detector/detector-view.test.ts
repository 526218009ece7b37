import { describe, expect, it } from "vitest";
import { generateAnchors } from "../../../../src/lib/detector/anchors";
import { detectorSetup, sharedAnchors, sharedDetectorSetup } from "../../../../src/lib/detector/detector-view";
import { SCENE_SIZE } from "../../../../src/lib/detector/scene";

/** Bit for bit (toEqual walks 100,000-element arrays one element at a time, for seconds). */
const sameBits = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe("the page's shared detector setup", () => {
  it("the anchor map's anchors alone are the setup's anchors, made once", () => {
    const anchors = sharedAnchors();
    expect(sharedAnchors()).toBe(anchors);
    expect(sharedDetectorSetup().anchors).toBe(anchors);
    const fresh = generateAnchors(SCENE_SIZE);
    expect(anchors.count).toBe(fresh.count);
    expect(anchors.grids).toEqual(fresh.grids);
    expect(sameBits(anchors.boxes, fresh.boxes)).toBe(true);
    expect(sameBits(anchors.levelIndex, fresh.levelIndex)).toBe(true);
  });

  it("is the setup the build computes the default view from", () => {
    const fresh = detectorSetup();
    const shared = sharedDetectorSetup();
    expect(sameBits(shared.base, fresh.base)).toBe(true);
    expect(sameBits(shared.noise, fresh.noise)).toBe(true);
    expect(shared.classes).toBe(fresh.classes);
  });
});
