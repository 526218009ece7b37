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

/** Writes waiting for their quiet time: whatever reads the address now (a "copy link") flushes them first. */
const pending = new Set<() => void>();

/** Writes every state change still waiting for its debounce, so location matches every store. */
export function flushUrlWrites(): void {
  for (const write of [...pending]) write();
}

export function syncToUrl<S extends Schema>(
  store: Store<StateOf<S>>,
  family: StateDefinition<S>,
  { debounce }: SyncOptions,
): () => void {
  const write = () => {
    pending.delete(write);
    const url = new URL(location.href);
    family.write(store.state, url.searchParams);
    // Replacing the entry is a synchronous round trip to the browser process (the costliest call of a
    // slider drag when profiled) and Chromium throttles floods of it: hence the debounce, and no call when nothing changed.
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  };
  if (debounce <= 0) return store.subscribe(write);
  const later = afterQuiet(debounce, write);
  return store.subscribe(() => {
    pending.add(write);
    later();
  });
}
