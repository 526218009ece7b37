import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractThemeTokens, resolveVars, tokenDeclarations } from "../../../../src/lib/site/theme-tokens";

const globalCss = readFileSync("src/styles/global.css", "utf8");

describe("extractThemeTokens", () => {
  it("reads both palettes from the site's own global.css", () => {
    const { light, dark } = extractThemeTokens(globalCss);
    // Every curve colour exists in both themes, and the dark theme restates them with lifted lightness.
    for (const name of ["--curve-g0", "--curve-g05", "--curve-g1", "--curve-g2", "--curve-g5", "--curve-reader", "--bg", "--text"]) {
      expect(light[name], name).toMatch(/^#[0-9a-f]{6}$|^rgb\(/i);
      expect(dark[name], name).toMatch(/^#[0-9a-f]{6}$|^rgb\(/i);
      expect(dark[name], name).not.toBe(light[name]);
    }
    // Tokens the dark block does not restate are inherited from light.
    expect(dark["--font-ui"]).toBe(light["--font-ui"]);
    expect(light["--font-ui"]).toContain("Inter");
  });

  it("takes the values from the right blocks", () => {
    const css = `/* c */ :root { --bg: #fff; --text: #000; --w: 1px }
      @media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { --bg: #111; } }
      :root[data-theme="dark"] { --bg: #222; }`;
    expect(extractThemeTokens(css)).toEqual({
      light: { "--bg": "#fff", "--text": "#000", "--w": "1px" },
      dark: { "--bg": "#222", "--text": "#000", "--w": "1px" },
    });
  });

  it("fails loudly when the token blocks are missing rather than drawing black images", () => {
    expect(() => extractThemeTokens("body { color: red }")).toThrow(/token blocks/);
  });
});

describe("resolveVars", () => {
  const tokens = { "--a": "#123456", "--b": "var(--a)", "--c": "rgb(1 2 3 / 0.5)" };
  it.each([
    ["stroke: var(--a);", "stroke: #123456;"],
    ["stroke: var( --b );", "stroke: #123456;"],
    ["fill: var(--missing, #fff);", "fill: #fff;"],
    ["fill: var(--missing, var(--c));", "fill: rgb(1 2 3 / 0.5);"],
    ["fill: var(--missing);", "fill: initial;"],
    ["a: var(--a) var(--c)", "a: #123456 rgb(1 2 3 / 0.5)"],
  ])("%s → %s", (input, expected) => {
    expect(resolveVars(input, tokens)).toBe(expected);
  });
  it("stops on a token cycle", () => {
    expect(() => resolveVars("x: var(--p)", { "--p": "var(--q)", "--q": "var(--p)" })).not.toThrow();
  });
});

describe("tokenDeclarations", () => {
  it("writes declarations", () => {
    expect(tokenDeclarations({ "--a": "#fff", "--b": "1px" })).toBe("--a:#fff;--b:1px;");
  });
});
