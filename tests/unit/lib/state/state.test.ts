import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ALPHA_RANGE,
  DEFAULT_FIGURE_STATE,
  FIGURE_FIELDS,
  GAMMA_RANGE,
  booleanField,
  enumField,
  numberField,
  parseFigureState,
  parseState,
  serialiseFigureState,
  updateFigureState,
  writeState,
  type FigureState,
} from "../../../../src/lib/state/state";

function assertValid(state: FigureState): void {
  expect(Object.keys(state).sort()).toEqual(Object.keys(FIGURE_FIELDS).sort());
  expect(Number.isFinite(state.gamma)).toBe(true);
  expect(state.gamma).toBeGreaterThanOrEqual(GAMMA_RANGE.min);
  expect(state.gamma).toBeLessThanOrEqual(GAMMA_RANGE.max);
  if (state.alpha !== null) {
    expect(Number.isFinite(state.alpha)).toBe(true);
    expect(state.alpha).toBeGreaterThanOrEqual(ALPHA_RANGE.min);
    expect(state.alpha).toBeLessThanOrEqual(ALPHA_RANGE.max);
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
    expect(parseFigureState(new URLSearchParams({ gamma: "0.5", alpha: "0.25", yscale: "LOG", examples: "true" }))).toEqual(expected);
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
    expect(parseFigureState("gamma=abc&alpha=0.75&yscale=log")).toEqual({ ...DEFAULT_FIGURE_STATE, alpha: 0.75, yScale: "log" });
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

  it("never throws and never returns an out-of-range state, whatever the query (fuzzed)", () => {
    const keys = fc.constantFrom("gamma", "alpha", "yscale", "examples", "GAMMA", "other", "");
    const values = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.constantFrom("NaN", "-0", "1e308", "5", "0", "1", "off", "log", "linear", "Infinity", "-Infinity", " 2 ", "2,5"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 8 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        assertValid(parseFigureState(params));
        assertValid(parseFigureState(params.toString()));
      }),
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (raw) => { assertValid(parseFigureState(raw)); }));
  }, 30_000);
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

  it("round-trips every valid state (fuzzed)", () => {
    const state = fc.record({
      gamma: fc.integer({ min: 0, max: 50 }).map((i) => i / 10),
      alpha: fc.option(fc.integer({ min: 0, max: 100 }).map((i) => i / 100), { nil: null }),
      yScale: fc.constantFrom("linear" as const, "log" as const),
      showExamples: fc.boolean(),
    });
    fc.assert(fc.property(state, (s) => { expect(parseFigureState(serialiseFigureState(s))).toEqual(s); }));
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

describe("a schema extended by another view (as an embed route would)", () => {
  const EMBED_FIELDS = {
    ...FIGURE_FIELDS,
    theme: enumField("theme", ["light", "dark", "transparent"] as const, "light"),
    controls: booleanField("controls", true),
    fontScale: numberField("fontScale", { min: 0.5, max: 3, defaultValue: 1, step: 0.05 }),
  };

  it("parses its own fields and the figure's with the same rules", () => {
    expect(parseState(EMBED_FIELDS, "gamma=1&theme=dark&controls=0&fontScale=1.5")).toEqual({
      ...DEFAULT_FIGURE_STATE, gamma: 1, theme: "dark", controls: false, fontScale: 1.5,
    });
    expect(parseState(EMBED_FIELDS, "theme=<b>&fontScale=99")).toMatchObject({ theme: "light", fontScale: 1 });
    const written = writeState(EMBED_FIELDS, { ...parseState(EMBED_FIELDS, ""), theme: "transparent" });
    expect(written.toString()).toBe("theme=transparent");
  });
});
