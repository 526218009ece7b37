import { describe, expect, it } from "vitest";
import {
  DEFAULT_FIGURE_STATE,
  FIGURE_FIELDS,
  FIGURE_STATE,
  booleanField,
  defineState,
  enumField,
  listField,
  numberField,
  parseFigureState,
  serialiseFigureState,
  updateFigureState,
  type FigureState,
} from "../../../../src/lib/state/state";
import { ALPHA, GAMMA } from "../../../../src/lib/state/ranges";

function assertValid(state: FigureState): void {
  expect(Object.keys(state).sort()).toEqual(Object.keys(FIGURE_FIELDS).sort());
  expect(Number.isFinite(state.gamma)).toBe(true);
  expect(state.gamma).toBeGreaterThanOrEqual(GAMMA.min);
  expect(state.gamma).toBeLessThanOrEqual(GAMMA.max);
  if (state.alpha !== null) {
    expect(Number.isFinite(state.alpha)).toBe(true);
    expect(state.alpha).toBeGreaterThanOrEqual(ALPHA.min);
    expect(state.alpha).toBeLessThanOrEqual(ALPHA.max);
  }
  expect(["linear", "log"]).toContain(state.yScale);
  expect(typeof state.showExamples).toBe("boolean");
}

describe("parseFigureState", () => {
  it("gives the paper's defaults for an empty query: γ = 2, α off, linear loss axis, no markers", () => {
    expect(parseFigureState("")).toEqual({ gamma: 2, alpha: null, yScale: "linear", showExamples: false });
    expect(parseFigureState(null)).toEqual(DEFAULT_FIGURE_STATE);
  });

  it("reads valid values from a string with or without '?', and from URLSearchParams", () => {
    const expected = { gamma: 0.5, alpha: 0.25, yScale: "log", showExamples: true };
    expect(parseFigureState("?gamma=0.5&alpha=0.25&yscale=log&examples=1")).toEqual(expected);
    expect(parseFigureState("gamma=0.5&alpha=0.25&yscale=log&examples=1")).toEqual(expected);
    expect(
      parseFigureState(new URLSearchParams({ gamma: "0.5", alpha: "0.25", yscale: "LOG", examples: "true" })),
    ).toEqual(expected);
  });

  it.each([
    ["gamma=-3", "gamma", 2],
    ["gamma=abc", "gamma", 2],
    ["gamma=5.01", "gamma", 2],
    ["gamma=Infinity", "gamma", 2],
    ["gamma=NaN", "gamma", 2],
    ["gamma=0x2", "gamma", 2],
    ["gamma=", "gamma", 2],
    ["gamma=1e400", "gamma", 2],
    ["gamma=%3Cscript%3E", "gamma", 2],
    ["alpha=2", "alpha", null],
    ["alpha=-0.1", "alpha", null],
    ["alpha=banana", "alpha", null],
    ["yscale=cubic", "yScale", "linear"],
    ["examples=maybe", "showExamples", false],
  ] as const)("%s falls back to the default %s", (query, key, expected) => {
    const state = parseFigureState(query);
    expect(state[key]).toBe(expected);
    assertValid(state);
  });

  it("keeps the valid fields when another one is bad", () => {
    expect(parseFigureState("gamma=abc&alpha=0.75&yscale=log")).toEqual({
      ...DEFAULT_FIGURE_STATE,
      alpha: 0.75,
      yScale: "log",
    });
  });

  it("snaps γ to the slider's 0.1 grid and α to 0.01, without binary noise", () => {
    expect(parseFigureState("gamma=2.34").gamma).toBe(2.3);
    expect(parseFigureState("gamma=0.25").gamma).toBe(0.3);
    expect(parseFigureState("gamma=4.99").gamma).toBe(5);
    expect(parseFigureState("gamma=0.30000000000000004").gamma).toBe(0.3);
    expect(parseFigureState("alpha=0.255").alpha).toBe(0.26);
    expect(parseFigureState("alpha=off").alpha).toBeNull();
    expect(parseFigureState("gamma=1e0").gamma).toBe(1);
  });
});

describe("serialiseFigureState", () => {
  it("omits defaults so the default view has a clean URL", () => {
    expect(serialiseFigureState(DEFAULT_FIGURE_STATE)).toBe("");
  });

  it("writes the fields a reader changed", () => {
    const query = serialiseFigureState({ gamma: 0.5, alpha: 0.25, yScale: "log", showExamples: true });
    expect(new URLSearchParams(query)).toEqual(new URLSearchParams("gamma=0.5&alpha=0.25&yscale=log&examples=1"));
  });

  it("leaves parameters that belong to other figures alone, and removes ours when back at the default", () => {
    const params = new URLSearchParams("p=0.3&gamma=4");
    serialiseFigureState(DEFAULT_FIGURE_STATE, params);
    expect(params.toString()).toBe("p=0.3");
  });
});

describe("updateFigureState", () => {
  it("clamps and snaps what a control produces, and keeps the fields it does not touch", () => {
    const base = { ...DEFAULT_FIGURE_STATE, alpha: 0.25 };
    expect(updateFigureState(base, { gamma: 7 })).toEqual({ ...base, gamma: 5 });
    expect(updateFigureState(base, { gamma: -1 })).toEqual({ ...base, gamma: 0 });
    expect(updateFigureState(base, { gamma: 1.2345 })).toEqual({ ...base, gamma: 1.2 });
    expect(updateFigureState(base, { gamma: Number.NaN })).toEqual({ ...base, gamma: 2 });
    expect(updateFigureState(base, { alpha: null })).toEqual({ ...base, alpha: null });
    expect(updateFigureState(base, { alpha: 3 })).toEqual({ ...base, alpha: 1 });
    expect(updateFigureState(base, { yScale: "cubic" })).toEqual({ ...base, yScale: "linear" });
  });
});

describe("defineState", () => {
  const WIDGET = defineState(
    {
      size: numberField("size", { min: 1, max: 9, step: 0.5 }, { defaultValue: 2 }),
      theme: enumField("theme", ["light", "dark"] as const, "light"),
      on: booleanField("on", false),
      points: listField(
        "points",
        {
          x: numberField("x", { min: 0, max: 1 }, { defaultValue: 0, snap: false }),
          y: enumField("y", [0, 1] as const, 1),
        },
        {
          defaultValue: [{ x: 0.5, y: 1 }],
          maxItems: 3,
        },
      ),
    },
    { prefix: "w.", attributes: { "data-size": "size", on: "on" } },
  );

  it("puts the prefix before every parameter, and reads only prefixed names", () => {
    expect(WIDGET.params).toEqual({ size: "w.size", theme: "w.theme", on: "w.on", points: "w.points" });
    expect(WIDGET.parse("size=4&theme=dark")).toEqual(WIDGET.defaults);
    expect(WIDGET.parse("w.size=4&w.theme=dark&w.on=1")).toMatchObject({ size: 4, theme: "dark", on: true });
    expect(WIDGET.serialise({ ...WIDGET.defaults, size: 4.5 })).toBe("w.size=4.5");
  });

  it("reads a list item by item, dropping unreadable items and keeping at most maxItems", () => {
    expect(WIDGET.parse("w.points=0.25:0,2:1,1:1").points).toEqual([
      { x: 0.25, y: 0 },
      { x: 1, y: 1 },
    ]);
    expect(WIDGET.parse("w.points=x:0,0.75:1:9,0.5").points).toEqual([{ x: 0.5, y: 1 }]);
    expect(WIDGET.parse("w.points=0.1:1,0.2:1,0.3:1,0.4:1").points).toHaveLength(3);
    expect(WIDGET.parse("w.points=none").points).toEqual([]);
    expect(WIDGET.parse("w.points=junk").points).toEqual([{ x: 0.5, y: 1 }]);
    expect(WIDGET.serialise({ ...WIDGET.defaults, points: [] })).toBe("w.points=none");
  });

  it("hands out its list defaults as copies, so editing one state's rows leaves the defaults alone", () => {
    const first = WIDGET.parse("");
    first.points[0]!.x = 0.9;
    first.points.push({ x: 0, y: 0 });
    expect(WIDGET.parse("").points).toEqual([{ x: 0.5, y: 1 }]);
  });

  it("reads attributes by their own names; a switch present without a value is on", () => {
    const attrs: Record<string, string> = { "data-size": "3.3", on: "" };
    expect(WIDGET.fromAttributes((n) => attrs[n] ?? null)).toEqual({ ...WIDGET.defaults, size: 3.5, on: true });
    expect(WIDGET.fromAttributes((n) => ({ on: "no" })[n] ?? null).on).toBe(false);
  });

  it("with other defaults, leaves those out of the URL and falls back to them", () => {
    const built = WIDGET.withDefaults({ size: 6, theme: "dark" });
    expect(built.serialise({ ...built.defaults })).toBe("");
    expect(built.parse("w.size=99")).toMatchObject({ size: 6, theme: "dark" });
    expect(built.serialise({ ...built.defaults, size: 2 })).toBe("w.size=2");
  });

  it("keeps the figures' unprefixed names and the standalone element's attribute names", () => {
    expect(FIGURE_STATE.params).toEqual({ gamma: "gamma", alpha: "alpha", yScale: "yscale", showExamples: "examples" });
    const attrs: Record<string, string> = { gamma: "0.5", "y-scale": "log", examples: "" };
    expect(FIGURE_STATE.fromAttributes((n) => attrs[n] ?? null)).toEqual({
      gamma: 0.5,
      alpha: null,
      yScale: "log",
      showExamples: true,
    });
  });
});
