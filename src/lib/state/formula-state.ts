/**
 * The live formula's own state: the p_t it is evaluated at (its γ and α are
 * the figures'). The element's data-pt gives the value it was typeset with;
 * a reader's p_t goes into the URL like every other island's state.
 */
import { FORMULA_DEFAULT_PT } from "../views/live-formula";
import { PT_SLIDER } from "./ranges";
import { defineState, numberField, type StateOf } from "./state";

export const FORMULA_STATE = defineState(
  { pt: numberField("pt", PT_SLIDER, { defaultValue: FORMULA_DEFAULT_PT }) },
  { prefix: "formula.", attributes: { "data-pt": "pt" } },
);

export type FormulaState = StateOf<typeof FORMULA_STATE.fields>;
