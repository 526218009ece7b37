import { describe, expect, it } from "vitest";
import { DEFAULT_LOSS_STATE, LOSS_STATE } from "../../../../src/lib/state/calculator-state";
import { classFieldSpec, LOGIT_FIELD, parseNumberList } from "../../../../src/lib/state/number-input";
import { CLASS_COUNT } from "../../../../src/lib/state/ranges";

const zs = (...values: number[]) => values.map((z) => ({ z }));

describe("the multi-class calculator's state in the URL", () => {
  it("reads the mode, the logits and the true class", () => {
    const s = LOSS_STATE.parse("loss.mode=softmax&loss.logits=3,1,-2.5,4&loss.class=3&loss.gamma=1");
    expect(s).toMatchObject({ mode: "softmax", logits: zs(3, 1, -2.5, 4), target: 3, gamma: 1 });
  });

  it("writes them back and reads the same state", () => {
    const state = { ...DEFAULT_LOSS_STATE, mode: "softmax" as const, logits: zs(1, -2, 0.5), target: 2 };
    const query = LOSS_STATE.serialise(state);
    expect(query).toBe("loss.mode=softmax&loss.logits=1%2C-2%2C0.5&loss.class=2");
    expect(LOSS_STATE.parse(query)).toEqual(state);
  });

  it.each([
    ["fewer than two logits", "loss.logits=3&loss.class=0"],
    ["the empty list", "loss.logits=none"],
    ["a logit out of range in a list of two", "loss.logits=1,1000"],
    ["markup", "loss.logits=%3Cb%3E,1"],
  ])("%s falls back to the example's logits", (_, query) => {
    expect(LOSS_STATE.parse(query).logits).toEqual(DEFAULT_LOSS_STATE.logits);
  });

  it("drops a class that is not among the logits, and keeps the rest", () => {
    const s = LOSS_STATE.parse("loss.mode=softmax&loss.logits=1,2&loss.class=2&loss.gamma=3");
    expect(s).toMatchObject({ logits: zs(1, 2), target: DEFAULT_LOSS_STATE.target, gamma: 3 });
    expect(LOSS_STATE.parse("loss.class=1.5").target).toBe(DEFAULT_LOSS_STATE.target);
    expect(LOSS_STATE.parse("loss.class=-1").target).toBe(DEFAULT_LOSS_STATE.target);
  });

  it("takes at most ten logits from a URL", () => {
    const many = Array.from({ length: 15 }, (_, i) => i).join(",");
    expect(LOSS_STATE.parse(`loss.logits=${many}`).logits).toHaveLength(CLASS_COUNT.max);
  });
});

describe("the logits as a reader types them", () => {
  it("reads commas, semicolons and spaces as separators, and typographic minus signs", () => {
    expect(parseNumberList("2, 1, 0.1", LOGIT_FIELD, CLASS_COUNT)).toEqual({ ok: true, value: [2, 1, 0.1] });
    expect(parseNumberList(" 2;−1  3e-1 ", LOGIT_FIELD, CLASS_COUNT)).toEqual({ ok: true, value: [2, -1, 0.3] });
  });

  it.each([
    ["", /The list is empty\. Enter 2 to 10 logits/],
    ["  ", /The list is empty/],
    ["3", /That is 1 number; a softmax needs at least 2\./],
    ["1 2 3 4 5 6 7 8 9 10 11", /That is 11 numbers; the calculator takes at most 10\./],
    ["1, two, 3", /Item 2: that is not a number\./],
    ["1, 2, 300", /Item 3: a logit cannot be above 100\./],
    ["1, -101", /Item 2: a logit cannot be below -100\./],
    ["1, NaN", /Item 2: that is not a number\./],
    ["1, 1e999", /Item 2: that number is too large/],
    ["<script>, 1", /Item 1: that is not a number\./],
  ])("%j is refused: %s", (text, message) => {
    const parsed = parseNumberList(text, LOGIT_FIELD, CLASS_COUNT);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).not.toContain("<script>");
    }
  });

  it("says which classes there are when the true class is out of range", () => {
    expect(classFieldSpec(3)).toMatchObject({ min: 0, max: 2, integer: true });
    expect(classFieldSpec(3).allowed).toBe("a whole number from 0 to 2 (one of the 3 logits, counted from 0)");
  });
});
