import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inlineStyles, parseRules, splitAlpha, type StyledNode } from "../../../src/build/inline-css";

describe("parseRules", () => {
  it("keeps type/class/descendant rules, splits selector lists, skips at-rules and other selectors", () => {
    const rules = parseRules(`
      /* comment { } */
      .a .b, g.c { fill: red; stroke: blue !important }
      @container chart (max-width: 520px) { .a { fill: green } }
      .a > .b { fill: pink }
      .a:hover { fill: pink }
      [data-x] { fill: pink }
      * { opacity: 1 }`);
    expect(rules.map((r) => r.declarations)).toEqual([
      [["fill", "red"], ["stroke", "blue"]],
      [["fill", "red"], ["stroke", "blue"]],
      [["opacity", "1"]],
    ]);
  });
});

describe("inlineStyles", () => {
  const css = `
    .chart { font-family: var(--font-ui, sans-serif); font-size: 12px; width: 100%; }
    .chart .k1 { --c: var(--one); --dash: 4 2; }
    .chart .k2 { --c: #222; }
    .chart .curve { fill: none; stroke: var(--c); stroke-dasharray: var(--dash, none); stroke-width: 2; }
    .chart .curve.strong { stroke-width: 3.5; }
    .chart .row .swatch { stroke: var(--c); }
    .chart .gone { display: none; }`;
  const tree = (): StyledNode => ({
    tag: "svg",
    attrs: { class: "chart" },
    children: [
      { tag: "path", attrs: { class: "curve k1", d: "M0 0" } },
      { tag: "path", attrs: { class: "curve k2 strong", d: "M0 0" } },
      { tag: "g", attrs: { class: "row k1" }, children: [{ tag: "line", attrs: { class: "swatch" } }] },
      { tag: "text", attrs: { class: "gone" }, text: "hidden" },
    ],
  });

  it("resolves custom properties where they are used, and the cascade by specificity", () => {
    const out = inlineStyles(tree(), css, { "--one": "#111", "--font-ui": '"Inter", sans-serif' });
    expect(out.attrs).toMatchObject({ "font-family": '"Inter", sans-serif', "font-size": "12px" });
    expect(out.attrs).not.toHaveProperty("width");
    expect(out.children![0]!.attrs).toMatchObject({ fill: "none", stroke: "#111", "stroke-dasharray": "4 2", "stroke-width": "2" });
    expect(out.children![1]!.attrs).toMatchObject({ stroke: "#222", "stroke-dasharray": "none", "stroke-width": "3.5" });
    expect(out.children![2]!.children![0]!.attrs).toMatchObject({ stroke: "#111" });
    expect(out.children).toHaveLength(3);
  });

  it("styles the real chart stylesheet's reader curve with the theme's reader colour", () => {
    const chartsCss = readFileSync("src/charts/charts.css", "utf8");
    const out = inlineStyles(
      { tag: "svg", attrs: { class: "chart" }, children: [{ tag: "path", attrs: { class: "curve curve-reader is-reader" } }] },
      chartsCss,
      { "--curve-reader": "#abcdef" },
    );
    expect(out.children![0]!.attrs).toMatchObject({ stroke: "#abcdef", fill: "none", "stroke-width": "3.5" });
  });
});

describe("splitAlpha", () => {
  it.each([
    ["rgb(86 180 233 / 0.09)", "rgb(86,180,233)", 0.09],
    ["rgba(1, 2, 3, 0.5)", "rgb(1,2,3)", 0.5],
    ["rgb(1 2 3 / 50%)", "rgb(1,2,3)", 0.5],
    ["rgb(1, 2, 3)", "rgb(1,2,3)", 1],
    ["#abcdef", "#abcdef", 1],
    ["none", "none", 1],
  ])("%s → %s at %s", (input, colour, alpha) => {
    expect(splitAlpha(input)).toEqual({ colour, alpha });
  });

  it("moves a colour's alpha into the paint's opacity, times any declared opacity", () => {
    const out = inlineStyles(
      { tag: "svg", attrs: { class: "a" }, children: [{ tag: "rect", attrs: { class: "band" } }] },
      ".a .band { fill: var(--band); fill-opacity: 0.5 }",
      { "--band": "rgb(0 114 178 / 0.08)" },
    );
    expect(out.children![0]!.attrs).toMatchObject({ fill: "rgb(0,114,178)", "fill-opacity": "0.04" });
  });
});
