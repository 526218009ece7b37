/**
 * A click into a figure must not take a slide deck's keys away, however the
 * figure is embedded.
 *
 * - In a frame (the embed route, embed-host.ts; the standalone elements on a
 *   page that asks with <html data-deck-keys>: the offline file as a deck's
 *   iframe or background):
 *   each deck key no control used goes to the parent page as
 *   { type: "focal-loss:key", key } (src/lib/embed/key-message.ts).
 * - On the deck's own page (the web component): the deck sees every key, but
 *   not those a control inside the element's shadow root is using (reveal.js
 *   ignores keys while an <input> is focused, and cannot see one in a shadow root).
 *
 * In both, Escape hands the keys back to the deck, and after a mouse click
 * nothing keeps the focus but a field that is typed into.
 */
import { KEY_MESSAGE } from "../lib/embed/key-message";
import { deckKeyAction } from "../lib/input/deck-keys";

const FIELD = "input, select, textarea, [contenteditable]:not([contenteditable='false'])";
const TYPED_INTO =
  "input:not([type=range]):not([type=checkbox]):not([type=radio]), select, textarea, [contenteditable]:not([contenteditable='false'])";

/** The element a key press starts at, inside shadow roots too. */
function origin(event: Event): Element | null {
  const first = event.composedPath()[0] ?? event.target;
  return first instanceof Element ? first : null;
}

/** A control that uses arrow (and Home/End/Page/space) keys itself by default, without preventDefault: sliders, fields, menus, radios. */
function usesKeysNatively(target: Element | null): boolean {
  return target !== null && target.closest(FIELD) !== null;
}

/** The focused element, looked for through open shadow roots. */
function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  const active = root.activeElement;
  return active?.shadowRoot?.activeElement ? deepActiveElement(active.shadowRoot) : active;
}

function blurFocused(): void {
  const active = deepActiveElement();
  if (active instanceof HTMLElement || active instanceof SVGElement) active.blur();
}

/**
 * A mouse click (a presenter moving γ, or pointing at the plot) leaves focus
 * on the slider or the chart, whose arrow keys would then move γ or the
 * crosshair instead of the slide. Keyboard focus (Tab) is left alone, so a
 * keyboard reader still scrubs the chart and steps the slider with arrows.
 */
function releaseAfterMouse(target: EventTarget): void {
  target.addEventListener("pointerup", (event) => {
    if ((event as PointerEvent).pointerType !== "mouse") return;
    // Synchronously: a key pressed right after the click must already find nothing focused.
    const active = deepActiveElement();
    if (!active || active === document.body || active.matches(TYPED_INTO)) return;
    blurFocused();
  });
}

let forwarding = false;

/**
 * Inside a frame, posts each deck key that nothing here used to the parent and
 * blurs the focused control, so the host page can act on it (the demo deck
 * changes slide). A control that used the key (a focused slider moving γ, a
 * chart's crosshair calling preventDefault) keeps it, except Escape, which
 * always hands the keys back. Listening on window in the bubble phase lets
 * every element's own handler run first.
 */
export function forwardUnusedKeys(): void {
  // Once per page, whichever script asks first.
  if (window.parent === window || forwarding) return;
  forwarding = true;
  window.addEventListener("keydown", (event) => {
    const target = origin(event);
    const action = deckKeyAction({
      key: event.key,
      modified: event.altKey || event.ctrlKey || event.metaKey,
      used: event.defaultPrevented || usesKeysNatively(target),
      pressable: target !== null && target.closest("button, a[href], summary") !== null,
    });
    if (action === "keep") return;
    if (action === "forward") event.preventDefault(); // no scrolling of the frame under a slide change
    window.parent.postMessage({ type: KEY_MESSAGE, key: event.key }, "*");
    blurFocused();
  });
  releaseAfterMouse(window);
}

/**
 * On the deck's own page: a key a control inside `root` used stops at the
 * element (the deck does not move as well as γ); Escape blurs the control and
 * stops there too, so the next key is the deck's.
 */
export function shareKeysWithPage(root: ShadowRoot): void {
  root.addEventListener("keydown", (event) => {
    const key = event as KeyboardEvent;
    if (key.key === "Escape") {
      blurFocused();
      key.stopPropagation();
    } else if (key.defaultPrevented || usesKeysNatively(origin(key))) key.stopPropagation();
  });
  releaseAfterMouse(root);
}
