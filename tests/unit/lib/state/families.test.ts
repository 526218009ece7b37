/**
 * The properties every state family must have, run over every family the
 * site defines (src/lib/state/families.ts): parsing never throws and never
 * returns an invalid state, whatever the query or attributes say; every valid
 * state survives its URL; no two families claim one parameter.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATE_FAMILIES, URL_FAMILIES } from "../../../../src/lib/state/families";
import type { Field, FieldKind, Schema, StateDefinition, StateOf } from "../../../../src/lib/state/state";
import { FUZZ_RUNS } from "../../../support/fuzz";

type AnyFamily = StateDefinition<Schema>;
const families = Object.entries(STATE_FAMILIES) as Array<[string, AnyFamily]>;

function rangeArbitrary(shape: Extract<FieldKind, { kind: "number" | "optional" }>): fc.Arbitrary<number> {
  const { min, max } = shape.range;
  return fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max));
}

/** Any value of a field's type, valid or not after coercion (the family's coerce makes it valid). */
function candidate(field: Field<unknown>): fc.Arbitrary<unknown> {
  const shape = field.shape;
  switch (shape.kind) {
    case "number":
      return rangeArbitrary(shape);
    case "optional":
      return fc.option(rangeArbitrary(shape), { nil: null });
    case "choice":
      return fc.constantFrom(...shape.values);
    case "switch":
      return fc.boolean();
    case "list": {
      const records = fc.array(record(shape.item), { maxLength: shape.maxItems });
      return records.map((rs) => rs.map((r) => shape.codec.toItem(r)));
    }
  }
}

function record(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(schema).map(([key, field]) => [key, candidate(field)])));
}

/** A valid state of a family: any candidate, made valid by the family itself. */
const validState = (family: AnyFamily): fc.Arbitrary<StateOf<Schema>> =>
  record(family.fields).map((raw) => family.coerce(raw));

/** Whether a value is one the field allows: in range, on its grid, one of its words. */
function fieldAllows(field: Field<unknown>, value: unknown): boolean {
  const shape = field.shape;
  const numberOk = (v: unknown, s: Extract<FieldKind, { kind: "number" | "optional" }>) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < s.range.min || v > s.range.max || Object.is(v, -0))
      return false;
    if (s.range.integer && !Number.isInteger(v)) return false;
    if (s.snap && s.range.step) {
      const steps = (v - s.range.min) / s.range.step;
      if (Math.abs(steps - Math.round(steps)) > 1e-6) return false;
    }
    return true;
  };
  switch (shape.kind) {
    case "number":
      return numberOk(value, shape);
    case "optional":
      return value === null || numberOk(value, shape);
    case "choice":
      return shape.values.includes(value as string | number);
    case "switch":
      return typeof value === "boolean";
    case "list":
      return (
        Array.isArray(value) &&
        value.length <= shape.maxItems &&
        value.every((item) => {
          const record = shape.codec.toRecord(item);
          if (record === undefined || !Object.entries(shape.item).every(([k, f]) => fieldAllows(f, record[k])))
            return false;
          // an item is also what its record makes of it (a box inside the image)
          return JSON.stringify(shape.codec.toItem(record)) === JSON.stringify(item);
        })
      );
  }
}

function expectValid(family: AnyFamily, state: StateOf<Schema>): void {
  expect(Object.keys(state).sort()).toEqual(Object.keys(family.fields).sort());
  for (const [key, field] of Object.entries(family.fields)) {
    expect(fieldAllows(field, state[key]), `${family.prefix}${key} = ${JSON.stringify(state[key])}`).toBe(true);
  }
}

/** Text a hostile or careless link could hold for a parameter. */
const hostileValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.double().map(String),
  fc.constantFrom(
    "",
    " ",
    "NaN",
    "-0",
    "1e999",
    "-1",
    "Infinity",
    "off",
    "none",
    "0x10",
    "2,5",
    "<script>",
    "1:0.5,0:2",
    "%E0%A4%A",
  ),
);

describe.each(families)("the %s state family", (_name, family) => {
  const params = Object.values(family.params);

  it("parses any query, or any string at all, to a valid state without throwing", () => {
    const pairs = fc.array(fc.tuple(fc.constantFrom(...params, "other"), hostileValue), { maxLength: 10 });
    fc.assert(
      fc.property(pairs, fc.string({ maxLength: 200 }), (list, raw) => {
        const query = new URLSearchParams(list);
        expectValid(family, family.parse(query));
        expectValid(family, family.parse(query.toString()));
        expectValid(family, family.parse(raw));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("reads any attributes to a valid state without throwing", () => {
    const names = Object.keys(family.attributes);
    const attributes = fc.dictionary(fc.constantFrom(...names, "other"), hostileValue);
    fc.assert(
      fc.property(attributes, (given) => {
        expectValid(
          family,
          family.fromAttributes((name) => given[name] ?? null),
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("round-trips every valid state through its query, leaving other parameters alone", () => {
    fc.assert(
      fc.property(validState(family), (state) => {
        expectValid(family, state);
        expect(family.parse(family.serialise(state))).toEqual(state);
        const shared = family.write(state, new URLSearchParams("other=kept"));
        expect(shared.get("other")).toBe("kept");
        expect(family.parse(shared)).toEqual(state);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("writes nothing for its defaults, and every parameter it writes carries its prefix", () => {
    expect(family.serialise(family.defaults)).toBe("");
    fc.assert(
      fc.property(validState(family), (state) => {
        for (const name of family.write(state).keys())
          expect(name.startsWith(family.prefix) && params.includes(name)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("the families together", () => {
  it("never claim the same URL parameter, so two islands on a page cannot read each other's state", () => {
    const all = Object.values(URL_FAMILIES).flatMap((f) => Object.values(f.params));
    expect(new Set(all).size).toBe(all.length);
  });

  it("give every family but the figures' and the embed's (whose names are printed in links already) its own prefix", () => {
    const prefixes = Object.entries(URL_FAMILIES).map(([name, f]) => [name, f.prefix]);
    expect(Object.fromEntries(prefixes)).toEqual({
      figure: "",
      embed: "",
      formula: "formula.",
      loss: "loss.",
      table: "table.",
      lab: "lab.",
      budget: "budget.",
      detector: "det.",
      anchors: "anchors.",
    });
  });
});
