import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALPHA_FIELD,
  formatInputValue,
  GAMMA_FIELD,
  P_FIELD,
  parseNumberInput,
  SEED_FIELD,
  type NumberFieldSpec,
} from "../../../../src/lib/state/number-input";

const value = (raw: string, spec: NumberFieldSpec = P_FIELD) => {
  const r = parseNumberInput(raw, spec);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse, got: ${r.message}`);
  return r.value;
};
const message = (raw: string, spec: NumberFieldSpec = P_FIELD) => {
  const r = parseNumberInput(raw, spec);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${r.value}`);
  return r.message;
};

describe("parseNumberInput accepts what a reader types or pastes", () => {
  it.each([
    ["0.95", 0.95],
    ["  0.95 ", 0.95],
    [".5", 0.5],
    ["1.", 1],
    ["+0.25", 0.25],
    ["0", 0],
    ["-0", 0],
    ["1", 1],
    ["0,95", 0.95],
    [" 0,05\t", 0.05],
    ["0,950", 0.95],
    ["5e-2", 0.05],
    ["5E-2", 0.05],
    ["2.5e-1", 0.25],
    ["0.000 05", 0.00005],
    ["0.000\u202f05", 0.00005],
    ["\u00a00.5\u00a0", 0.5],
    ["5 e-2", 0.05],
    ["1e-400", 0],
  ])("p: %j → %s", (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it("reads a typographic minus as a minus sign, then checks the range", () => {
    expect(message("\u22120.5")).toMatch(/p cannot be below 0/);
    expect(value("\u22120", GAMMA_FIELD)).toBe(0);
  });

  it("γ: thousands-style inner spaces and a decimal comma", () => {
    expect(value("2,5", GAMMA_FIELD)).toBe(2.5);
    expect(value("1 0", GAMMA_FIELD)).toBe(10);
    expect(value("0,5e1", GAMMA_FIELD)).toBe(5);
  });

  it("returns 0 rather than −0, so it never prints as -0", () => {
    expect(Object.is(value("-0"), 0)).toBe(true);
    expect(Object.is(value("-0.0", ALPHA_FIELD), 0)).toBe(true);
  });
});

describe("parseNumberInput refuses, saying what is allowed", () => {
  it.each([
    ["", P_FIELD, /p is empty\. Enter a probability from 0 to 1/],
    ["   ", P_FIELD, /p is empty/],
    ["abc", P_FIELD, /not a number\. Enter a probability from 0 to 1/],
    ["0.9.5", P_FIELD, /not a number/],
    ["0x10", GAMMA_FIELD, /not a number\. Enter a number from 0 to 10/],
    ["Infinity", P_FIELD, /not a number/],
    ["NaN", P_FIELD, /not a number/],
    ["1e999", P_FIELD, /too large to compute with\. Enter a probability from 0 to 1/],
    ["-1e999", GAMMA_FIELD, /too large/],
    ["-0.1", P_FIELD, /p cannot be below 0\. Enter a probability/],
    ["1.5", P_FIELD, /p cannot be above 1\./],
    ["1.01", ALPHA_FIELD, /α cannot be above 1\. Enter a weight from 0 to 1, such as 0\.25 \(or switch α off\)/],
    ["-0.5", ALPHA_FIELD, /α cannot be below 0/],
    ["-1", GAMMA_FIELD, /γ cannot be below 0\. Enter a number from 0 to 10/],
    ["11", GAMMA_FIELD, /γ cannot be above 10\./],
    ["2.5", SEED_FIELD, /^The seed must be a whole number\. Enter a whole number from 0 to 999999, such as 42\.$/],
    ["-1", SEED_FIELD, /^The seed cannot be below 0\./],
    ["1000000", SEED_FIELD, /^The seed cannot be above 999999\./],
    ["", SEED_FIELD, /^The seed is empty\./],
    ["1,000.5", GAMMA_FIELD, /mixes commas and points/],
    ["1,2,3", P_FIELD, /mixes commas and points/],
    ["0,5.", P_FIELD, /mixes commas and points/],
    ["1,000", GAMMA_FIELD, /could separate thousands or decimals/],
    ["5e", P_FIELD, /not a number/],
    ["1/2", P_FIELD, /not a number/],
    ["0".repeat(65), P_FIELD, /too long/],
  ])("%j (%s)", (raw, spec, expected) => {
    expect(message(raw, spec)).toMatch(expected);
  });

  it("never quotes the reader's text back, so nothing typed can reach the page", () => {
    for (const raw of ["NaN", "undefined", "Infinity", "<img src=x onerror=alert(1)>", "1e999"]) {
      const m = message(raw);
      expect(m).not.toMatch(/NaN|undefined|Infinity|<img/);
    }
  });

  it("never throws, and anything it accepts is finite and in range (any string)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(P_FIELD, ALPHA_FIELD, GAMMA_FIELD), (raw, spec) => {
        const r = parseNumberInput(raw, spec);
        if (r.ok) return Number.isFinite(r.value) && r.value >= spec.min && r.value <= spec.max;
        return r.message.length > 0 && r.message.includes(spec.allowed);
      }),
    );
  });

  it("rejects anything that is not a string without throwing", () => {
    expect(parseNumberInput(undefined as unknown as string, P_FIELD).ok).toBe(false);
  });
});

describe("formatInputValue", () => {
  it("writes the shortest text that reads back as the same number", () => {
    expect(formatInputValue(0.95)).toBe("0.95");
    expect(formatInputValue(2)).toBe("2");
    expect(formatInputValue(-0)).toBe("0");
    expect(formatInputValue(1e-7)).toBe("1e-7");
    expect(formatInputValue(NaN)).toBe("");
  });
  it("round-trips through the parser for every probability", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const r = parseNumberInput(formatInputValue(p), P_FIELD);
        return r.ok && r.value === (p === 0 ? 0 : p);
      }),
    );
  });
});
