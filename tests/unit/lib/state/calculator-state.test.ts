import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  articleRows, DEFAULT_LOSS_STATE, defaultScenarioState, LOSS_PARAMS, MAX_ROWS, parseLossState, parseScenarioState,
  serialiseLossState, serialiseScenarioState, TABLE_PARAMS, type LossCalculatorState, type ScenarioCalculatorState,
} from "../../../../src/lib/state/calculator-state";
import { articleScenarios } from "../../../../src/lib/article/article-values";

describe("loss-calculator state in the URL", () => {
  it("defaults to the article's first example: foreground, p = 0.95, α = 0.25, γ = 2", () => {
    expect(parseLossState("")).toEqual({ p: 0.95, y: 1, alpha: 0.25, gamma: 2 });
    expect(parseLossState(null)).toEqual(DEFAULT_LOSS_STATE);
    expect(parseLossState(undefined)).toEqual(DEFAULT_LOSS_STATE);
  });

  it("reads every field", () => {
    expect(parseLossState("?loss.p=0.05&loss.y=0&loss.alpha=off&loss.gamma=0.5")).toEqual({ p: 0.05, y: 0, alpha: null, gamma: 0.5 });
    expect(parseLossState(new URLSearchParams("loss.alpha=0.75"))).toEqual({ ...DEFAULT_LOSS_STATE, alpha: 0.75 });
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
    ["loss.gamma=-1", "gamma"],
    ["loss.gamma=%3Cscript%3E", "gamma"],
    [`loss.p=${"0".repeat(100)}`, "p"],
  ])("%s falls back to the default for %s only", (query, field) => {
    const parsed = parseLossState(`${query}&loss.gamma=3&loss.y=0`.replace(/&loss\.gamma=3/, field === "gamma" ? "" : "&loss.gamma=3"));
    expect(parsed[field as keyof LossCalculatorState]).toEqual(DEFAULT_LOSS_STATE[field as keyof LossCalculatorState]);
    if (field !== "gamma") expect(parsed.gamma).toBe(3);
  });

  it("writes only what differs from the default and keeps other parameters", () => {
    const params = new URLSearchParams("gamma=1.5&yscale=log");
    serialiseLossState({ ...DEFAULT_LOSS_STATE, p: 0.05 }, params);
    expect(params.toString()).toBe("gamma=1.5&yscale=log&loss.p=0.05");
    serialiseLossState(DEFAULT_LOSS_STATE, params);
    expect(params.toString()).toBe("gamma=1.5&yscale=log");
    expect(serialiseLossState({ p: 0.3, y: 0, alpha: null, gamma: 0 }).toString()).toBe("loss.p=0.3&loss.y=0&loss.alpha=off&loss.gamma=0");
  });

  it("round-trips any valid state", () => {
    const state = fc.record({
      p: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
      y: fc.constantFrom(0 as const, 1 as const),
      alpha: fc.option(fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (v === 0 ? 0 : v)), { nil: null }),
      gamma: fc.double({ min: 0, max: 10, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
    });
    fc.assert(fc.property(state, (s) => { expect(parseLossState(serialiseLossState(s).toString())).toEqual(s); }));
  });

  it("never throws and never returns an out-of-range value on hostile query strings", () => {
    const key = fc.constantFrom(...Object.values(LOSS_PARAMS), "x");
    const query = fc.array(fc.tuple(key, fc.string({ maxLength: 50 })), { maxLength: 6 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&"));
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ maxLength: 200 })), (q) => {
        const s = parseLossState(q);
        return s.p >= 0 && s.p <= 1 && (s.y === 0 || s.y === 1)
          && (s.alpha === null || (s.alpha >= 0 && s.alpha <= 1)) && s.gamma >= 0 && s.gamma <= 10;
      }),
    );
  });
});

describe("scenario-table state in the URL", () => {
  it("defaults to the article's α, γ and six examples", () => {
    const d = parseScenarioState("");
    expect(d.alpha).toBe(0.25);
    expect(d.gamma).toBe(2);
    expect(d.rows).toHaveLength(6);
    expect(d.rows).toEqual(articleScenarios.flatMap((s) => [{ y: 1, p: s.foregroundP }, { y: 0, p: s.backgroundP }]));
  });

  it("reads rows as y:p pairs and drops unreadable pairs", () => {
    expect(parseScenarioState("table.rows=1:0.9,0:0.2").rows).toEqual([{ y: 1, p: 0.9 }, { y: 0, p: 0.2 }]);
    expect(parseScenarioState("table.rows=1:0.9,2:0.2,0:1.5,0:x,1:0.5:9,0:0.3").rows).toEqual([{ y: 1, p: 0.9 }, { y: 0, p: 0.3 }]);
    expect(parseScenarioState("table.rows=none").rows).toEqual([]);
    expect(parseScenarioState("table.rows=garbage").rows).toEqual(articleRows());
    expect(parseScenarioState("table.rows=").rows).toEqual(articleRows());
  });

  it(`keeps at most ${MAX_ROWS} rows`, () => {
    const many = Array.from({ length: 50 }, () => "1:0.5").join(",");
    expect(parseScenarioState(`table.rows=${many}`).rows).toHaveLength(MAX_ROWS);
  });

  it("round-trips and omits defaults", () => {
    const state: ScenarioCalculatorState = { alpha: null, gamma: 0, rows: [{ y: 0, p: 1e-7 }, { y: 1, p: 1 }] };
    const query = serialiseScenarioState(state).toString();
    expect(query).toBe("table.alpha=off&table.gamma=0&table.rows=0%3A1e-7%2C1%3A1");
    expect(parseScenarioState(query)).toEqual(state);
    expect(serialiseScenarioState(defaultScenarioState()).toString()).toBe("");
    expect(parseScenarioState(serialiseScenarioState({ ...defaultScenarioState(), rows: [] }).toString()).rows).toEqual([]);
  });

  it("never throws and never returns an out-of-range value on hostile query strings", () => {
    const key = fc.constantFrom(...Object.values(TABLE_PARAMS));
    const rows = fc.array(fc.tuple(fc.constantFrom("0", "1", "2", ""), fc.string({ maxLength: 8 })), { maxLength: 30 })
      .map((rs) => rs.map(([y, p]) => `${y}:${p}`).join(","));
    const query = fc.array(fc.tuple(key, fc.oneof(rows, fc.string({ maxLength: 60 }))), { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&"));
    fc.assert(
      fc.property(query, (q) => {
        const s = parseScenarioState(q);
        return s.rows.length <= MAX_ROWS && s.rows.every((r) => (r.y === 0 || r.y === 1) && r.p >= 0 && r.p <= 1)
          && (s.alpha === null || (s.alpha >= 0 && s.alpha <= 1)) && s.gamma >= 0 && s.gamma <= 10;
      }),
    );
  });
});
