import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CHART_TEXT,
  CURVE_FAMILIES,
  PAINT_RULES,
  PAINT_TOKENS,
  colourAndOpacity,
  markAttributes,
  paintScene,
} from "../../../src/charts/paint";
import { node, type SvgNode } from "../../../src/charts/scene";
import { THEME_TOKENS } from "../../../src/lib/site/theme-tokens";

const chartsCss = readFileSync("src/charts/charts.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** Top-level rules of charts.css as [selector, declarations]; at-rule blocks are skipped. */
function cssRules(): [string, [string, string][]][] {
  const out: [string, [string, string][]][] = [];
  let depth = 0;
  let start = 0;
  let prelude = "";
  for (let i = 0; i < chartsCss.length; i++) {
    const ch = chartsCss[i];
    if (ch === "{") {
      if (depth === 0) {
        prelude = chartsCss.slice(start, i).trim();
        start = i + 1;
      }
      depth++;
    } else if (ch === "}") {
      depth--;
      if (depth === 0) {
        const body = chartsCss.slice(start, i);
        if (!prelude.startsWith("@")) {
          const decls = body
            .split(";")
            .map((d) => /^\s*([\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(d))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => [m[1]!, m[2]!] as [string, string]);
          for (const selector of prelude.split(",")) out.push([selector.trim(), decls]);
        }
        start = i + 1;
      }
    }
  }
  return out;
}

const PAINT_PROPERTIES = new Set([
  "fill",
  "stroke",
  "fill-opacity",
  "stroke-opacity",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linejoin",
  "font-size",
  "font-weight",
  "font-style",
  "font-variant-numeric",
  "paint-order",
]);

/** A stylesheet value in the table's terms: var(--c) / var(--dash, none) → "family", var(--token, fallback) → the token, 12px → 12. */
function tableValue(value: string): string | number {
  if (value === "var(--c)" || value === "var(--dash, none)") return "family";
  const token = /^var\((--[\w-]+)\s*,\s*(.+)\)$/.exec(value);
  if (token) {
    // The fallback (used where the tokens are not defined) must be the light theme's value.
    expect(token[2], value).toBe(THEME_TOKENS.light[token[1] as keyof typeof THEME_TOKENS.light]);
    return token[1]!;
  }
  const number = /^(-?[\d.]+)(px)?$/.exec(value);
  return number ? Number(number[1]) : value;
}

/** "mark|within" → property → value, for the stylesheet's `.chart .mark`, `.chart .mark.is-x` and `.chart .is-x .mark` rules. */
function paintFromCss(): Map<string, Record<string, string | number>> {
  const out = new Map<string, Record<string, string | number>>();
  for (const [selector, decls] of cssRules()) {
    const m =
      /^\.chart \.([\w-]+)(?:\.([\w-]+))?$/.exec(selector) ?? /^\.chart \.(is-[\w-]+) \.([\w-]+)$/.exec(selector);
    if (!m) continue;
    const [mark, within] = selector.includes(" .is-") ? [m[2]!, m[1]!] : [m[1]!, m[2]];
    if (mark in CURVE_FAMILIES) continue;
    const key = `${mark}|${within ?? ""}`;
    const paint = out.get(key) ?? {};
    for (const [property, value] of decls) if (PAINT_PROPERTIES.has(property)) paint[property] = tableValue(value);
    if (Object.keys(paint).length) out.set(key, paint);
  }
  return out;
}

describe("the paint table and charts.css", () => {
  it("paint every mark with the same tokens, widths and dashes", () => {
    const table = new Map<string, Record<string, string | number>>();
    for (const rule of PAINT_RULES) {
      const key = `${rule.mark}|${rule.within ?? ""}`;
      table.set(key, { ...table.get(key), ...rule.paint });
    }
    expect(Object.fromEntries(paintFromCss())).toEqual(Object.fromEntries(table));
  });

  it("give each curve family the same colour token and dash", () => {
    const families: Record<string, { colour: string; dash?: string }> = {};
    for (const [selector, decls] of cssRules()) {
      const m = /^\.chart \.(curve-[\w-]+)$/.exec(selector);
      if (!m) continue;
      const colour = decls.find(([p]) => p === "--c")![1];
      const dash = decls.find(([p]) => p === "--dash")?.[1];
      families[m[1]!] = { colour: tableValue(colour) as string, ...(dash ? { dash } : {}) };
    }
    expect(families).toEqual(CURVE_FAMILIES);
  });

  it("set the chart's text in the same face and size", () => {
    const root = Object.fromEntries(cssRules().find(([s]) => s === ".chart")![1]);
    expect(root["font-size"]).toBe(`${CHART_TEXT["font-size"]}px`);
    expect(root["font-family"]).toMatch(new RegExp(`^var\\(${CHART_TEXT["font-family"]}, "Inter"`));
  });
});

describe("colourAndOpacity", () => {
  it.each([
    ["#B8860B", { colour: "#b8860b", opacity: 1 }],
    ["rgb(0 114 178 / 0.07)", { colour: "#0072b2", opacity: 0.07 }],
    ["rgb(86 180 233 / 0.09)", { colour: "#56b4e9", opacity: 0.09 }],
    // How Chromium reports the two band tokens when read back from a live page.
    ["#56b4e917", { colour: "#56b4e9", opacity: 0.09 }],
    ["#0072b212", { colour: "#0072b2", opacity: 0.07 }],
    ["rgba(86, 180, 233, 0.09)", { colour: "#56b4e9", opacity: 0.09 }],
  ])("%s → %o", (value, expected) => expect(colourAndOpacity(value)).toEqual(expected));

  it("refuses a colour it cannot write as an attribute rather than paint it black", () => {
    expect(() => colourAndOpacity("var(--x)")).toThrow(/#rrggbb/);
  });
});

describe("paintScene", () => {
  const scene = node("svg", "s", { class: "chart" }, [
    node("rect", "band", { class: "band" }),
    node("path", "g2", { class: "curve curve-g2" }),
    node("path", "reader", { class: "curve curve-reader is-reader" }),
    node("g", "row", { class: "legend-row curve-g5" }, [
      node("line", "swatch", { class: "swatch" }),
      node("text", "label", { class: "legend-label" }, "γ = 5"),
    ]),
    node("g", "mine", { class: "legend-row curve-reader is-reader" }, [
      node("text", "label", { class: "legend-label" }, "yours"),
    ]),
  ]);
  const painted = paintScene(scene, THEME_TOKENS.dark);
  const at = (...keys: string[]): SvgNode =>
    keys.reduce<SvgNode>((n, k) => n.children!.find((c) => c.key === k)!, painted);

  it("writes the band's colour and its alpha as an opacity (the preset images once drew it at 0)", () => {
    expect(at("band").attrs).toMatchObject({ fill: "#56b4e9", "fill-opacity": 0.09 });
  });

  it("gives a curve its family's colour and dash, and the reader's curve its weight and no dash", () => {
    expect(at("g2").attrs).toMatchObject({
      stroke: "#f0c05a",
      "stroke-dasharray": "12 3 2 3",
      "stroke-width": 2,
      fill: "none",
    });
    expect(at("reader").attrs).toMatchObject({ stroke: "#ff7ac6", "stroke-width": 3.5 });
    expect(at("reader").attrs?.["stroke-dasharray"] ?? null).toBeNull();
  });

  it("paints a legend swatch in the family of its row, and sets the reader's row in semibold", () => {
    expect(at("row", "swatch").attrs).toMatchObject({ stroke: "#ff8a4c", "stroke-dasharray": "5 3" });
    expect(at("row", "label").attrs?.["font-weight"]).toBeUndefined();
    expect(at("mine", "label").attrs).toMatchObject({ "font-weight": 600, fill: "#e8e6e1" });
  });

  it("sets the text face on the root and leaves the scene it was given untouched", () => {
    expect(painted.attrs).toMatchObject({ "font-family": THEME_TOKENS.dark["--font-ui"], "font-size": 12 });
    expect(scene.children![0]!.attrs).toEqual({ class: "band" });
  });

  it("paints only with tokens that are colours it can write, in both themes", () => {
    for (const theme of ["light", "dark"] as const)
      for (const token of PAINT_TOKENS) expect(() => colourAndOpacity(THEME_TOKENS[theme][token]), token).not.toThrow();
    expect([...PAINT_TOKENS]).toEqual(
      expect.arrayContaining(["--band", "--curve-reader", "--text-muted", "--bg-raised"]),
    );
  });

  it("paints nothing it has no rule for", () => {
    expect(markAttributes(["unknown"], new Set(), THEME_TOKENS.light)).toEqual({});
  });
});
