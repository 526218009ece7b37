/**
 * The message an embedded figure posts to its host page for a key no control
 * in the frame used (src/elements/embed-host.ts), so a slide deck keeps its
 * keys after a click into a live figure: { type: KEY_MESSAGE, key }, key
 * being a KeyboardEvent.key value such as "ArrowRight" or "Escape".
 */
export const KEY_MESSAGE = "focal-loss:key";

export interface KeyMessage {
  type: typeof KEY_MESSAGE;
  key: string;
}

/** Whether a posted message is a key message (messages come from any frame: check the shape, trust nothing else). */
export function isKeyMessage(data: unknown): data is KeyMessage {
  if (typeof data !== "object" || data === null) return false;
  const { type, key } = data as { type?: unknown; key?: unknown };
  return type === KEY_MESSAGE && typeof key === "string" && key.length <= 16;
}
