import { describe, expect, it } from "vitest";
import { detectionsText, sceneScoresText } from "../../../../src/lib/views/detector-results-view";

describe("detector results in words", () => {
  it("says how many boxes a model drew at the threshold, and its best score", () => {
    expect(detectionsText([], 0.5)).toBe("Nothing scored 0.50 or more.");
    expect(detectionsText([{ anchor: 1, cls: 0, score: 0.876 }], 0.5)).toBe("1 box scored 0.50 or more (best 0.88).");
    const two = [
      { anchor: 1, cls: 0, score: 0.9 },
      { anchor: 9, cls: 1, score: 0.6 },
    ];
    expect(detectionsText(two, 0.55)).toBe("2 boxes scored 0.55 or more (best 0.90).");
  });
  it("gives a new scene's object scores and its likeliest background anchor", () => {
    expect(sceneScoresText({ objects: [0.91], background: 0.123 })).toBe(
      "Its object: 0.91; likeliest background anchor: 0.12.",
    );
    expect(sceneScoresText({ objects: [0.5, 0.25], background: 0.01 })).toBe(
      "Its objects: 0.50, 0.25; likeliest background anchor: 0.01.",
    );
  });
});
