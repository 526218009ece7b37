/**
 * One store per state family per page, shared by every island of that family
 * (a keyed registry, as Starlight syncs its tabs): moving γ in one figure
 * moves it in all of them. A store holds only valid states (every patch goes
 * through the family's coerce), starts from the page URL, and the URL mirrors
 * it (url-sync.ts), so every view is a link.
 */
import type { Schema, StateDefinition, StateOf } from "../lib/state/state";
import { syncToUrl } from "./url-sync";

/**
 * The URL is rewritten once the state has not changed for this long. Each rewrite costs the page
 * far more than a frame (a same-document navigation, on which Chromium also fetches and decodes
 * the favicon again: about 100 ms at 4× CPU throttling in tests/bench/slider-input-to-paint.ts),
 * so a reader's pause mid-drag must not trigger one; what reads the address flushes first.
 */
export const URL_WRITE_DELAY_MS = 1000;

type Listener<T> = (state: T, source: unknown) => void;

export interface Store<T> {
  readonly state: T;
  /** Applies a patch from a control (clamped and snapped by the state table); `source` is passed to listeners. */
  update(patch: Partial<Record<keyof T, unknown>>, source?: unknown): void;
  subscribe(listener: Listener<T>): () => void;
}

export function createStore<S extends Schema>(family: StateDefinition<S>, initial: StateOf<S>): Store<StateOf<S>> {
  let state = initial;
  const listeners = new Set<Listener<StateOf<S>>>();
  return {
    get state() {
      return state;
    },
    update(patch, source) {
      const next = family.coerce(patch, state);
      if (family.equals(next, state)) return;
      state = next;
      for (const listener of listeners) listener(state, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const KEY = Symbol.for("focal-loss.page-stores");
type WithStores = typeof globalThis & { [KEY]?: Map<string, Store<unknown>> };

/**
 * The page's store of a family, created from the URL on first use and
 * mirrored into it. Families are keyed by prefix; the first island of a
 * family fixes its defaults (a figure built from a preset passes
 * `family.withDefaults(built)`).
 */
export function pageStore<S extends Schema>(family: StateDefinition<S>): Store<StateOf<S>> {
  const g = globalThis as WithStores;
  const stores = (g[KEY] ??= new Map());
  let store = stores.get(family.prefix) as Store<StateOf<S>> | undefined;
  if (!store) {
    store = createStore(family, family.parse(location.search));
    syncToUrl(store, family, { debounce: URL_WRITE_DELAY_MS });
    stores.set(family.prefix, store as Store<unknown>);
  }
  return store;
}
