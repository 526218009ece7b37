/**
 * The one state mechanism of the site: a typed property table (after
 * TensorFlow Playground's state.ts) per family of state — the figures, the
 * live formula, each calculator, the lab, the loss budget, the embed
 * presentation — that parses a URL query (or element attributes) into a
 * validated value and serialises it back. `defineState` turns a table into
 * parse / write / coerce / defaults; the fields are a handful of kinds
 * (number, optional number, choice, switch, list) whose number fields read
 * text with the same parser as the calculators' inputs.
 *
 * Parsing never throws and never lets an out-of-range value through: each
 * field falls back to its own default on its own, so one bad parameter does
 * not cost the reader the others. Every family but the figures' and the
 * embed's (whose names are older than this table and printed in links)
 * carries a prefix (`loss.`, `table.`, `lab.` …), so two islands on one page
 * can never read each other's γ.
 */
import { parseNumberInput } from "./number-input";
import { ALPHA, GAMMA, type NumberRange } from "./ranges";

/** A query string's parameters; the one place in src/lib that names the browser's type. */
export type Query = URLSearchParams;
/** What a parser accepts: parameters, a query string (with or without "?"), or nothing. */
export type QueryInput = Query | string | null | undefined;

/** What kind of value a field holds: data for tools that generate or describe states (the fuzz tests). */
export type FieldKind =
  | { readonly kind: "number"; readonly range: NumberRange; readonly snap: boolean }
  | { readonly kind: "optional"; readonly range: NumberRange; readonly snap: boolean }
  | { readonly kind: "choice"; readonly values: readonly (string | number)[] }
  | { readonly kind: "switch" }
  | { readonly kind: "list"; readonly item: Schema; readonly maxItems: number; readonly codec: ListCodec<unknown> };

/** One field: how to read it from a raw parameter value and write it back. */
export interface Field<T> {
  /** the parameter name within its family (the family adds its prefix) */
  readonly param: string;
  readonly defaultValue: T;
  readonly shape: FieldKind;
  /** the value for a raw parameter, or undefined when it is invalid */
  parse(raw: string): T | undefined;
  /** the parameter text for a value */
  serialise(value: T): string;
  /** the nearest valid value to any candidate (for controls that produce numbers) */
  coerce(value: unknown): T;
}

// A schema holds fields of different value types; `unknown` would reject them (Field is invariant in T).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, Field<any>>;
export type StateOf<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** Deep equality of plain state values (numbers, words, null, arrays and records of them). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameValue((a as never)[k], (b as never)[k]));
  }
  return false;
}

/** A list default handed out as a copy, so no state shares rows with the table's defaults. */
function fresh<T>(value: T): T {
  return (Array.isArray(value) ? value.map((v) => (v && typeof v === "object" ? { ...v } : v)) : value) as T;
}

// ------------------------------------------------------------ field kinds

function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Snap to the step grid from `min`, in decimal so 0.1 steps read 0.3 and not 0.30000000000000004. */
function snapTo(value: number, min: number, step: number | undefined): number {
  if (!step) return value;
  const snapped = min + Math.round((value - min) / step) * step;
  return Number(snapped.toFixed(Math.max(decimalsOf(step), decimalsOf(min))));
}

/** Digits and one point only: no sign, exponent or comma (a font size nobody types as 1e0). */
const PLAIN_DECIMAL = /^\s*(\d+\.?\d*|\.\d+)\s*$/;

export interface NumberFieldOptions {
  defaultValue: number;
  /** round to the range's step (sliders); false keeps what the reader typed, to full precision */
  snap?: boolean;
  /** accept only plain decimals in the URL */
  plain?: boolean;
}

/**
 * A number in a range, read with the calculators' parser (commas, spaces and
 * typographic minus signs included); out-of-range or malformed values fall back.
 */
export function numberField(
  param: string,
  range: NumberRange,
  { defaultValue, snap = true, plain = false }: NumberFieldOptions,
): Field<number> {
  const { min, max } = range;
  const step = snap ? range.step : undefined;
  const spec = { name: param, allowed: "", ...range };
  const fit = (v: number) => {
    const snapped = Math.min(max, Math.max(min, snapTo(v, min, step)));
    const fitted = range.integer ? Math.round(snapped) : snapped;
    // -0 survives a range below 0 (a logit) and would be written back as "-0"; it is 0 to every formula here.
    return fitted === 0 ? 0 : fitted;
  };
  return {
    param,
    defaultValue,
    shape: { kind: "number", range, snap },
    parse(raw) {
      if (plain && !PLAIN_DECIMAL.test(raw)) return undefined;
      const parsed = parseNumberInput(raw, spec);
      return parsed.ok ? fit(parsed.value) : undefined;
    },
    // String() is the shortest text that reads back as the same number; -0 is 0 to every formula here.
    serialise: (value) => String(value === 0 ? 0 : value),
    coerce: (value) => (typeof value === "number" && !Number.isNaN(value) ? fit(value) : defaultValue),
  };
}

const OFF = "off";

/** A number in a range or `null` ("off", as for α switched off), written as the word `off`. */
export function optionalNumberField(
  param: string,
  range: NumberRange,
  options: Omit<NumberFieldOptions, "defaultValue"> & { defaultValue: number | null },
): Field<number | null> {
  const inner = numberField(param, range, { ...options, defaultValue: options.defaultValue ?? range.min });
  return {
    param,
    defaultValue: options.defaultValue,
    shape: { kind: "optional", range, snap: options.snap ?? true },
    parse: (raw) => (raw.trim().toLowerCase() === OFF ? null : inner.parse(raw)),
    serialise: (value) => (value === null ? OFF : inner.serialise(value)),
    coerce: (value) =>
      value === null
        ? null
        : typeof value === "number" && !Number.isNaN(value)
          ? inner.coerce(value)
          : options.defaultValue,
  };
}

/** One of a fixed list of words or numbers (a class label 0/1, an axis, a loss). */
export function enumField<const T extends string | number>(
  param: string,
  values: readonly T[],
  defaultValue: T,
): Field<T> {
  const isValue = (v: unknown): v is T => (values as readonly unknown[]).includes(v);
  return {
    param,
    defaultValue,
    shape: { kind: "choice", values },
    parse: (raw) => {
      const word = raw.trim().toLowerCase();
      return values.find((v) => String(v).toLowerCase() === word);
    },
    serialise: (value) => String(value),
    coerce: (value) => (isValue(value) ? value : defaultValue),
  };
}

const TRUE_WORDS = ["1", "true", "on", "yes"];
const FALSE_WORDS = ["0", "false", "off", "no"];

/** A switch written as 1/0 (true/false, on/off and yes/no are read too). */
export function booleanField(param: string, defaultValue: boolean): Field<boolean> {
  return {
    param,
    defaultValue,
    shape: { kind: "switch" },
    parse(raw) {
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.includes(word)) return true;
      if (FALSE_WORDS.includes(word)) return false;
      return undefined;
    },
    serialise: (value) => (value ? "1" : "0"),
    coerce: (value) => (typeof value === "boolean" ? value : defaultValue),
  };
}

const NO_ITEMS = "none";
/** Longest text one part of a list item may take (a full-precision number is at most 24 characters); a longer list is a mistake or hostile. */
const MAX_PART_LENGTH = 25;

/**
 * How a list item that is not its flat record (the anchor map's box, written
 * x.y.w.h.class) is read from its record and back. `toRecord` takes any
 * candidate a control produced and returns undefined for one that is no item
 * at all; `toItem` gets a record whose every part is valid and restores what
 * holds between the parts (a box stays inside the image).
 */
export interface ListCodec<T> {
  toRecord(candidate: unknown): Record<string, unknown> | undefined;
  toItem(record: Record<string, unknown>): T;
}

export interface ListOptions<T> {
  // NoInfer: the item type comes from the schema (or the codec), not from a default's literal numbers
  defaultValue: readonly NoInfer<T>[];
  maxItems: number;
  /** between items and between an item's parts; "," and ":" unless a family's links already use others */
  separators?: { readonly item: string; readonly part: string };
  codec?: ListCodec<T>;
}

/** Items that are their own records (the scenario table's rows); anything but an object reads as an empty record. */
const RECORDS: ListCodec<Record<string, unknown>> = {
  toRecord: (candidate) => (candidate && typeof candidate === "object" ? (candidate as Record<string, unknown>) : {}),
  toItem: (record) => record,
};

/**
 * A list of records (the scenario table's rows), written as items separated
 * by commas and each item's fields by colons, in the order of `item`
 * (`1:0.95,0:0.05`); `none` is the empty list. Unreadable items are dropped;
 * a list with no readable item falls back to the default.
 */
export function listField<I extends Schema, T = StateOf<I>>(
  param: string,
  item: I,
  { defaultValue, maxItems, separators = { item: ",", part: ":" }, codec = RECORDS as ListCodec<T> }: ListOptions<T>,
): Field<T[]> {
  const parts = Object.entries(item);
  const readItem = (text: string): T | undefined => {
    const raw = text.split(separators.part);
    if (raw.length !== parts.length) return undefined;
    const value: Record<string, unknown> = {};
    for (const [i, [key, field]] of parts.entries()) {
      const v = field.parse(raw[i]!);
      if (v === undefined) return undefined;
      value[key] = v;
    }
    return codec.toItem(value);
  };
  const copy = (items: readonly T[]) => items.map((it) => ({ ...it }));
  return {
    param,
    defaultValue: copy(defaultValue),
    shape: { kind: "list", item, maxItems, codec: codec as ListCodec<unknown> },
    parse(raw) {
      if (raw.length > maxItems * parts.length * (MAX_PART_LENGTH + 1)) return undefined;
      if (raw.trim() === NO_ITEMS) return [];
      const items = raw
        .split(separators.item)
        .slice(0, maxItems)
        .map(readItem)
        .filter((v) => v !== undefined);
      return items.length > 0 ? items : undefined;
    },
    serialise(items) {
      if (items.length === 0) return NO_ITEMS;
      return items
        .map((it) => codec.toRecord(it)!)
        .map((r) => parts.map(([key, field]) => field.serialise(r[key])).join(separators.part))
        .join(separators.item);
    },
    coerce(value) {
      if (!Array.isArray(value)) return copy(defaultValue);
      return value
        .slice(0, maxItems)
        .map((candidate) => codec.toRecord(candidate))
        .filter((record) => record !== undefined)
        .map((record) => {
          const coerced: Record<string, unknown> = {};
          for (const [key, field] of parts) coerced[key] = field.coerce(record[key]);
          return codec.toItem(coerced);
        });
    },
  };
}

// ------------------------------------------------------------ families

/** Query parameters from a query input; never throws. */
export function toParams(input: QueryInput): Query {
  if (input instanceof URLSearchParams) return input;
  if (typeof input !== "string") return new URLSearchParams();
  try {
    return new URLSearchParams(input.startsWith("?") ? input.slice(1) : input);
  } catch {
    return new URLSearchParams();
  }
}

export interface StateOptions<S extends Schema> {
  /** put before every parameter name: `loss.` makes `p` the parameter `loss.p` */
  prefix?: string;
  /** element attribute → field, for states read from attributes (the standalone element, data-pt) */
  attributes?: Readonly<Record<string, keyof S & string>>;
  /** restores invariants between fields after parsing or coercing (the loss budget's objects ≤ locations / 10) */
  normalise?: (state: StateOf<S>) => StateOf<S>;
}

/** A family of state: its table and everything that reads or writes it. */
export interface StateDefinition<S extends Schema> {
  readonly fields: S;
  readonly prefix: string;
  readonly defaults: StateOf<S>;
  /** each field's full parameter name */
  readonly params: { readonly [K in keyof S]: string };
  /** attribute name → field */
  readonly attributes: Readonly<Record<string, keyof S & string>>;
  /** the state in a query; never throws, each field falls back to its default on its own */
  parse(input: QueryInput): StateOf<S>;
  /** the state in element attributes; a boolean attribute present without a value means on */
  fromAttributes(read: (name: string) => string | null): StateOf<S>;
  /** writes the state into `into` (other parameters kept); fields at their default are removed, so a default view has a clean URL */
  write(state: StateOf<S>, into?: Query): Query;
  /** the query string for a state, without "?" */
  serialise(state: StateOf<S>): string;
  /** makes any partial, possibly wrong object a valid state (clamping numbers, dropping unknown words) */
  coerce(candidate: Partial<Record<keyof S, unknown>>, base?: StateOf<S>): StateOf<S>;
  equals(a: StateOf<S>, b: StateOf<S>): boolean;
  /** the same family with other defaults (an island built from a preset): its URL then omits those */
  withDefaults(defaults: Partial<StateOf<S>>): StateDefinition<S>;
}

export function defineState<S extends Schema>(fields: S, options: StateOptions<S> = {}): StateDefinition<S> {
  const { prefix = "", attributes = {}, normalise = (s: StateOf<S>) => s } = options;
  const entries = Object.entries(fields) as Array<[keyof S & string, Field<unknown>]>;
  const params = Object.fromEntries(entries.map(([key, field]) => [key, prefix + field.param])) as {
    [K in keyof S]: string;
  };
  const build = (defaults: StateOf<S>): StateDefinition<S> => {
    const assemble = (valueOf: (key: keyof S & string, field: Field<unknown>) => unknown): StateOf<S> => {
      const state: Record<string, unknown> = {};
      for (const [key, field] of entries) {
        let value: unknown;
        try {
          value = valueOf(key, field);
        } catch {
          value = undefined;
        }
        state[key] = value === undefined ? fresh(defaults[key]) : value;
      }
      return normalise(state as StateOf<S>);
    };
    const definition: StateDefinition<S> = {
      fields,
      prefix,
      defaults,
      params,
      attributes,
      parse(input) {
        const query = toParams(input);
        return assemble((key, field) => {
          const raw = query.get(params[key]);
          return raw === null ? undefined : field.parse(raw);
        });
      },
      fromAttributes(read) {
        const byField = new Map(Object.entries(attributes).map(([name, key]) => [key, name]));
        return assemble((key, field) => {
          const name = byField.get(key);
          const raw = name === undefined ? null : read(name);
          if (raw === null) return undefined;
          return field.shape.kind === "switch" && raw.trim() === "" ? true : field.parse(raw);
        });
      },
      write(state, into = new URLSearchParams()) {
        for (const [key, field] of entries) {
          if (sameValue(state[key], defaults[key])) into.delete(params[key]);
          else into.set(params[key], field.serialise(state[key]));
        }
        return into;
      },
      serialise: (state) => definition.write(state).toString(),
      coerce(candidate, base = defaults) {
        return assemble((key, field) => (key in candidate ? field.coerce(candidate[key]) : base[key]));
      },
      equals: (a, b) => entries.every(([key]) => sameValue(a[key], b[key])),
      withDefaults: (next) => build(definition.coerce(next)),
    };
    return definition;
  };
  const defaults = {} as Record<string, unknown>;
  for (const [key, field] of entries) defaults[key] = field.defaultValue;
  return build(normalise(defaults as StateOf<S>));
}

// ------------------------------------------------------------ figure state

/** The state the live figures share: γ, α (or off), the loss axis, and the worked-example markers. */
export const FIGURE_FIELDS = {
  gamma: numberField("gamma", GAMMA, { defaultValue: 2 }),
  alpha: optionalNumberField("alpha", ALPHA, { defaultValue: null }),
  yScale: enumField("yscale", ["linear", "log"] as const, "linear"),
  showExamples: booleanField("examples", false),
} satisfies Schema;

/** The figures' parameters keep their unprefixed names (gamma, alpha, yscale, examples): links to them are out in the world. */
export const FIGURE_STATE = defineState(FIGURE_FIELDS, {
  attributes: { gamma: "gamma", alpha: "alpha", "y-scale": "yScale", examples: "showExamples" },
});

export type FigureState = StateOf<typeof FIGURE_FIELDS>;

export const DEFAULT_FIGURE_STATE: FigureState = FIGURE_STATE.defaults;

/** Figure state from a query string or parameters; never throws, never out of range. */
export function parseFigureState(input: QueryInput): FigureState {
  return FIGURE_STATE.parse(input);
}

/** The query string for a figure state (without "?"), defaults omitted; with `into`, written there too. */
export function serialiseFigureState(state: FigureState, into?: Query): string {
  return FIGURE_STATE.write(state, into).toString();
}

/** A valid figure state from a patch a control produced (clamped to range, snapped to step). */
export function updateFigureState(state: FigureState, patch: Partial<Record<keyof FigureState, unknown>>): FigureState {
  return FIGURE_STATE.coerce(patch, state);
}
