import { describe, expect, it } from "vitest";
import { keyboardProblems, type FocusStop, type KeyboardWalk } from "../../audit/support/keyboard-walk";

const stop = (label: string, extra: Partial<FocusStop> = {}): FocusStop => ({
  index: 0,
  label,
  tabbable: true,
  scroller: false,
  focusVisible: true,
  indicator: "outline 3px",
  onScreen: true,
  kind: null,
  ...extra,
});
const good: KeyboardWalk = {
  stops: [
    stop('a.skip-link "Skip to content"'),
    stop('button.theme-toggle "Switch to dark theme"', { kind: "toggle" }),
  ],
  unreached: [],
  inOrder: true,
  inoperable: [],
};

describe("keyboardProblems", () => {
  it("passes a walk where every control is reached in order, visibly focused and operable", () => {
    expect(keyboardProblems(good)).toEqual([]);
  });

  it("fails a control whose focus shows nothing", () => {
    const walk = { ...good, stops: [stop("a.site-title", { indicator: null })] };
    expect(keyboardProblems(walk)).toEqual(["no visible focus indicator on a.site-title"]);
  });

  it("fails focus that is not :focus-visible, focus off screen, and unreachable controls", () => {
    const walk: KeyboardWalk = {
      stops: [stop("a.skip-link", { focusVisible: false, onScreen: false })],
      unreached: ['input "gamma"'],
      inOrder: false,
      inoperable: ["input (slider: ArrowRight/ArrowLeft changed nothing)"],
    };
    expect(keyboardProblems(walk)).toEqual([
      "no visible focus indicator on a.skip-link",
      "a.skip-link has focus but is off screen",
      'Tab never reaches input "gamma"',
      "Tab order differs from document order",
      "input (slider: ArrowRight/ArrowLeft changed nothing)",
    ]);
  });

  it("accepts a scroll container Chromium makes focusable, but not a stray non-control stop", () => {
    expect(
      keyboardProblems({ ...good, stops: [stop("div.table-scroll", { tabbable: false, scroller: true })] }),
    ).toEqual([]);
    expect(keyboardProblems({ ...good, stops: [stop("div.card", { tabbable: false })] })).toEqual([
      "Tab stops on div.card, which is not a control",
    ]);
  });
});
