/**
 * The figure state of a standalone element (a figure on someone else's page):
 * its attributes, read by the same field table as the site's URLs, so
 * `gamma="abc"` falls back exactly as `?gamma=abc` does. A control writes the
 * attribute back, so the attribute always says what the chart shows; there is
 * no page URL to read or write.
 */
import { FIGURE_FIELDS, FIGURE_STATE, updateFigureState, type FigureState } from "../../lib/state/state";
import type { FigureStore } from "../figure-store";

/** Field → attribute: the state table's attribute names (y-scale, not yscale), turned round for writing back. */
const ATTRIBUTE_OF_FIELD = Object.fromEntries(
  Object.entries(FIGURE_STATE.attributes).map(([name, key]) => [key, name]),
) as Record<keyof FigureState, string>;

/** The attributes the state is read from. */
export const STATE_ATTRIBUTES: readonly string[] = Object.keys(FIGURE_STATE.attributes);

export interface AttributeStore extends FigureStore {
  /** an attribute changed: read the state again and tell the listeners if it differs */
  attributesChanged(): void;
}

function readState(el: Element): FigureState {
  return FIGURE_STATE.fromAttributes((name) => el.getAttribute(name));
}

const same = (a: FigureState, b: FigureState) =>
  (Object.keys(a) as Array<keyof FigureState>).every((k) => a[k] === b[k]);

export function attributeStore(el: Element): AttributeStore {
  let state = readState(el);
  const listeners = new Set<(state: FigureState, source: unknown) => void>();
  let source: unknown;
  return {
    get state() {
      return state;
    },
    update(patch, from) {
      const next = updateFigureState(state, patch);
      source = from;
      // Each write comes back through attributesChanged; only the fields the patch named are written.
      for (const key of Object.keys(patch) as Array<keyof FigureState>) {
        if (next[key] !== state[key])
          el.setAttribute(ATTRIBUTE_OF_FIELD[key], (FIGURE_FIELDS[key].serialise as (v: unknown) => string)(next[key]));
      }
      source = undefined;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attributesChanged() {
      const next = readState(el);
      if (same(next, state)) return;
      state = next;
      for (const listener of listeners) listener(state, source);
    },
  };
}
