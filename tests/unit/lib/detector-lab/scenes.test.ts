import { describe, expect, it } from "vitest";
import { OBJECT_SIZES, SCENE_SIZE, makeScene, sceneSeed } from "../../../../src/lib/detector-lab/scenes";

describe("makeScene", () => {
  it("is a function of its seed", () => {
    const a = makeScene(42);
    expect(makeScene(42)).toEqual(a);
    expect(makeScene(43).image).not.toEqual(a.image);
  });
  it("keeps intensities in [0, 1] and objects inside the image, within the stated sizes, apart", () => {
    for (let i = 0; i < 50; i++) {
      const { image, objects } = makeScene(sceneSeed(1, i));
      expect(image.length).toBe(SCENE_SIZE * SCENE_SIZE);
      expect(Math.min(...image)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...image)).toBeLessThanOrEqual(1);
      expect(objects.length).toBeGreaterThanOrEqual(1);
      expect(objects.length).toBeLessThanOrEqual(3);
      for (const o of objects) {
        const side = o.x1 - o.x0;
        expect(o.y1 - o.y0).toBe(side);
        expect(side).toBeGreaterThanOrEqual(OBJECT_SIZES.min);
        expect(side).toBeLessThanOrEqual(OBJECT_SIZES.max);
        expect(o.x0).toBeGreaterThanOrEqual(0);
        expect(o.x1).toBeLessThanOrEqual(SCENE_SIZE);
        for (const p of objects)
          if (p !== o) expect(o.x1 <= p.x0 || p.x1 <= o.x0 || o.y1 <= p.y0 || p.y1 <= o.y0).toBe(true);
      }
    }
  });
  it("draws a square as a filled block and a ring with a hole in the middle", () => {
    const ringCentres: number[] = [];
    const ringEdges: number[] = [];
    for (let i = 0; i < 60; i++) {
      const { image, objects } = makeScene(sceneSeed(9, i));
      for (const o of objects) {
        const cx = Math.floor((o.x0 + o.x1) / 2);
        const cy = Math.floor((o.y0 + o.y1) / 2);
        const centre = image[cy * SCENE_SIZE + cx]!;
        // The middle of the top row lies on the outline of either shape.
        const edge = image[o.y0 * SCENE_SIZE + cx]!;
        expect(edge).toBeGreaterThanOrEqual(0.6);
        if (o.cls === 0) expect(centre).toBe(edge);
        else {
          ringCentres.push(centre);
          ringEdges.push(edge);
        }
      }
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    expect(ringCentres.length).toBeGreaterThan(10);
    expect(mean(ringCentres)).toBeLessThan(mean(ringEdges) - 0.2);
  });
});

describe("sceneSeed", () => {
  it("gives distinct seeds to neighbouring scenes and runs", () => {
    const seeds = new Set<number>();
    for (let s = 0; s < 20; s++) for (let i = 0; i < 200; i++) seeds.add(sceneSeed(s, i));
    expect(seeds.size).toBe(4000);
  });
});
