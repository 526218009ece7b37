/**
 * Every family of state on the site, by name: the list that the state
 * properties (parse never throws, every state round-trips through its URL,
 * no two families claim one parameter) run over, so a new family is checked
 * the moment it is listed here.
 */
import { BUDGET_STATE } from "./budget-controls";
import { LOSS_STATE, TABLE_STATE } from "./calculator-state";
import { EMBED_STATE, STANDALONE_STATE } from "./embed-params";
import { FORMULA_STATE } from "./formula-state";
import { ANCHOR_MAP_STATE } from "./anchor-map-state";
import { DETECTOR_LAB_STATE } from "./detector-lab-state";
import { LAB_STATE } from "./lab-state";
import { FIGURE_STATE, type Schema, type StateDefinition } from "./state";

/** Families whose state lives in the page URL (STANDALONE_STATE is EMBED_STATE's table, read from attributes). */
export const URL_FAMILIES = {
  figure: FIGURE_STATE,
  formula: FORMULA_STATE,
  loss: LOSS_STATE,
  table: TABLE_STATE,
  lab: LAB_STATE,
  detector: DETECTOR_LAB_STATE,
  anchors: ANCHOR_MAP_STATE,
  budget: BUDGET_STATE,
  embed: EMBED_STATE,
} as const satisfies Record<string, StateDefinition<Schema>>;

export const STATE_FAMILIES = { ...URL_FAMILIES, standalone: STANDALONE_STATE } as const satisfies Record<
  string,
  StateDefinition<Schema>
>;
