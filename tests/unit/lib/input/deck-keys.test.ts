import { describe, expect, it } from "vitest";
import { deckKeyAction, isDeckKey, type DeckKeyPress } from "../../../../src/lib/input/deck-keys";

const press = (key: string, over: Partial<DeckKeyPress> = {}): DeckKeyPress => ({
  key,
  modified: false,
  used: false,
  pressable: false,
  ...over,
});

describe("isDeckKey", () => {
  it.each(["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", "Escape", " "])(
    "%j moves a deck",
    (key) => expect(isDeckKey(key)).toBe(true),
  );

  it.each(["Enter", "Tab", "a", "b", "F5", "Shift", "", "constructor", "toString"])("%j does not", (key) =>
    expect(isDeckKey(key)).toBe(false),
  );
});

describe("deckKeyAction", () => {
  it("forwards a deck key nothing in the frame used", () => {
    expect(deckKeyAction(press("ArrowRight"))).toBe("forward");
    expect(deckKeyAction(press("PageDown"))).toBe("forward");
    expect(deckKeyAction(press(" "))).toBe("forward");
  });

  it("leaves a key a control used (a focused slider, a chart's crosshair) to the frame", () => {
    expect(deckKeyAction(press("ArrowRight", { used: true }))).toBe("keep");
    expect(deckKeyAction(press("Home", { used: true }))).toBe("keep");
  });

  it("releases Escape even from a control that used it, without stopping its default", () => {
    expect(deckKeyAction(press("Escape"))).toBe("release");
    expect(deckKeyAction(press("Escape", { used: true }))).toBe("release");
  });

  it("lets space press a focused button, link or disclosure, but forwards arrows from them", () => {
    expect(deckKeyAction(press(" ", { pressable: true }))).toBe("keep");
    expect(deckKeyAction(press("ArrowLeft", { pressable: true }))).toBe("forward");
  });

  it("keeps shortcuts with Alt, Ctrl or Meta, Escape included, and keys a deck does not use", () => {
    expect(deckKeyAction(press("ArrowRight", { modified: true }))).toBe("keep");
    expect(deckKeyAction(press("Escape", { modified: true }))).toBe("keep");
    expect(deckKeyAction(press("Enter"))).toBe("keep");
  });
});
