import { describe, expect, it } from "vitest";
import { arrowDirection, boxKeyAction } from "../../../../src/lib/input/box-keys";

const box = { x0: 100, y0: 50, x1: 140, y1: 90 };

describe("arrowDirection: screen coordinates, y down", () => {
  it.each([
    ["ArrowRight", { dx: 1, dy: 0 }],
    ["ArrowLeft", { dx: -1, dy: 0 }],
    ["ArrowUp", { dx: 0, dy: -1 }],
    ["ArrowDown", { dx: 0, dy: 1 }],
  ])("%s points %o", (key, d) => expect(arrowDirection(key)).toEqual(d));

  it("is null for keys that are not arrows", () => {
    for (const key of ["PageUp", "Home", "a", "Enter", "Arrow"]) expect(arrowDirection(key)).toBeNull();
  });
});

describe("boxKeyAction", () => {
  it("moves the whole box by one step per arrow", () => {
    expect(boxKeyAction("ArrowRight", box, 8)).toEqual({ kind: "move", box: { x0: 108, y0: 50, x1: 148, y1: 90 } });
    expect(boxKeyAction("ArrowUp", box, 8)).toEqual({ kind: "move", box: { x0: 100, y0: 42, x1: 140, y1: 82 } });
  });

  it("with Shift moves only the bottom-right corner (a resize)", () => {
    expect(boxKeyAction("ArrowDown", box, 8, { shift: true })).toEqual({
      kind: "move",
      box: { x0: 100, y0: 50, x1: 140, y1: 98 },
    });
    expect(boxKeyAction("ArrowLeft", box, 8, { shift: true })).toEqual({
      kind: "move",
      box: { x0: 100, y0: 50, x1: 132, y1: 90 },
    });
  });

  it("removes the box on Delete and Backspace, and ignores every other key", () => {
    expect(boxKeyAction("Delete", box, 8)).toEqual({ kind: "remove" });
    expect(boxKeyAction("Backspace", box, 8)).toEqual({ kind: "remove" });
    expect(boxKeyAction("Home", box, 8)).toBeNull();
    expect(boxKeyAction("x", box, 8)).toBeNull();
  });
});
