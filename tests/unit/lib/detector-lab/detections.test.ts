import { describe, expect, it } from "vitest";
import {
  aboveThreshold,
  candidateDetections,
  compactCandidates,
  MAX_CANDIDATES,
  sceneScores,
} from "../../../../src/lib/detector-lab/detections";
import { ANCHOR_COUNT, anchorBox, BACKGROUND, FOREGROUND_IOU } from "../../../../src/lib/detector-lab/anchor-grid";
import { iou } from "../../../../src/lib/detector/iou";
import { newScene } from "../../../../src/lib/detector-lab/detector-session";
import { mulberry32 } from "../../../../src/lib/math/random";

const K = 2;
const scoresWith = (entries: [anchor: number, cls: number, score: number][]) => {
  const s = new Float32Array(ANCHOR_COUNT * K);
  for (const [n, k, v] of entries) s[n * K + k] = v;
  return s;
};

describe("candidateDetections (the paper's inference: floor 0.05, then NMS at IoU 0.5 per class)", () => {
  it("drops scores under 0.05 and keeps the rest best first", () => {
    const found = candidateDetections(
      scoresWith([
        [0, 0, 0.049],
        [300, 1, 0.3],
        [600, 0, 0.9],
      ]),
      K,
    );
    expect(found.map((d) => [d.anchor, d.cls])).toEqual([
      [600, 0],
      [300, 1],
    ]);
    expect(found[0]!.score).toBeCloseTo(0.9, 6);
  });

  it("suppresses a same-class box overlapping a better one by more than IoU 0.5, and only then", () => {
    // Anchors 1 and 2 share a centre (sides 12 and 16): IoU 144/256 = 0.5625; anchors 0 and 1: 64/144 ≈ 0.44.
    expect(iou(anchorBox(1), anchorBox(2))).toBeCloseTo(144 / 256, 12);
    expect(iou(anchorBox(0), anchorBox(1))).toBeCloseTo(64 / 144, 12);
    const same = candidateDetections(
      scoresWith([
        [2, 0, 0.8],
        [1, 0, 0.7],
        [0, 0, 0.6],
      ]),
      K,
    );
    expect(same.map((d) => d.anchor)).toEqual([2, 0]);
    // The other class is never suppressed by this one.
    const other = candidateDetections(
      scoresWith([
        [2, 0, 0.8],
        [1, 1, 0.7],
      ]),
      K,
    );
    expect(other.map((d) => [d.anchor, d.cls])).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });

  it("filtering the candidates at a threshold gives what the same inference gives on the scores above it", () => {
    const u = mulberry32(7);
    for (let trial = 0; trial < 20; trial++) {
      const s = new Float32Array(ANCHOR_COUNT * K).map(() => u() ** 3);
      const t = 0.05 + 0.9 * u();
      const cut = s.map((v) => (v >= t ? v : 0));
      expect(aboveThreshold(candidateDetections(s, K), t)).toEqual(candidateDetections(cut, K));
    }
  });

  it("keeps at most MAX_CANDIDATES", () => {
    const s = new Float32Array(ANCHOR_COUNT * K).fill(0.5);
    expect(candidateDetections(s, K).length).toBeLessThanOrEqual(MAX_CANDIDATES);
  });

  it("packs candidates as [anchor, class, score] with the score to 4 decimals", () => {
    expect(compactCandidates([[{ anchor: 5, cls: 1, score: 0.123456 }], []])).toEqual([[[5, 1, 0.1235]], []]);
  });
});

describe("sceneScores", () => {
  it("gives each object its best own-class score over anchors on it, and the best background score", () => {
    const scene = newScene(1, 0);
    const object = scene.objects[0]!;
    const onIt = Array.from({ length: ANCHOR_COUNT }, (_, n) => n).filter(
      (n) => scene.assignment[n] === object.cls && iou(anchorBox(n), object) >= FOREGROUND_IOU,
    );
    const background = Array.from({ length: ANCHOR_COUNT }, (_, n) => n).find(
      (n) => scene.assignment[n] === BACKGROUND,
    )!;
    expect(onIt.length).toBeGreaterThan(0);
    const s = scoresWith([
      [onIt[0]!, object.cls, 0.9],
      [onIt[0]!, 1 - object.cls, 0.99], // the other class on the object's anchor is not the object's score
      [background, 1, 0.3],
    ]);
    const result = sceneScores(s, scene.assignment, scene.objects, K);
    expect(result.objects[0]).toBeCloseTo(0.9, 6);
    expect(result.background).toBeCloseTo(0.3, 6);
    expect(result.objects.length).toBe(scene.objects.length);
  });
});
