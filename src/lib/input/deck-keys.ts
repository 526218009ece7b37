/**
 * What an embedded figure does with a key press, so a click into a live
 * figure does not take a slide deck's keys away (src/elements/forward-deck-keys.ts
 * posts forwarded keys to the host page). A deck moves through slides with the
 * keys a slider uses, plus Escape and space.
 */
import { isSliderKey } from "./slider-keys";

/** A key press, as the frame sees it once its own controls have had it. */
export interface DeckKeyPress {
  /** a KeyboardEvent.key value */
  key: string;
  /** Alt, Ctrl or Meta held: a browser or system shortcut, never a slide change */
  modified: boolean;
  /** a control in the frame used the key (it called preventDefault, or is a field, menu or native slider) */
  used: boolean;
  /** the focus is on something space presses: a button, a link, a disclosure */
  pressable: boolean;
}

/**
 * "keep": the frame keeps the key; "forward": hand it to the host page and
 * stop the frame from scrolling under the slide change; "release": Escape,
 * which hands the keys back even from a control that used it, and scrolls nothing.
 */
export type DeckKeyAction = "keep" | "forward" | "release";

export function isDeckKey(key: string): boolean {
  return isSliderKey(key) || key === "Escape" || key === " ";
}

export function deckKeyAction({ key, modified, used, pressable }: DeckKeyPress): DeckKeyAction {
  if (!isDeckKey(key) || modified) return "keep";
  if (key === "Escape") return "release";
  if (used) return "keep";
  if (key === " " && pressable) return "keep";
  return "forward";
}
