/**
 * The one place the anchor map writes the page URL. It is kept apart so that
 * the site's single URL writer (src/elements/url-sync.ts, being built at the
 * same time) can replace this body at merge; the state itself is declared with
 * the shared field table in src/lib/state/anchor-map-state.ts.
 */
import { writeAnchorMapState, type AnchorMapState } from "../lib/state/anchor-map-state";
import { afterQuiet } from "./frame";

let latest: AnchorMapState | null = null;

// replaceState is costly and throttled by Chromium in floods; write once the reader pauses.
const flush = afterQuiet(250, () => {
  if (!latest) return;
  const url = new URL(location.href);
  const params = writeAnchorMapState(latest, new URLSearchParams(url.search));
  const search = params.toString();
  url.search = search ? `?${search}` : "";
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
});

export function writeAnchorMapUrl(state: AnchorMapState): void {
  latest = state;
  flush();
}
