import { describe, expect, it } from "vitest";
import { isKeyMessage } from "../../../../src/lib/embed/key-message";

describe("isKeyMessage", () => {
  it("accepts the embed's key message", () => {
    expect(isKeyMessage({ type: "focal-loss:key", key: "ArrowLeft" })).toBe(true);
    expect(isKeyMessage({ type: "focal-loss:key", key: " " })).toBe(true);
  });

  it.each([
    ["another message type", { type: "focal-loss:ready", key: "ArrowLeft" }],
    ["a key that is not a string", { type: "focal-loss:key", key: 37 }],
    ["no key", { type: "focal-loss:key" }],
    ["a string far longer than any KeyboardEvent.key", { type: "focal-loss:key", key: "x".repeat(100) }],
    ["null", null],
    ["a string", "focal-loss:key"],
  ])("rejects %s", (_, data) => {
    expect(isKeyMessage(data)).toBe(false);
  });
});
