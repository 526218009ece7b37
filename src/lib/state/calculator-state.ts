/**
 * The two calculators' state tables. Numbers keep the precision the reader
 * typed (no slider grid), γ goes to 10, and the parameter names carry a
 * prefix (`loss.`, `table.`) so a calculator and a figure on the same page
 * never read each other's γ.
 */
import { articleScenarios, ARTICLE_ALPHA, ARTICLE_GAMMA } from "../article/article-values";
import type { Label } from "../math/loss";
import { ALPHA, GAMMA_CALCULATOR, P } from "./ranges";
import { defineState, enumField, listField, numberField, optionalNumberField, type StateOf } from "./state";

const LABELS = [1, 0] as const satisfies readonly Label[];

/** The article's six examples: each scenario's foreground and background example. */
export function articleRows(): Array<{ y: Label; p: number }> {
  return articleScenarios.flatMap((s): Array<{ y: Label; p: number }> => [
    { y: 1, p: s.foregroundP },
    { y: 0, p: s.backgroundP },
  ]);
}

/** More rows than fit a slide; a longer list in a URL is a mistake or hostile. */
export const MAX_ROWS = 20;

const typed = { snap: false } as const;

/** The article's first worked example: a foreground example with p = 0.95, α = 0.25, γ = 2. */
export const LOSS_STATE = defineState(
  {
    p: numberField("p", P, { defaultValue: 0.95, ...typed }),
    y: enumField("y", LABELS, 1),
    alpha: optionalNumberField("alpha", ALPHA, { defaultValue: ARTICLE_ALPHA, ...typed }),
    gamma: numberField("gamma", GAMMA_CALCULATOR, { defaultValue: ARTICLE_GAMMA, ...typed }),
  },
  { prefix: "loss." },
);

const ROW_FIELDS = {
  y: enumField("y", LABELS, 1),
  p: numberField("p", P, { defaultValue: 0.5, ...typed }),
};

/** The article's α, γ and six examples. */
export const TABLE_STATE = defineState(
  {
    alpha: optionalNumberField("alpha", ALPHA, { defaultValue: ARTICLE_ALPHA, ...typed }),
    gamma: numberField("gamma", GAMMA_CALCULATOR, { defaultValue: ARTICLE_GAMMA, ...typed }),
    rows: listField("rows", ROW_FIELDS, { defaultValue: articleRows(), maxItems: MAX_ROWS }),
  },
  { prefix: "table." },
);

export type LossCalculatorState = StateOf<typeof LOSS_STATE.fields>;
export type ScenarioCalculatorState = StateOf<typeof TABLE_STATE.fields>;
export type ScenarioRow = ScenarioCalculatorState["rows"][number];

export const DEFAULT_LOSS_STATE: Readonly<LossCalculatorState> = Object.freeze({ ...LOSS_STATE.defaults });

/** A fresh copy of the table's defaults (the rows are the reader's to edit). */
export function defaultScenarioState(): ScenarioCalculatorState {
  const d = TABLE_STATE.defaults;
  return { ...d, rows: d.rows.map((r) => ({ ...r })) };
}
