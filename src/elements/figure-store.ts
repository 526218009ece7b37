/**
 * One figure state per page, shared by every live figure on it (a keyed
 * registry, as Starlight syncs its tabs): moving γ in one figure moves it in
 * all of them. The page URL mirrors the state, so every view is a link; only
 * this module touches location and history.
 */
import { parseFigureState, serialiseFigureState, updateFigureState, type FigureState } from "../lib/state/state";
import { afterQuiet } from "./frame";

/** The URL is rewritten once the state has not changed for this long. */
export const URL_WRITE_DELAY_MS = 250;

type Listener = (state: FigureState, source: unknown) => void;

export interface FigureStore {
  readonly state: FigureState;
  /** Applies a patch from a control (clamped and snapped by the state module); `source` is passed to listeners. */
  update(patch: Partial<Record<keyof FigureState, unknown>>, source?: unknown): void;
  subscribe(listener: Listener): () => void;
}

function createStore(initial: FigureState): FigureStore {
  let state = initial;
  const listeners = new Set<Listener>();
  // history.replaceState is a synchronous round trip to the browser process (the costliest call of a
  // slider drag when profiled) and Chromium throttles floods of it, so the URL is written once the
  // reader pauses, not while a drag is going on.
  const writeUrl = afterQuiet(URL_WRITE_DELAY_MS, () => {
    const url = new URL(location.href);
    const params = new URLSearchParams(url.search);
    serialiseFigureState(state, params);
    const search = params.toString();
    url.search = search ? `?${search}` : "";
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  });
  return {
    get state() {
      return state;
    },
    update(patch, source) {
      const next = updateFigureState(state, patch);
      const changed = (Object.keys(next) as Array<keyof FigureState>).some((k) => next[k] !== state[k]);
      if (!changed) return;
      state = next;
      for (const listener of listeners) listener(state, source);
      writeUrl();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const KEY = Symbol.for("focal-loss.figure-store");
type WithStore = typeof globalThis & { [KEY]?: FigureStore };

/** The page's figure store, created from the URL on first use. */
export function figureStore(): FigureStore {
  const g = globalThis as WithStore;
  g[KEY] ??= createStore(parseFigureState(location.search));
  return g[KEY];
}
