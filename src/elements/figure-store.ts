/**
 * The live figures' store: the page store of the figure family (γ, α, the
 * loss axis, the example markers), shared by every figure and the live formula.
 */
import { FIGURE_STATE, type FigureState } from "../lib/state/state";
import { pageStore, type Store } from "./page-store";

export type FigureStore = Store<FigureState>;

export function figureStore(): FigureStore {
  return pageStore(FIGURE_STATE);
}
