import { describe, expect, it } from "vitest";
import {
  articleRows,
  DEFAULT_LOSS_STATE,
  defaultScenarioState,
  LOSS_STATE,
  MAX_ROWS,
  TABLE_STATE,
  type LossCalculatorState,
  type ScenarioCalculatorState,
} from "../../../../src/lib/state/calculator-state";
import { articleScenarios } from "../../../../src/lib/article/article-values";

describe("loss-calculator state in the URL", () => {
  it("defaults to the article's first example: foreground, p = 0.95, α = 0.25, γ = 2", () => {
    expect(LOSS_STATE.parse("")).toMatchObject({ mode: "binary", p: 0.95, y: 1, alpha: 0.25, gamma: 2 });
    expect(LOSS_STATE.parse(null)).toEqual(DEFAULT_LOSS_STATE);
    expect(LOSS_STATE.parse(undefined)).toEqual(DEFAULT_LOSS_STATE);
  });

  it("reads every field", () => {
    expect(LOSS_STATE.parse("?loss.p=0.05&loss.y=0&loss.alpha=off&loss.gamma=0.5")).toEqual({
      ...DEFAULT_LOSS_STATE,
      p: 0.05,
      y: 0,
      alpha: null,
      gamma: 0.5,
    });
    expect(LOSS_STATE.parse(new URLSearchParams("loss.alpha=0.75"))).toEqual({ ...DEFAULT_LOSS_STATE, alpha: 0.75 });
  });

  it.each([
    ["loss.p=1.5", "p"],
    ["loss.p=-0.1", "p"],
    ["loss.p=NaN", "p"],
    ["loss.p=1e999", "p"],
    ["loss.p=", "p"],
    ["loss.y=2", "y"],
    ["loss.y=foreground", "y"],
    ["loss.alpha=1.2", "alpha"],
    ["loss.alpha=null", "alpha"],
    ["loss.gamma=11", "gamma"],
    ["loss.gamma=10.5", "gamma"],
    ["loss.gamma=-1", "gamma"],
    ["loss.gamma=%3Cscript%3E", "gamma"],
    [`loss.p=${"0".repeat(100)}`, "p"],
  ])("%s falls back to the default for %s only", (query, field) => {
    const parsed = LOSS_STATE.parse(
      `${query}&loss.gamma=3&loss.y=0`.replace(/&loss\.gamma=3/, field === "gamma" ? "" : "&loss.gamma=3"),
    );
    expect(parsed[field as keyof LossCalculatorState]).toEqual(DEFAULT_LOSS_STATE[field as keyof LossCalculatorState]);
    if (field !== "gamma") expect(parsed.gamma).toBe(3);
  });

  it("writes only what differs from the default and keeps other parameters", () => {
    const params = new URLSearchParams("gamma=1.5&yscale=log");
    LOSS_STATE.write({ ...DEFAULT_LOSS_STATE, p: 0.05 }, params);
    expect(params.toString()).toBe("gamma=1.5&yscale=log&loss.p=0.05");
    LOSS_STATE.write(DEFAULT_LOSS_STATE, params);
    expect(params.toString()).toBe("gamma=1.5&yscale=log");
    expect(LOSS_STATE.write({ ...DEFAULT_LOSS_STATE, p: 0.3, y: 0, alpha: null, gamma: 0 }).toString()).toBe(
      "loss.p=0.3&loss.y=0&loss.alpha=off&loss.gamma=0",
    );
  });

  it("keeps what the reader typed to full precision (no slider grid), up to γ = 10", () => {
    expect(LOSS_STATE.parse("loss.p=0.123456789&loss.gamma=9.87&loss.alpha=0.333")).toEqual({
      ...DEFAULT_LOSS_STATE,
      p: 0.123456789,
      y: 1,
      alpha: 0.333,
      gamma: 9.87,
    });
    expect(LOSS_STATE.parse("loss.p=0,3").p).toBe(0.3);
  });
});

describe("scenario-table state in the URL", () => {
  it("defaults to the article's α, γ and six examples", () => {
    const d = TABLE_STATE.parse("");
    expect(d.alpha).toBe(0.25);
    expect(d.gamma).toBe(2);
    expect(d.rows).toHaveLength(6);
    expect(d.rows).toEqual(
      articleScenarios.flatMap((s) => [
        { y: 1, p: s.foregroundP },
        { y: 0, p: s.backgroundP },
      ]),
    );
  });

  it("reads rows as y:p pairs and drops unreadable pairs", () => {
    expect(TABLE_STATE.parse("table.rows=1:0.9,0:0.2").rows).toEqual([
      { y: 1, p: 0.9 },
      { y: 0, p: 0.2 },
    ]);
    expect(TABLE_STATE.parse("table.rows=1:0.9,2:0.2,0:1.5,0:x,1:0.5:9,0:0.3").rows).toEqual([
      { y: 1, p: 0.9 },
      { y: 0, p: 0.3 },
    ]);
    expect(TABLE_STATE.parse("table.rows=none").rows).toEqual([]);
    expect(TABLE_STATE.parse("table.rows=garbage").rows).toEqual(articleRows());
    expect(TABLE_STATE.parse("table.rows=").rows).toEqual(articleRows());
  });

  it(`keeps at most ${MAX_ROWS} rows`, () => {
    const many = Array.from({ length: 50 }, () => "1:0.5").join(",");
    expect(TABLE_STATE.parse(`table.rows=${many}`).rows).toHaveLength(MAX_ROWS);
  });

  it("round-trips and omits defaults", () => {
    const state: ScenarioCalculatorState = {
      alpha: null,
      gamma: 0,
      rows: [
        { y: 0, p: 1e-7 },
        { y: 1, p: 1 },
      ],
    };
    const query = TABLE_STATE.write(state).toString();
    expect(query).toBe("table.alpha=off&table.gamma=0&table.rows=0%3A1e-7%2C1%3A1");
    expect(TABLE_STATE.parse(query)).toEqual(state);
    expect(TABLE_STATE.write(defaultScenarioState()).toString()).toBe("");
    expect(TABLE_STATE.parse(TABLE_STATE.write({ ...defaultScenarioState(), rows: [] }).toString()).rows).toEqual([]);
  });
});
