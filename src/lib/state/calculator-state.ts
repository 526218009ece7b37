/**
 * The two calculators' state tables. Numbers keep the precision the reader
 * typed (no slider grid), γ goes to 10, and the parameter names carry a
 * prefix (`loss.`, `table.`) so a calculator and a figure on the same page
 * never read each other's γ.
 */
import { articleScenarios, ARTICLE_ALPHA, ARTICLE_GAMMA } from "../article/article-values";
import type { Label } from "../math/loss";
import { ALPHA, CLASS_COUNT, CLASS_INDEX, GAMMA_CALCULATOR, LOGIT, P } from "./ranges";
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

/** The calculator's two modes: one sigmoid output (p and a class y), or a softmax over K logits. */
export const LOSS_MODES = ["binary", "softmax"] as const;
export type LossMode = (typeof LOSS_MODES)[number];

/**
 * The multi-class mode's first example: three logits, the first class true.
 * Its p_t is about 0.66, far enough from 1 that the modulating factor and
 * every gradient are printable at four decimals.
 */
const SOFTMAX_EXAMPLE = { logits: [{ z: 2 }, { z: 1 }, { z: 0.1 }], target: 0 } as const;

/** A softmax needs two logits and a true class among them; a URL that breaks this falls back to the example. */
function fitSoftmax<S extends { logits: Array<{ z: number }>; target: number }>(state: S): S {
  const logits = state.logits.length >= CLASS_COUNT.min ? state.logits : SOFTMAX_EXAMPLE.logits.map((l) => ({ ...l }));
  const target = state.target < logits.length ? state.target : SOFTMAX_EXAMPLE.target;
  return logits === state.logits && target === state.target ? state : { ...state, logits, target };
}

/**
 * The article's first worked example (a foreground example with p = 0.95,
 * α = 0.25, γ = 2) in binary mode; in softmax mode, the logits and the true
 * class, with the same α (a scalar on the true class) and γ.
 */
export const LOSS_STATE = defineState(
  {
    mode: enumField("mode", LOSS_MODES, "binary"),
    p: numberField("p", P, { defaultValue: 0.95, ...typed }),
    y: enumField("y", LABELS, 1),
    logits: listField(
      "logits",
      { z: numberField("z", LOGIT, { defaultValue: 0, ...typed }) },
      { defaultValue: SOFTMAX_EXAMPLE.logits, maxItems: CLASS_COUNT.max },
    ),
    target: numberField("class", CLASS_INDEX, { defaultValue: SOFTMAX_EXAMPLE.target }),
    alpha: optionalNumberField("alpha", ALPHA, { defaultValue: ARTICLE_ALPHA, ...typed }),
    gamma: numberField("gamma", GAMMA_CALCULATOR, { defaultValue: ARTICLE_GAMMA, ...typed }),
  },
  { prefix: "loss.", normalise: fitSoftmax },
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
