import { describe, expect, it } from "vitest";
import { ANCHOR_MAP_STATE, DEFAULT_ANCHOR_MAP_STATE, levelPosition } from "../../../../src/lib/state/anchor-map-state";

const parseAnchorMapState = ANCHOR_MAP_STATE.parse;
type State = typeof DEFAULT_ANCHOR_MAP_STATE;
const updateAnchorMapState = (s: State, patch: Partial<Record<keyof State, unknown>>) =>
  ANCHOR_MAP_STATE.coerce(patch, s);
const writeAnchorMapState = (s: State) => ANCHOR_MAP_STATE.write(s);

describe("anchor map state", () => {
  it("is the chapter's scene at γ = 2, α = 0.25, all levels, focal loss, when the URL says nothing", () => {
    const s = parseAnchorMapState("");
    expect([s.level, s.loss, s.gamma, s.alpha, s.ohem, s.boxes.length]).toEqual(["all", "focal", 2, 0.25, "off", 4]);
    expect(writeAnchorMapState(s).toString()).toBe("");
  });

  it("round-trips a moved box, a level, a loss and OHEM through the URL", () => {
    const boxes = DEFAULT_ANCHOR_MAP_STATE.boxes.map((o, i) =>
      i === 0 ? { ...o, box: { x0: 10, y0: 20, x1: 110, y1: 220 } } : o,
    );
    const s = updateAnchorMapState(DEFAULT_ANCHOR_MAP_STATE, {
      boxes,
      level: "p5",
      loss: "ce",
      ohem: "ratio",
      gamma: 1,
    });
    const query = writeAnchorMapState(s).toString();
    expect(query).toContain("anchors.boxes=10.20.100.200.0_");
    const back = parseAnchorMapState(query);
    expect(back).toEqual(s);
    expect(levelPosition(back.level)).toBe(2);
  });

  it("falls back field by field on hostile or malformed values, never throwing", () => {
    for (const raw of [
      "anchors.boxes=1.2.3",
      "anchors.boxes=0.0.4.4.0",
      "anchors.boxes=890.0.20.20.0",
      "anchors.boxes=0.0.20.20.9",
      "anchors.boxes=<script>",
      "anchors.level=p9",
      "anchors.gamma=NaN",
      "anchors.alpha=2",
      "anchors.ohem=all",
    ]) {
      const s = parseAnchorMapState(raw);
      expect(s, raw).toEqual(DEFAULT_ANCHOR_MAP_STATE);
    }
    expect(parseAnchorMapState("anchors.boxes=none").boxes).toEqual([]);
    // a list field keeps its readable items, at most MAX_OBJECTS of them
    expect(parseAnchorMapState("anchors.boxes=0.0.4.4.0_30.40.20.20.1").boxes).toEqual([
      { box: { x0: 30, y0: 40, x1: 50, y1: 60 }, classIndex: 1 },
    ]);
    expect(parseAnchorMapState("anchors.boxes=" + "0.0.20.20.0_".repeat(40) + "0.0.20.20.0").boxes).toHaveLength(8);
    expect(parseAnchorMapState("anchors.gamma=7&anchors.level=p3").level).toBe("p3");
  });

  it("clamps a dragged box into the image and keeps it at least 8 pixels a side", () => {
    const s = updateAnchorMapState(DEFAULT_ANCHOR_MAP_STATE, {
      boxes: [
        { box: { x0: -50, y0: 630.4, x1: -48, y1: 700 }, classIndex: 1 },
        { box: { x0: Number.NaN, y0: 0, x1: 1, y1: 1 }, classIndex: 0 },
      ],
    });
    expect(s.boxes).toEqual([{ box: { x0: 0, y0: 570, x1: 8, y1: 640 }, classIndex: 1 }]);
  });
});

describe("the anchor map's source of scores", () => {
  it("reads the source and the trained model from the URL, and falls back on anything else", () => {
    expect(parseAnchorMapState("")).toMatchObject({ scores: "stated", model: "focal" });
    expect(parseAnchorMapState("anchors.scores=yours&anchors.model=ce")).toMatchObject({
      scores: "yours",
      model: "ce",
    });
    expect(parseAnchorMapState("anchors.scores=default").scores).toBe("default");
    for (const bad of ["anchors.scores=trained", "anchors.scores=%3Cscript%3E", "anchors.model=balanced"])
      expect(parseAnchorMapState(bad), bad).toMatchObject({ scores: "stated", model: "focal" });
    const s = parseAnchorMapState("anchors.scores=default&anchors.model=ce&anchors.gamma=1");
    expect(parseAnchorMapState(writeAnchorMapState(s))).toEqual(s);
    // A trained source leaves the park's boxes in the state, so switching back restores the reader's scene.
    expect(parseAnchorMapState("anchors.scores=yours&anchors.boxes=none").boxes).toEqual([]);
  });
});
