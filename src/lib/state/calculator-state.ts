/**
 * The two calculators' state as values, and their URL form. Parsing never
 * throws: a missing, malformed or out-of-range parameter falls back to that
 * field's default on its own, so one bad value does not cost the reader the
 * rest. Parameter names carry a prefix (`loss.`, `table.`) so a calculator and
 * a figure on the same page never read each other's γ.
 */
import { articleScenarios, ARTICLE_ALPHA, ARTICLE_GAMMA } from "../article/article-values";
import type { Alpha, Label } from "../math/loss";
import { ALPHA_FIELD, formatInputValue, GAMMA_FIELD, P_FIELD, parseNumberInput, type NumberFieldSpec } from "./number-input";
import { toParams } from "./state";

export interface LossCalculatorState {
  p: number;
  y: Label;
  alpha: Alpha;
  gamma: number;
}

export interface ScenarioRow {
  y: Label;
  p: number;
}

export interface ScenarioCalculatorState {
  alpha: Alpha;
  gamma: number;
  rows: ScenarioRow[];
}

/** The article's first worked example: a foreground example with p = 0.95, α = 0.25, γ = 2. */
export const DEFAULT_LOSS_STATE: Readonly<LossCalculatorState> = Object.freeze({
  p: 0.95,
  y: 1,
  alpha: ARTICLE_ALPHA,
  gamma: ARTICLE_GAMMA,
});

/** The article's six examples: each scenario's foreground and background example. */
export function articleRows(): ScenarioRow[] {
  return articleScenarios.flatMap((s): ScenarioRow[] => [
    { y: 1, p: s.foregroundP },
    { y: 0, p: s.backgroundP },
  ]);
}

export function defaultScenarioState(): ScenarioCalculatorState {
  return { alpha: ARTICLE_ALPHA, gamma: ARTICLE_GAMMA, rows: articleRows() };
}

export const LOSS_PARAMS = { p: "loss.p", y: "loss.y", alpha: "loss.alpha", gamma: "loss.gamma" } as const;
export const TABLE_PARAMS = { alpha: "table.alpha", gamma: "table.gamma", rows: "table.rows" } as const;

/** More rows than fit a slide; a longer list in a URL is a mistake or hostile. */
export const MAX_ROWS = 20;
/** Longest parameter value we read at all. */
const MAX_PARAM_LENGTH = 40;
const MAX_ROWS_PARAM_LENGTH = MAX_ROWS * 24;
const ALPHA_OFF = "off";
const NO_ROWS = "none";

function readNumber(raw: string | null, spec: NumberFieldSpec): number | undefined {
  if (raw === null || raw.length > MAX_PARAM_LENGTH) return undefined;
  const parsed = parseNumberInput(raw, spec);
  return parsed.ok ? parsed.value : undefined;
}

function readLabel(raw: string | null): Label | undefined {
  if (raw === "1") return 1;
  if (raw === "0") return 0;
  return undefined;
}

function readAlpha(raw: string | null): Alpha | undefined {
  if (raw === ALPHA_OFF) return null;
  return readNumber(raw, ALPHA_FIELD);
}

/** `??` would treat α = null ("off") as missing. */
function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

function writeAlpha(alpha: Alpha): string {
  return alpha === null ? ALPHA_OFF : formatInputValue(alpha);
}

/** Rows as `y:p` pairs, e.g. `1:0.95,0:0.05`; unreadable pairs are dropped, an unreadable list gives the default. */
function readRows(raw: string | null): ScenarioRow[] | undefined {
  if (raw === null || raw.length > MAX_ROWS_PARAM_LENGTH) return undefined;
  if (raw === NO_ROWS) return [];
  const rows: ScenarioRow[] = [];
  for (const pair of raw.split(",").slice(0, MAX_ROWS)) {
    const [yText, pText, extra] = pair.split(":");
    const y = readLabel(yText ?? null);
    const p = readNumber(pText ?? null, P_FIELD);
    if (y !== undefined && p !== undefined && extra === undefined) rows.push({ y, p });
  }
  return rows.length > 0 ? rows : undefined;
}

function writeRows(rows: readonly ScenarioRow[]): string {
  if (rows.length === 0) return NO_ROWS;
  return rows.map((r) => `${r.y}:${formatInputValue(r.p)}`).join(",");
}

function sameRows(a: readonly ScenarioRow[], b: readonly ScenarioRow[]): boolean {
  return a.length === b.length && a.every((r, i) => r.y === b[i]!.y && r.p === b[i]!.p);
}

function setOrDelete(params: URLSearchParams, name: string, value: string, isDefault: boolean): void {
  if (isDefault) params.delete(name);
  else params.set(name, value);
}

/** Loss-calculator state from a query string; never throws, never out of range. */
export function parseLossState(input: URLSearchParams | string | null | undefined): LossCalculatorState {
  const params = toParams(input);
  const d = DEFAULT_LOSS_STATE;
  return {
    p: readNumber(params.get(LOSS_PARAMS.p), P_FIELD) ?? d.p,
    y: readLabel(params.get(LOSS_PARAMS.y)) ?? d.y,
    alpha: orDefault(readAlpha(params.get(LOSS_PARAMS.alpha)), d.alpha),
    gamma: readNumber(params.get(LOSS_PARAMS.gamma), GAMMA_FIELD) ?? d.gamma,
  };
}

/** Writes the loss-calculator state into `into` (other parameters kept), defaults omitted. */
export function serialiseLossState(state: LossCalculatorState, into = new URLSearchParams()): URLSearchParams {
  const d = DEFAULT_LOSS_STATE;
  setOrDelete(into, LOSS_PARAMS.p, formatInputValue(state.p), state.p === d.p);
  setOrDelete(into, LOSS_PARAMS.y, String(state.y), state.y === d.y);
  setOrDelete(into, LOSS_PARAMS.alpha, writeAlpha(state.alpha), state.alpha === d.alpha);
  setOrDelete(into, LOSS_PARAMS.gamma, formatInputValue(state.gamma), state.gamma === d.gamma);
  return into;
}

/** Scenario-table state from a query string; never throws, never out of range. */
export function parseScenarioState(input: URLSearchParams | string | null | undefined): ScenarioCalculatorState {
  const params = toParams(input);
  const d = defaultScenarioState();
  return {
    alpha: orDefault(readAlpha(params.get(TABLE_PARAMS.alpha)), d.alpha),
    gamma: readNumber(params.get(TABLE_PARAMS.gamma), GAMMA_FIELD) ?? d.gamma,
    rows: readRows(params.get(TABLE_PARAMS.rows)) ?? d.rows,
  };
}

/** Writes the scenario-table state into `into` (other parameters kept), defaults omitted. */
export function serialiseScenarioState(state: ScenarioCalculatorState, into = new URLSearchParams()): URLSearchParams {
  const d = defaultScenarioState();
  setOrDelete(into, TABLE_PARAMS.alpha, writeAlpha(state.alpha), state.alpha === d.alpha);
  setOrDelete(into, TABLE_PARAMS.gamma, formatInputValue(state.gamma), state.gamma === d.gamma);
  setOrDelete(into, TABLE_PARAMS.rows, writeRows(state.rows), sameRows(state.rows, d.rows));
  return into;
}
