import { describe, expect, it } from "vitest";
import {
  BUDGETS,
  KB,
  imageProblems,
  layoutShiftProblems,
  weightProblems,
  type PageWeight,
} from "../../support/budgets";

const textPage: PageWeight = {
  page: "/why-focal-loss/",
  interactive: false,
  jsGzip: 0,
  themeScriptGzip: 520,
  cssGzip: 6 * KB,
};

describe("weightProblems", () => {
  it("passes a text page that ships only the theme script", () => {
    expect(weightProblems(textPage)).toEqual([]);
  });

  it("fails a text page that ships any other JavaScript, even one byte", () => {
    expect(weightProblems({ ...textPage, jsGzip: 1 })).toEqual([
      "/why-focal-loss/: 0.0 KB of JavaScript (gzip) on a page with no interactive element, budget 0.0 KB",
    ]);
  });

  it("allows a page with a figure up to 40 KB of JavaScript and fails it above", () => {
    const figurePage = { ...textPage, interactive: true };
    expect(weightProblems({ ...figurePage, jsGzip: BUDGETS.jsInteractive })).toEqual([]);
    expect(weightProblems({ ...figurePage, jsGzip: BUDGETS.jsInteractive + 1 })).toHaveLength(1);
    expect(weightProblems({ ...figurePage, jsGzip: 95 * KB })[0]).toContain("95.0 KB of JavaScript");
  });

  it("fails CSS over 30 KB and a theme script grown over 1 KB", () => {
    expect(weightProblems({ ...textPage, cssGzip: 31 * KB })).toEqual([
      "/why-focal-loss/: 31.0 KB of CSS (gzip), budget 30.0 KB",
    ]);
    expect(weightProblems({ ...textPage, themeScriptGzip: 2 * KB })).toEqual([
      "/why-focal-loss/: theme script is 2.0 KB (gzip), budget 1.0 KB",
    ]);
  });
});

describe("the slide deck's budget", () => {
  it("holds the reveal.js deck to its own cap, and only the deck", () => {
    const deck = { ...textPage, page: "/deck/", interactive: true, jsGzip: 85 * KB };
    expect(weightProblems({ ...deck, deck: true })).toEqual([]);
    expect(weightProblems(deck)).toEqual([
      "/deck/: 85.0 KB of JavaScript (gzip) on a page with interactive elements, budget 40.0 KB",
    ]);
    expect(weightProblems({ ...deck, deck: true, jsGzip: BUDGETS.jsDeck + 1 })).toHaveLength(1);
  });
});

describe("imageProblems", () => {
  it("fails only the files over 200 KB", () => {
    expect(
      imageProblems([
        { file: "a.png", bytes: 200 * KB },
        { file: "b.png", bytes: 200 * KB + 1 },
      ]),
    ).toEqual(["b.png: 200.0 KB, budget 200.0 KB"]);
  });
});

describe("layoutShiftProblems", () => {
  it("passes no shift and fails any shift at all", () => {
    expect(layoutShiftProblems("/", "on load", [])).toEqual([]);
    expect(layoutShiftProblems("/", "on load", [0, 0])).toEqual([]);
    expect(layoutShiftProblems("/", "on load", [0.00002])).toEqual([
      "/: layout shift 0.0000 on load (1 shifts), budget 0",
    ]);
  });
});
