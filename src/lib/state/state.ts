/**
 * Figure state as a value: a typed property table (after TensorFlow
 * Playground's state.ts) that parses a URL query into a validated object and
 * serialises it back. Parsing never throws and never lets an out-of-range value
 * through: each field falls back to its own default on its own, so one bad
 * parameter does not cost the reader the others.
 *
 * The table is generic so other views (an embed route with theme, controls and
 * font-scale parameters, a calculator) can extend FIGURE_FIELDS with their own.
 */

/** One URL-backed field: how to read it from a raw query value and write it back. */
export interface Field<T> {
  /** the query parameter name */
  readonly param: string;
  readonly defaultValue: T;
  /** the value for a raw query string, or undefined when it is missing or invalid */
  parse(raw: string): T | undefined;
  /** the query string for a value; never called with the default */
  serialise(value: T): string;
  /** the nearest valid value to any candidate (for controls that produce numbers) */
  coerce(value: unknown): T;
}

export type Schema = Record<string, Field<any>>;
export type StateOf<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** Longest query value we look at; anything longer is hostile or a mistake. */
const MAX_RAW_LENGTH = 32;

/** Parses a decimal number the way a person would type it; no hex, no exponents past sanity, no "Infinity". */
function parseDecimal(raw: string): number | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_RAW_LENGTH) return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Snap to the step grid from `min`, in decimal so 0.1 steps read 0.3 and not 0.30000000000000004. */
function snap(value: number, min: number, step: number | undefined): number {
  if (!step) return value;
  const snapped = min + Math.round((value - min) / step) * step;
  return Number(snapped.toFixed(Math.max(decimalsOf(step), decimalsOf(min))));
}

export interface NumberFieldOptions {
  min: number;
  max: number;
  defaultValue: number;
  /** values are rounded to this grid (from min); omit to keep full precision */
  step?: number;
}

/** A number in [min, max]: out-of-range or malformed query values fall back to the default. */
export function numberField(param: string, { min, max, defaultValue, step }: NumberFieldOptions): Field<number> {
  const inRange = (v: number) => v >= min && v <= max;
  return {
    param,
    defaultValue,
    parse(raw) {
      const value = parseDecimal(raw);
      if (value === undefined || !inRange(value)) return undefined;
      const snapped = snap(value, min, step);
      return inRange(snapped) ? snapped : undefined;
    },
    serialise: (value) => String(value),
    coerce(value) {
      if (typeof value !== "number" || Number.isNaN(value)) return defaultValue;
      const clamped = Math.min(max, Math.max(min, value));
      return Math.min(max, Math.max(min, snap(clamped, min, step)));
    },
  };
}

/** A number in [min, max] or `null` ("off"), written as the word `off` in the URL. */
export function optionalNumberField(
  param: string,
  options: Omit<NumberFieldOptions, "defaultValue"> & { defaultValue: number | null },
): Field<number | null> {
  const inner = numberField(param, { ...options, defaultValue: options.defaultValue ?? options.min });
  return {
    param,
    defaultValue: options.defaultValue,
    parse(raw) {
      if (raw.trim().toLowerCase() === "off") return null;
      return inner.parse(raw);
    },
    serialise: (value) => (value === null ? "off" : String(value)),
    coerce: (value) => (value === null ? null : typeof value === "number" && !Number.isNaN(value) ? inner.coerce(value) : options.defaultValue),
  };
}

/** One of a fixed list of words. */
export function enumField<const T extends string>(param: string, values: readonly T[], defaultValue: T): Field<T> {
  const isValue = (v: unknown): v is T => typeof v === "string" && (values as readonly string[]).includes(v);
  return {
    param,
    defaultValue,
    parse: (raw) => {
      const word = raw.trim().toLowerCase();
      return isValue(word) ? word : undefined;
    },
    serialise: (value) => value,
    coerce: (value) => (isValue(value) ? value : defaultValue),
  };
}

/** A switch written as 1/0 (true/false, on/off and yes/no are read too). */
export function booleanField(param: string, defaultValue: boolean): Field<boolean> {
  return {
    param,
    defaultValue,
    parse(raw) {
      const word = raw.trim().toLowerCase();
      if (["1", "true", "on", "yes"].includes(word)) return true;
      if (["0", "false", "off", "no"].includes(word)) return false;
      return undefined;
    },
    serialise: (value) => (value ? "1" : "0"),
    coerce: (value) => (typeof value === "boolean" ? value : defaultValue),
  };
}

/** Query parameters from a URLSearchParams, a query string (with or without "?"), or nothing; never throws. */
export function toParams(input: URLSearchParams | string | null | undefined): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (typeof input !== "string") return new URLSearchParams();
  try {
    return new URLSearchParams(input.startsWith("?") ? input.slice(1) : input);
  } catch {
    return new URLSearchParams();
  }
}

export function defaultState<S extends Schema>(schema: S): StateOf<S> {
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) state[key] = field.defaultValue;
  return state as StateOf<S>;
}

/** Reads every field of the schema from a query; never throws, each field falls back to its default. */
export function parseState<S extends Schema>(schema: S, input: URLSearchParams | string | null | undefined): StateOf<S> {
  const params = toParams(input);
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    let value: unknown;
    try {
      const raw = params.get(field.param);
      value = raw === null ? undefined : field.parse(raw);
    } catch {
      value = undefined;
    }
    state[key] = value === undefined ? field.defaultValue : value;
  }
  return state as StateOf<S>;
}

/** Makes any partial, possibly wrong object a valid state (clamping numbers, dropping unknown words). */
export function coerceState<S extends Schema>(schema: S, candidate: Partial<Record<keyof S, unknown>>, base?: StateOf<S>): StateOf<S> {
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    const fallback = base ? base[key as keyof S] : field.defaultValue;
    state[key] = key in candidate ? field.coerce(candidate[key as keyof S]) : fallback;
  }
  return state as StateOf<S>;
}

/**
 * Writes the state into a query, leaving parameters that belong to others
 * alone; fields at their default are removed so a default view has a clean URL.
 */
export function writeState<S extends Schema>(schema: S, state: StateOf<S>, into = new URLSearchParams()): URLSearchParams {
  for (const [key, field] of Object.entries(schema)) {
    const value = state[key as keyof S];
    if (value === field.defaultValue) into.delete(field.param);
    else into.set(field.param, field.serialise(value));
  }
  return into;
}

// ------------------------------------------------------------ figure state

/** The γ range of the paper's Figure 1 and of every γ control on the site. */
export const GAMMA_RANGE = { min: 0, max: 5, step: 0.1 } as const;
export const ALPHA_RANGE = { min: 0, max: 1, step: 0.01 } as const;

/** The state the live figures share: γ, α (or off), the loss axis, and the worked-example markers. */
export const FIGURE_FIELDS = {
  gamma: numberField("gamma", { ...GAMMA_RANGE, defaultValue: 2 }),
  alpha: optionalNumberField("alpha", { ...ALPHA_RANGE, defaultValue: null }),
  yScale: enumField("yscale", ["linear", "log"] as const, "linear"),
  showExamples: booleanField("examples", false),
} satisfies Schema;

export type FigureState = StateOf<typeof FIGURE_FIELDS>;

export const DEFAULT_FIGURE_STATE: FigureState = defaultState(FIGURE_FIELDS);

/** Figure state from a query string or URLSearchParams; never throws, never out of range. */
export function parseFigureState(input: URLSearchParams | string | null | undefined): FigureState {
  return parseState(FIGURE_FIELDS, input);
}

/** The query string for a figure state (without "?"), defaults omitted. */
export function serialiseFigureState(state: FigureState, into?: URLSearchParams): string {
  return writeState(FIGURE_FIELDS, state, into).toString();
}

/** A valid figure state from a patch a control produced (clamped to range, snapped to step). */
export function updateFigureState(state: FigureState, patch: Partial<Record<keyof FigureState, unknown>>): FigureState {
  return coerceState(FIGURE_FIELDS, patch, state);
}
