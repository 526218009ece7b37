/**
 * The one URL writer: mirrors a store into the page's query string, in place
 * (no history entry per change; the fragment and other families' parameters
 * stay). Only this module touches location and history.
 */
import type { Schema, StateDefinition, StateOf } from "../lib/state/state";
import type { Store } from "./page-store";
import { afterQuiet } from "./frame";

export interface SyncOptions {
  /** write once the state has been still this long (ms); 0 writes on every change */
  debounce: number;
}

export function syncToUrl<S extends Schema>(
  store: Store<StateOf<S>>,
  family: StateDefinition<S>,
  { debounce }: SyncOptions,
): () => void {
  const write = () => {
    const url = new URL(location.href);
    family.write(store.state, url.searchParams);
    // Replacing the entry is a synchronous round trip to the browser process (the costliest call of a
    // slider drag when profiled) and Chromium throttles floods of it: hence the debounce, and no call when nothing changed.
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  };
  return store.subscribe(debounce > 0 ? afterQuiet(debounce, write) : write);
}
